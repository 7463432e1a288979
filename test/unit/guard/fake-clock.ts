import type { Clock, Timer } from '../../../src/providers/guard/clock.js';

interface Pending {
  at: number;
  seq: number;
  callback: () => void;
  cleared: boolean;
}

/** A clock that moves only when told to; timers fire in time order, ties in the order they were set. */
export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Pending[] = [];
  /** Every timer ever set, for tests that check nothing polls. */
  scheduled = 0;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): Timer {
    const timer: Pending = { at: this.time + Math.max(0, ms), seq: this.seq++, callback, cleared: false };
    this.timers.push(timer);
    this.scheduled++;
    return { clear: () => (timer.cleared = true) };
  }

  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.timers.filter((t) => !t.cleared).length;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promise callbacks run after each. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      this.timers = this.timers.filter((t) => !t.cleared);
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
    this.time = target;
    await settle();
  }
}

/** Lets every queued promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
