/**
 * The Content-Type table of useapi.net's `POST /runwayml/assets/`, as the sandbox checks it: copied from
 * the docs (UA-DOCS post-runwayml-assets, revision of 2025-07-22), in their order and spelling, and kept
 * apart from the client's own copy on purpose, so a wrong row in one is caught by the other.
 */

export interface AcceptedType {
  contentType: string;
  /** The extension the docs pair with it, as the stored asset's file name ends. */
  extension: string;
  mediaType: 'image' | 'video' | 'audio';
}

const rows = (mediaType: AcceptedType['mediaType'], list: string): AcceptedType[] =>
  list.split(' ').map((pair) => {
    const [contentType, extension] = pair.split('=') as [string, string];
    return { contentType, extension, mediaType };
  });

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  ...rows('image', 'image/png=png image/jpeg=jpeg image/gif=gif image/webp=webp image/mpo=mpo'),
  ...rows(
    'video',
    'video/mp4=mp4 video/quicktime=mov video/3gpp=3gp video/x-matroska=mkv video/x-flv=flv video/mpeg=mpeg video/MP2T=ts video/x-msvideo=avi video/x-motion-jpeg=mjpeg video/webm=webm video/ogg=ogv',
  ),
  ...rows('audio', 'audio/wav=wav audio/wave=wav audio/mpeg=mp3 audio/flac=flac audio/ogg=ogg audio/webm=webm'),
];

/** [I] No size limit is documented; useapi sits behind Cloudflare, whose body caps reach 500 MB. */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** The row a Content-Type header matches ([I] case-insensitive, parameters ignored), if any. */
export function acceptedType(header: string | undefined): AcceptedType | undefined {
  const bare = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return ACCEPTED_TYPES.find((t) => t.contentType.toLowerCase() === bare);
}
