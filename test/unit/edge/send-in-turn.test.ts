import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { sendInTurn, type Extra } from '../../../src/server/ws-adapter.js';

/**
 * A socket as ws writes to it: each `send` is one write of the frame to the underlying stream, which
 * records how the writes reached it (one writev of many chunks, or one call each).
 */
function fakeSocket() {
  const calls: number[] = [];
  const raw = new Writable({
    writev(chunks, done) {
      calls.push(chunks.length);
      done();
    },
    write(_chunk, _encoding, done) {
      calls.push(1);
      done();
    },
  });
  const socket = { send: (data: string) => raw.write(data) } as unknown as WebSocket;
  const extra: Extra = { socket, request: { socket: raw } as unknown as IncomingMessage };
  return { extra, calls };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('sendInTurn', () => {
  it('sends the frames written to a socket in one go as one write, once the queued microtasks have run', async () => {
    const a = fakeSocket();
    const b = fakeSocket();
    for (let i = 0; i < 50; i++) {
      sendInTurn(a.extra, `a${i}`);
      sendInTurn(b.extra, `b${i}`);
    }
    expect(a.calls).toEqual([]);
    await Promise.resolve();
    expect(a.calls).toEqual([50]);
    expect(b.calls).toEqual([50]);
  });

  it('flushes as it goes when one burst of writes lasts longer than the cork may', async () => {
    const a = fakeSocket();
    const until = performance.now() + 35;
    let frames = 0;
    while (performance.now() < until) {
      sendInTurn(a.extra, `a${frames++}`);
      for (let spin = performance.now(); performance.now() - spin < 0.5; );
    }
    // Flushed during the burst, not only after it.
    expect(a.calls.length).toBeGreaterThanOrEqual(2);
    await turn();
    expect(a.calls.reduce((sum, n) => sum + n, 0)).toBe(frames);
  });

  it('a lone frame leaves within the turn it was sent in', async () => {
    const a = fakeSocket();
    sendInTurn(a.extra, 'alone');
    await turn();
    expect(a.calls).toEqual([1]);
  });
});
