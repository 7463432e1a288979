import type { LiveBatch } from './types.js';

/** Where batches travel between pollers, mutations and watchers: in process, or through Redis. */
export interface LiveBus {
  publish(topic: string, batch: LiveBatch): Promise<void>;
  /** Listens for the life of the bus: the engine subscribes once per provider and fans out itself. */
  subscribe(topic: string, handler: (batch: LiveBatch) => void): void;
  /** Resolves once every subscription is live, so nothing published afterwards is missed. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process: a plain EventTarget. Batches are handed over by reference (nobody mutates them), and
 * listeners run on a later turn, as they would with Redis, so a publisher never runs watcher code.
 */
export function createMemoryBus(): LiveBus {
  const target = new EventTarget();
  const listeners: [string, EventListener][] = [];
  return {
    async publish(topic, batch) {
      const event = new CustomEvent<LiveBatch>(topic, { detail: batch });
      await Promise.resolve();
      target.dispatchEvent(event);
    },
    subscribe(topic, handler) {
      const listener: EventListener = (event) => handler((event as CustomEvent<LiveBatch>).detail);
      listeners.push([topic, listener]);
      target.addEventListener(topic, listener);
    },
    ready: () => Promise.resolve(),
    async close() {
      for (const [topic, listener] of listeners.splice(0)) target.removeEventListener(topic, listener);
    },
  };
}
