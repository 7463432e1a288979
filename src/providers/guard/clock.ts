/** A pending timer that can be cancelled. */
export interface Timer {
  clear(): void;
}

/**
 * Monotonic time and timers, injected so the guards can be tested with a fake clock. `now()` is in
 * milliseconds from an arbitrary origin: only differences mean anything.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): Timer;
}

/** performance.now(): monotonic, so a wall-clock step (NTP, DST) cannot open a gate early or late. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, Math.max(0, ms));
    return { clear: () => clearTimeout(handle) };
  },
};
