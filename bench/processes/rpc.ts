/**
 * The child side of the bench's control channel: Node's IPC pipe (spawned with stdio 'ipc'), so the
 * control traffic never touches the HTTP servers being measured. Each message is `{ id, method, args }`
 * and is answered with `{ id, result }` or `{ id, error }`.
 */
export type Handlers = Record<string, (args: any) => unknown>;

interface Call {
  id: number;
  method: string;
  args: unknown;
}

export function serveRpc(handlers: Handlers): void {
  process.on('message', (message: Call) => {
    void (async () => {
      try {
        const handler = handlers[message.method];
        if (!handler) throw new Error(`unknown method ${message.method}`);
        const result = await handler(message.args);
        process.send?.({ id: message.id, result });
      } catch (error) {
        process.send?.({ id: message.id, error: (error as Error).stack ?? String(error) });
      }
    })();
  });
  // The bench went away (finished or crashed): leave no orphan holding ports.
  process.on('disconnect', () => process.exit(0));
}

/** Tells the parent the child is listening, with whatever it needs to reach it. */
export function announce(ready: unknown): void {
  process.send?.({ ready });
}

/** Exits once the answer to the last call has gone out, so the parent's `stop` resolves first. */
export function exitSoon(): void {
  setTimeout(() => process.exit(0), 50);
}

/** process.memoryUsage(), after two full collections when the child runs with --expose-gc and `gc` is asked. */
export function memory(args: { gc?: boolean } | undefined): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (args?.gc && gc) {
    gc();
    gc();
  }
  return process.memoryUsage();
}

/** CPU time this process has used (user + system, µs): per-request cost that machine noise does not inflate. */
export function cpu(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

let session: import('node:inspector/promises').Session | undefined;

/**
 * CPU profiling of this process for the span the bench chooses (BENCH_PROFILE=1): `--cpu-prof` would
 * also record start-up and module loading, which drown a ten-second load run.
 */
export const profiling: Handlers = {
  async profileStart() {
    const { Session } = await import('node:inspector/promises');
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  },
  async profileStop({ file }: { file: string }) {
    if (!session) throw new Error('no profile running');
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    session = undefined;
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return file;
  },
  /** A V8 heap snapshot (what a subscriber keeps alive), for Chrome DevTools' Memory tab. */
  async heapSnapshot({ file }: { file: string }) {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    const { writeHeapSnapshot } = await import('node:v8');
    mkdirSync(dirname(file), { recursive: true });
    return writeHeapSnapshot(file);
  },
};
