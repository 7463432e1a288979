import { createHash, createHmac } from 'node:crypto';

/** The part size the sandbox hands out [I: the real one is not documented; 5 MiB is the docs' example]. */
export const CHUNK_SIZE_DEFAULT = 5 * 1024 * 1024;
/** URLs in the create reply; the rest come from presigned-urls [I: "may not include URLs for all chunks"]. */
export const INITIAL_URLS_DEFAULT = 10;
/** Documented: sessions last 24 h, each presigned URL one hour. */
const SESSION_TTL_MS = 24 * 3_600_000;
export const URL_TTL_MS = 3_600_000;
/** Signs the sandbox's part URLs; a stand-in for S3's signature (nothing here is secret). */
const SIGNING_KEY = 'twelvelabs-sandbox-presign';

export interface Session {
  uploadId: string;
  assetId: string;
  filename: string;
  totalSize: number;
  chunkSize: number;
  totalChunks: number;
  createdAtMs: number;
  expiresAtMs: number;
  /** Parts whose bytes arrived (chunk index → ETag and size), as S3 would hold them. */
  received: Map<number, { etag: string; size: number }>;
  /** Parts reported to POST /assets/multipart-uploads/{upload_id}. */
  reported: Set<number>;
  completed: boolean;
}

export type PartCheck = 'ok' | 'expired' | 'denied';

/** Multipart upload sessions by upload id, and the part URLs' signing. */
export class MultipartSessions {
  /** Bytes per part for new sessions; tests shrink it to upload real parts cheaply. */
  chunkSizeBytes = CHUNK_SIZE_DEFAULT;
  initialUrls = INITIAL_URLS_DEFAULT;
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly clock: () => number,
    private readonly newId: () => string,
  ) {}

  create(assetId: string, filename: string, totalSize: number): Session {
    const now = this.clock();
    const chunkSize = this.chunkSizeBytes;
    const session: Session = {
      uploadId: this.newId(),
      assetId,
      filename,
      totalSize,
      chunkSize,
      totalChunks: Math.ceil(totalSize / chunkSize),
      createdAtMs: now,
      expiresAtMs: now + SESSION_TTL_MS,
      received: new Map(),
      reported: new Set(),
      completed: false,
    };
    this.byId.set(session.uploadId, session);
    return session;
  }

  get(uploadId: string): Session | undefined {
    return this.byId.get(uploadId);
  }

  /** Every part is chunkSize bytes but the last, which holds the rest. */
  expectedSize(session: Session, index: number): number {
    return index < session.totalChunks ? session.chunkSize : session.totalSize - session.chunkSize * (index - 1);
  }

  /** The query a part URL carries: when it expires (epoch seconds) and its signature. */
  sign(uploadId: string, index: number): { expires: number; signature: string } {
    const expires = Math.floor((this.clock() + URL_TTL_MS) / 1000);
    return { expires, signature: this.signature(uploadId, index, expires) };
  }

  check(uploadId: string, index: number, expires: string | null, signature: string | null): PartCheck {
    const seconds = Number(expires);
    if (!expires || !signature || !Number.isInteger(seconds)) return 'denied';
    if (signature !== this.signature(uploadId, index, seconds)) return 'denied';
    return this.clock() > seconds * 1000 ? 'expired' : 'ok';
  }

  /** Stores a part's arrival and returns its ETag (the MD5 of the bytes, as S3 computes it). */
  receive(session: Session, index: number, bytes: Buffer): string {
    const etag = createHash('md5').update(bytes).digest('hex');
    session.received.set(index, { etag, size: bytes.length });
    return etag;
  }

  private signature(uploadId: string, index: number, expires: number): string {
    return createHmac('sha256', SIGNING_KEY).update(`${uploadId}/${index}/${expires}`).digest('hex');
  }
}
