import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { CostBucket } from '../cost/bucket.js';
import type { CallerContext, CallerOf } from '../cost/caller.js';
import { estimateCost } from '../cost/estimate.js';
import { CostMeter, metered } from '../cost/meter.js';
import { costReport, maxCostExceeded, throttled, type CostReport } from '../cost/report.js';
import type { ProviderRegistry } from '../providers/registry.js';

export interface CostOptions {
  /** MAX_QUERY_COST, default 1000: the most one operation may be estimated at. */
  maxQueryCost: number;
  bucket: CostBucket;
  callerOf: CallerOf;
  providers: ProviderRegistry;
  batching: boolean;
}

type Admission = { refused: ExecutionResult } | { run: Charge };

/** What to settle once an operation ran: its caller, estimate and meter. */
interface Charge {
  caller: string | null;
  requested: number;
  meter: CostMeter;
}

/**
 * Demand control in the execute and subscribe phases, which HTTP, SSE and graphql-ws share (ws.ts
 * runs the envelope's own execute/subscribe): the estimate, MAX_QUERY_COST, the caller's bucket,
 * the meter of actual calls, the refund, and `extensions.cost` on the answer (a subscription's first
 * event: the cost of its initial read). A bucket that cannot be reached (Redis down) lets the
 * operation through, logged, rather than failing every request: MAX_QUERY_COST still applies.
 */
export function useCost(options: CostOptions): Plugin<Context> {
  return {
    // A response that never reached execute or subscribe (a parse, validation or graphql-armor
    // error, an untrusted document) read nothing: it still says so, with the caller's bucket as it stands.
    async onResultProcess({ request, result, setResult, serverContext }) {
      if (Symbol.asyncIterator in result) return;
      const results = Array.isArray(result) ? result : [result];
      if (results.every((r) => r.extensions?.['cost'])) return;
      const server = serverContext as CallerContext;
      const cost = await standing(options, { request, req: server.req, jwt: server.jwt });
      const priced = results.map((r) => (r.extensions?.['cost'] ? r : withCost(r, cost)));
      setResult(Array.isArray(result) ? priced : priced[0]!);
    },
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const admitted = await admission(options, args);
      if ('refused' in admitted) return setResultAndStopExecution(admitted.refused);
      const charge = admitted.run;
      setExecuteFn((a) => metered(charge.meter, () => executeFn(a)));
      return {
        async onExecuteDone({ result, setResult }) {
          const cost = await settlement(options.bucket, charge, args.contextValue as Context);
          // One result: execute is graphql-js' (src/plugins/use-ordered-execution.ts), which never streams.
          setResult(withCost(result as ExecutionResult, cost));
        },
      };
    },
    async onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const admitted = await admission(options, args);
      if ('refused' in admitted) return setResultAndStopExecution(admitted.refused);
      const charge = admitted.run;
      // The first event carries the cost; the stream is wrapped here rather than through an onNext
      // hook, which would put a layer of promises under every event of every subscriber for good.
      setSubscribeFn(async (a) => {
        const result = await metered(charge.meter, () => subscribeFn(a));
        // A subscription refused at subscribe (a bad id): a single result, nothing read.
        if (!(Symbol.asyncIterator in result)) return withCost(result, reportOf(options.bucket, charge.requested, charge.meter.calls, null));
        return new FirstDecorated(result as AsyncIterable<ExecutionResult>, async (r) =>
          withCost(r, await settlement(options.bucket, charge, args.contextValue as Context)),
        );
      });
    },
  };
}

/** The result with `extensions.cost` beside whatever extensions it already carries. */
function withCost<R extends ExecutionResult>(result: R, cost: { cost: CostReport }): R {
  return { ...result, extensions: { ...result.extensions, ...cost } };
}

function reportOf(bucket: CostOptions['bucket'], requested: number, actual: number, available: number | null): { cost: CostReport } {
  return { cost: costReport(requested, actual, bucket.settings, available) };
}

/** Prices the operation and takes it from the caller's bucket: what to run with, or the refusal. */
async function admission(options: CostOptions, args: ExecutionArgs): Promise<Admission> {
  const { bucket } = options;
  const context = args.contextValue as Context & CallerContext;
  const requested = estimateCost(
    { schema: args.schema, document: args.document, operationName: args.operationName, variables: args.variableValues },
    { providers: options.providers, batching: options.batching },
  );
  const refuse = (error: GraphQLError, available: number | null) => ({
    refused: { data: null, errors: [error], extensions: reportOf(bucket, requested, 0, available) },
  });
  let caller: string | null = null;
  try {
    caller = await options.callerOf(context);
    if (requested > options.maxQueryCost) return refuse(maxCostExceeded(requested, options.maxQueryCost), await bucket.adjust(caller, 0));
    const taken = await bucket.take(caller, requested);
    if (!taken.ok) return refuse(throttled(requested, taken.available, taken.retryAfterSeconds), taken.available);
  } catch (error) {
    if (requested > options.maxQueryCost) return refuse(maxCostExceeded(requested, options.maxQueryCost), null);
    context.log.warn({ err: error }, 'cost budget unavailable: operation let through unmetered by the bucket');
    caller = null;
  }
  return { run: { caller, requested, meter: new CostMeter() } };
}

/** Nothing requested or spent: the caller's bucket as it stands (null when it cannot be read). */
async function standing(options: CostOptions, context: CallerContext): Promise<{ cost: CostReport }> {
  try {
    return reportOf(options.bucket, 0, 0, await options.bucket.adjust(await options.callerOf(context), 0));
  } catch {
    return reportOf(options.bucket, 0, 0, null);
  }
}

/** Charges the actual cost (gives back the difference to the estimate) and reports it. */
async function settlement(bucket: CostOptions['bucket'], charge: Charge, context: Context): Promise<{ cost: CostReport }> {
  const actual = charge.meter.calls;
  if (charge.caller === null) return reportOf(bucket, charge.requested, actual, null);
  try {
    return reportOf(bucket, charge.requested, actual, await bucket.adjust(charge.caller, charge.requested - actual));
  } catch (error) {
    context.log.warn({ err: error }, 'cost budget unavailable: the refund was not recorded');
    return reportOf(bucket, charge.requested, actual, null);
  }
}

/**
 * The stream with its first result decorated; later results pass straight through, with no layer of
 * their own. A class, not closures: a subscription holds it for life, and the decoration (with the
 * charge it settles) is let go once used.
 */
class FirstDecorated<R> implements AsyncIterableIterator<R> {
  private readonly inner: AsyncIterator<R>;

  constructor(
    stream: AsyncIterable<R>,
    private decorate: ((result: R) => Promise<R>) | undefined,
  ) {
    this.inner = stream[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<R>> {
    const decorate = this.decorate;
    if (!decorate) return this.inner.next();
    this.decorate = undefined;
    return this.inner.next().then(async (r) => (r.done ? r : { value: await decorate(r.value), done: false }));
  }

  return(value?: unknown): Promise<IteratorResult<R>> {
    return this.inner.return?.(value) ?? Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<R>> {
    return this.inner.throw?.(error) ?? Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
