import { badInput } from '../src/errors/domain.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first`, checked: 1–100, default 20. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  return first;
}

/** `first` as a list will read it, for pricing: a value the list refuses gives 0 (refused before any call). */
export function safePageSize(first: unknown): number {
  try {
    return pageSize(first as number | null | undefined);
  } catch {
    return 0;
  }
}

/**
 * Cursors are opaque to clients: base64url JSON of the offsets to resume from, one per source of the
 * list ("UPLYNK" for a provider's list, every enabled provider for a merged one). Each provider turns
 * an offset into its own paging (page numbers, skip/limit, offset/limit, or a slice).
 */
export type Offsets = Record<string, number>;

export function encodeCursor(offsets: Offsets): string {
  return Buffer.from(JSON.stringify(offsets)).toString('base64url');
}

/** Offsets to start from: zeros without a cursor; a cursor of another list is BAD_USER_INPUT. */
export function decodeCursor(after: string | null | undefined, sources: readonly string[]): Offsets {
  if (after === null || after === undefined) return Object.fromEntries(sources.map((s) => [s, 0]));
  const invalid = () => badInput('`after` is not a cursor of this list', { argument: 'after' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed as Record<string, unknown>);
  const matches =
    entries.length === sources.length && entries.every(([key, value]) => sources.includes(key) && Number.isSafeInteger(value) && (value as number) >= 0);
  if (!matches) throw invalid();
  return parsed as Offsets;
}

/** A slice of an in-memory list (providers that return whole collections) as a connection. */
export function sliceConnection<T>(items: readonly T[], source: string, first: number | null | undefined, after: string | null | undefined) {
  const size = pageSize(first);
  const offset = decodeCursor(after, [source])[source]!;
  const page = items.slice(offset, offset + size);
  return {
    edges: page.map((node, i) => ({ node, cursor: encodeCursor({ [source]: offset + i + 1 }) })),
    hasNextPage: offset + size < items.length,
    totalCount: items.length,
    incomplete: [],
  };
}
