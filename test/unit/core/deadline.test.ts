import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SharedDeadlines } from '../../../src/providers/deadline.js';

describe('shared call deadlines', () => {
  it('gives calls that start together one signal, aborted no earlier than the timeout and within 5% after it', async () => {
    const deadlines = new SharedDeadlines(200, () => new Error('late'));
    const started = performance.now();
    const first = deadlines.signal();
    expect(deadlines.signal()).toBe(first);
    const aborted = new Promise<number>((resolve) => first.addEventListener('abort', () => resolve(performance.now() - started)));
    await sleep(30); // past the 10 ms window
    const next = deadlines.signal();
    expect(next).not.toBe(first);
    const elapsed = await aborted;
    expect(elapsed).toBeGreaterThanOrEqual(199);
    expect(elapsed).toBeLessThan(200 + 10 + 50); // window, timer slack
    expect(first.reason).toMatchObject({ message: 'late' });
    expect(next.aborted).toBe(false);
  });

  it('takes many concurrent listeners without a leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const signal = new SharedDeadlines(1000, () => new Error('late')).signal();
    for (let i = 0; i < 500; i++) signal.addEventListener('abort', () => undefined);
    await sleep(10);
    process.off('warning', onWarning);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
