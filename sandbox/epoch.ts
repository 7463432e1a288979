/**
 * When this sandbox started (to the second): every seeded timestamp is placed relative to it, so a fresh
 * sandbox lives in the present — history in the last days, processing assets created minutes ago —
 * and a README example such as `changes(since: <yesterday>)` answers whenever it is run. One value per
 * process, so every seed call within it is identical (the seeds stay deterministic for tests).
 */
export const SANDBOX_EPOCH = Math.floor(Date.now() / 1000) * 1000;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
