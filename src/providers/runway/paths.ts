/**
 * The path of one asset. Every useapi example puts the composite assetId in the URL as it is
 * (`…/runwayml/assets/${assetId}`, UA-DOCS get-/del-runwayml-assets-assetId), and `:`, `@` and the
 * sub-delims (a plus-addressed account email's `+`) are legal in a path segment (RFC 3986 `pchar`), so
 * they go raw; only what is not `pchar` is percent-encoded. Whether useapi would decode `%3A`/`%40` is
 * unknown (providers.md §4.1 [I]): the raw form is the one its own docs send.
 */
export function runwayAssetPath(assetId: string): string {
  return `/assets/${encodeURIComponent(assetId).replace(PCHAR_ESCAPED, decodeURIComponent)}`;
}

/** What encodeURIComponent escapes that a path segment may hold as it is: `:` `@` `$` `&` `+` `,` `;` `=`. */
const PCHAR_ESCAPED = /%(?:3A|40|24|26|2B|2C|3B|3D)/gi;
