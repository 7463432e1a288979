import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';

export interface AdapterOptions {
  /** Ping each socket this often; one that has not answered by the next ping is dropped. */
  keepAliveMs?: number;
  /** A client's fault on the socket (a frame over the size limit, invalid UTF-8): ws closes it itself. */
  onSocketError(socket: WebSocket, error: Error): void;
  /** Our own bug while handling a message: the socket is closed with 4500 and no detail. */
  onInternalError(socket: WebSocket, error: unknown): void;
}

export type Extra = { socket: WebSocket; request: IncomingMessage };

/**
 * graphql-ws' protocol core (makeServer) on a ws server, as graphql-ws' own `use/ws` adapter does it,
 * with two differences that matter at an edge: nothing is printed with console.error (errors go to
 * the callbacks, i.e. our logger), and a client that sends a message only a server may send
 * (`next`, `error`, `connection_ack`) is refused with 4400 like any other invalid message, where the
 * core's "Unexpected message" throw would have been reported as a 4500 server failure.
 */
export function serveGraphQLWs(wss: WebSocketServer, options: ServerOptions<Record<string, unknown>, Extra>, adapter: AdapterOptions) {
  const core = makeServer(options);
  const keepAliveMs = adapter.keepAliveMs ?? 12_000;
  wss.options.handleProtocols = handleProtocols;

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.on('error', (error) => adapter.onSocketError(socket, error));
    let alive = true;
    socket.on('pong', () => (alive = true));
    const keepAlive = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, keepAliveMs);

    const extra: Extra = { socket, request };
    const closed = core.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            sendInTurn(extra, data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        // Not an async listener: graphql-ws settles `handle` only when the operation it started
        // ends, and an awaiting frame would keep the message's buffer alive for a subscription's life.
        onMessage: (handle) => socket.on('message', (data) => void handle(String(data)).catch(failed)),
      },
      extra,
    );
    function failed(error: unknown): void {
      if (error instanceof Error && /^Unexpected message of type /.test(error.message)) {
        socket.close(CloseCode.BadRequest, 'Invalid message received');
        return;
      }
      adapter.onInternalError(socket, error);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    }

    socket.once('close', (code, reason) => {
      clearInterval(keepAlive);
      void closed(code, String(reason));
    });
  });

  return {
    /** Closes every socket with 1001 "Going away" and stops the server. */
    async dispose(): Promise<void> {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Sockets corked by sendInTurn, and since when the oldest of their frames has waited. */
const corked = new Set<Duplex>();
let corkedSince = 0;

/**
 * The longest a frame waits in a cork while one long fan-out goes on writing: short enough that
 * clients read while it writes, long enough that each flush carries many frames per socket (at 2 ms
 * the system calls doubled the time of a 10,000-subscriber fan-out; at 10 ms it went 250 → 170–230 ms).
 */
const MAX_CORK_MS = 10;

/**
 * Sends a message with its socket corked until the microtasks queued so far have run, so the frames
 * one fan-out writes to a socket in one go (50 subscribers' events) leave in one writev rather than
 * one system call and write request each. A microtask, not nextTick: the live bus dispatches inside
 * one, and a nextTick would wait for every subscriber's completion that the fan-out set going. A
 * fan-out that runs longer than MAX_CORK_MS flushes as it goes, so clients read while it writes.
 * `request.socket` is the stream ws writes to.
 */
export function sendInTurn({ socket, request }: Extra, data: string, done?: (error?: Error) => void): void {
  const raw = request.socket;
  if (corked.size === 0) {
    corkedSince = performance.now();
    queueMicrotask(uncorkAll);
  } else if (performance.now() - corkedSince > MAX_CORK_MS) {
    uncorkAll();
    corkedSince = performance.now();
  }
  if (!corked.has(raw)) {
    corked.add(raw);
    raw.cork();
  }
  socket.send(data, done);
}

function uncorkAll(): void {
  for (const raw of corked) raw.uncork();
  corked.clear();
}
