import { spawn, type ChildProcess } from 'node:child_process';

export interface Child<Ready> {
  name: string;
  pid: number;
  ready: Ready;
  call<T = unknown>(method: string, args?: unknown): Promise<T>;
  /** Asks the child to stop cleanly (closing its servers and pools), then kills it if it lingers. */
  stop(): Promise<void>;
}

/**
 * Starts `entry` as a separate process, with `node --import tsx` for a TypeScript entry and plain
 * `node` for a compiled one: on two cores, the sandbox and assetfed must not share the load
 * generator's event loop, or every figure measures the bench itself. Its stdout goes to our stderr,
 * so stdout carries only the tables.
 */
export async function startChild<Ready>(name: string, entry: string, env: Record<string, string>): Promise<Child<Ready>> {
  // --expose-gc: memory figures are read after a full collection, not at a random point of the GC cycle.
  const nodeArgs = ['--expose-gc'];
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc: ChildProcess = spawn(process.execPath, [...nodeArgs, ...loader, entry], {
    stdio: ['ignore', 2, 2, 'ipc'],
    env: { ...process.env, ...env },
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    proc.on('message', (message: { ready?: Ready; id?: number; result?: unknown; error?: string }) => {
      if (message.ready !== undefined) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiter = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id!);
      if (message.error !== undefined) waiter.reject(new Error(`${name}: ${message.error}`));
      else waiter.resolve(message.result);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const error = new Error(`${name} exited with code ${code}`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });

  const call = <T>(method: string, args?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!proc.connected) return reject(new Error(`${name} is not running`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      proc.send({ id, method, args });
    });

  return {
    name,
    pid: proc.pid!,
    ready,
    call,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      // The child answers `stop` and then exits by itself.
      await call('stop').catch(() => undefined);
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}
