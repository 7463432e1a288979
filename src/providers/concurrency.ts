/**
 * A counting semaphore: at most `max` tasks run at once, the rest wait in order. The loaders hold one
 * per provider per request, so a 500-id query to a provider without a multi-get cannot flood it.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** `fn` over `items` with at most `max` calls in flight; results in input order. */
export function mapLimit<T, R>(items: readonly T[], max: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limiter = new Limiter(Math.max(1, max));
  return Promise.all(items.map((item) => limiter.run(() => fn(item))));
}
