import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Channel } from '../live/channel.js';

type Executed = ReturnType<typeof execute>;

/**
 * One execution per event for the subscribers that would compute the same payload from it. The live
 * engine hands every watcher of an asset the same event object (src/live/watch.ts), so 10,000
 * subscribers of 1,000 assets used to execute their selection 10,000 times per change; now each
 * (event, document, operation, variables) executes once and the others reuse its result. The
 * authorization scope needs no part of the key: every caller that passed the caller check sees the
 * same data and no resolver reads the caller (src/context.ts holds nothing per caller) — if one ever
 * does, its scope belongs in shareKey. Results are never mutated downstream (error presentation and
 * extensions.cost copy them), so sharing one object is safe. A result lives as long as its event
 * (a WeakMap on it): as long as some watcher still holds that asset as its latest state.
 */
export function useSharedEventExecution(): Plugin {
  return {
    // Listed before useCost, which wraps whatever subscribe function it finds in its meter.
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeSharingEvents);
    },
  };
}

const executions = new WeakMap<object, Map<string, Executed>>();

/**
 * A transport's way past the subscription's pipeline of async iterators: writes one event's result
 * itself and returns true, or false to leave it to the pipeline. src/server/ws.ts offers one per
 * graphql-ws subscription, keyed by its context value, and writes the shared frame to the socket.
 */
export interface DirectDelivery {
  deliver(result: ExecutionResult): boolean;
}

const directDeliveries = new WeakMap<object, DirectDelivery>();

export function offerDirectDelivery(contextValue: object, delivery: DirectDelivery): void {
  directDeliveries.set(contextValue, delivery);
}

/**
 * graphql-js' subscribe, with its per-event execute looked up by the event and the share key first.
 * When the transport offers direct delivery and the source is a live Channel, every event after the
 * first skips the pipeline (graphql-js' and envelop's maps, graphql-ws' for-await, a serialisation
 * per subscriber): at 10,000 subscribers that pipeline, not the execution, was the time to the last
 * frame. The first event always takes the pipeline, as it carries extensions.cost (use-cost).
 */
export async function subscribeSharingEvents(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  return new SharedEventStream(source, shareKey(args), args, directDeliveries.get(args.contextValue as object));
}

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * A subscription's results: each event of its source executed once per share key. Methods on a
 * class rather than graphql-yoga's mapAsyncIterator (six closures and their scopes): a subscription
 * holds its stream for life, and at 10,000 subscribers each closure is a fifth of a megabyte.
 */
class SharedEventStream implements AsyncIterableIterator<ExecutionResult> {
  private armed = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly key: string,
    private readonly args: ExecutionArgs,
    private readonly delivery: DirectDelivery | undefined,
  ) {}

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then((step) => (step.done ? DONE : this.map(step.value)));
  }

  return(value?: unknown): Promise<IteratorResult<ExecutionResult>> {
    return this.source.return?.(value).then(() => DONE) ?? Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    return this.source.throw?.(error).then(() => DONE) ?? Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async map(event: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (!this.armed) this.arm();
    try {
      return { value: await executeOnce(event, this.key, this.args), done: false };
    } catch (error) {
      // As graphql-js' own map does: a failed execution ends the source too, or its watch would linger.
      await this.return();
      throw error;
    }
  }

  /** As the first event goes by: from then on, an event that arrives while the pipeline waits skips it. */
  private arm(): void {
    this.armed = true;
    if (this.delivery && this.source instanceof Channel) this.source.bypass = this;
  }

  /**
   * The Channel's bypass: only a result that is ready and has no errors, as the pipeline's hooks
   * (error masking, coordinates, presentation, the error log) change nothing else, so the frame is
   * what graphql-ws would have sent. A pending one stays in the shared map for the pipeline.
   */
  offer(event: unknown): boolean {
    const result = executeOnce(event, this.key, this.args);
    return !(result instanceof Promise) && result.errors === undefined && this.delivery!.deliver(result);
  }
}

function executeOnce(event: unknown, key: string, args: ExecutionArgs): Executed {
  const run = () => execute({ ...args, rootValue: event });
  if (typeof event !== 'object' || event === null) return run();
  let byKey = executions.get(event);
  if (!byKey) {
    byKey = new Map();
    executions.set(event, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = run();
    byKey.set(key, result);
  }
  return result;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/**
 * The same parsed document (yoga's parse cache hands one DocumentNode per query text), operation and
 * variables. The variables as the client sent them: the same values in another key order only miss a
 * share, never give a wrong one.
 */
function shareKey({ document, operationName, variableValues }: ExecutionArgs): string {
  let id = documentIds.get(document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(document, id);
  }
  return `${id}\n${operationName ?? ''}\n${JSON.stringify(variableValues ?? {})}`;
}
