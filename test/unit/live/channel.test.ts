import { describe, expect, it, vi } from 'vitest';
import { Channel } from '../../../src/live/channel.js';

describe('Channel', () => {
  it('delivers pushed values in order, then done after end()', async () => {
    const onClose = vi.fn();
    const channel = new Channel<number>(onClose);
    channel.push(1);
    const pending = channel.next();
    channel.push(2);
    channel.end();
    channel.push(3);
    expect(await channel.next()).toEqual({ value: 2, done: false });
    expect(await pending).toEqual({ value: 1, done: false });
    expect(await channel.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('offers a value to bypass only while the consumer waits with nothing queued, and the consumer waits on', async () => {
    const channel = new Channel<number>(() => undefined);
    const offered: number[] = [];
    // Takes even values, declines odd ones.
    channel.bypass = {
      offer(value) {
        offered.push(value);
        return value % 2 === 0;
      },
    };
    channel.push(2);
    expect(await channel.next()).toEqual({ value: 2, done: false });
    const pending = channel.next();
    channel.push(4);
    channel.push(6);
    channel.push(3);
    channel.push(8);
    expect(await pending).toEqual({ value: 3, done: false });
    // 2 was queued (nobody waited), 8 too (the read that waited had been answered): never offered.
    expect(offered).toEqual([4, 6, 3]);
    expect(await channel.next()).toEqual({ value: 8, done: false });
    const last = channel.next();
    channel.push(10);
    channel.end();
    expect(await last).toEqual({ value: undefined, done: true });
    expect(offered).toEqual([4, 6, 3, 10]);
  });

  it('cleans up at once when the consumer returns while waiting, and ends the pending read', async () => {
    const onClose = vi.fn();
    const channel = new Channel<number>(onClose);
    const pending = channel.next();
    await channel.return();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await pending).toEqual({ value: undefined, done: true });
    channel.end();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('ends on abort, and at once for a signal already aborted', async () => {
    const controller = new AbortController();
    const onClose = vi.fn();
    const channel = new Channel<number>(onClose);
    channel.bindSignal(controller.signal);
    const pending = channel.next();
    controller.abort();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);

    const late = new Channel<number>(vi.fn());
    late.bindSignal(AbortSignal.abort());
    expect(late.closed).toBe(true);
    expect(await late.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects the next read with the failure, after what was queued', async () => {
    const channel = new Channel<number>(vi.fn());
    channel.push(1);
    channel.fail(new Error('not found'));
    expect(await channel.next()).toEqual({ value: 1, done: false });
    await expect(channel.next()).rejects.toThrow('not found');
    expect(await channel.next()).toEqual({ value: undefined, done: true });
  });

  it('works with for await, and return() from a break runs the cleanup', async () => {
    const onClose = vi.fn();
    const channel = new Channel<number>(onClose);
    channel.push(1);
    channel.push(2);
    for await (const value of channel) {
      expect(value).toBe(1);
      break;
    }
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
