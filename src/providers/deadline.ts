import { setMaxListeners } from 'node:events';

/**
 * Whole-call deadlines for one pool, shared by the calls that start close together: every call
 * started within the same window (a twentieth of the timeout, at most 100 ms) gets the same signal,
 * which aborts one timeout after the window closes. A call's deadline is therefore its timeout plus
 * at most 5%.
 *
 * An AbortController, its timer and a clearTimeout per call were ~6% of an upstream call's CPU
 * (bench/, a profile of the Twelve Labs client under load); a call here only adds and removes its
 * listener on a signal that already exists.
 */
export class SharedDeadlines {
  private readonly windowMs: number;
  private current: { signal: AbortSignal; closesAt: number } | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly reason: () => Error,
  ) {
    this.windowMs = Math.min(100, Math.max(1, timeoutMs / 20));
  }

  /** The signal of the window this call starts in. */
  signal(): AbortSignal {
    const now = performance.now();
    if (this.current === undefined || now >= this.current.closesAt) {
      const controller = new AbortController();
      // One listener per call in flight on it, far more than EventTarget's leak warning expects.
      setMaxListeners(0, controller.signal);
      setTimeout(() => controller.abort(this.reason()), this.timeoutMs + this.windowMs).unref();
      this.current = { signal: controller.signal, closesAt: now + this.windowMs };
    }
    return this.current.signal;
  }
}
