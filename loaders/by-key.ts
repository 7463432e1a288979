/**
 * The DataLoader contract: one result per key, in key order, matched by id (providers return rows in
 * their own order, skip missing ones and drop duplicates), with an Error for each key not found.
 */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, missing: (key: K) => Error): (V | Error)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? missing(key));
}

/** Splits keys into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
