import { parse, type ExecutionResult } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { Channel } from '../../../src/live/channel.js';
import { offerDirectDelivery, subscribeSharingEvents } from '../../../src/plugins/use-shared-event-execution.js';

/** Every subscriber of `feed` gets the same event objects, as the live engine's watchers do. */
function harness() {
  const events = [{ name: 'a' }, { name: 'b' }];
  let resolved = 0;
  const schema = createSchema({
    typeDefs: 'type Query { x: Int } type Event { name(suffix: String): String } type Subscription { feed: Event }',
    resolvers: {
      Subscription: {
        feed: {
          subscribe: async function* () {
            for (const event of events) yield event;
          },
          resolve: (event: unknown) => event,
        },
      },
      Event: {
        name: (event: { name: string }, { suffix }: { suffix?: string }) => {
          resolved++;
          return event.name + (suffix ?? '');
        },
      },
    },
  });
  return { schema, resolvedCount: () => resolved };
}

async function collect(stream: AsyncIterable<ExecutionResult> | ExecutionResult): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const result of stream as AsyncIterable<ExecutionResult>) out.push(result.data);
  return out;
}

describe('one execution per event for subscribers that share document and variables', () => {
  it('executes each event once for equal (document, variables) and again for different variables', async () => {
    const { schema, resolvedCount } = harness();
    const document = parse('subscription($s: String) { feed { name(suffix: $s) } }');
    const subscribe = (variableValues: Record<string, unknown>) => subscribeSharingEvents({ schema, document, variableValues, contextValue: {} });
    const [one, two, other] = await Promise.all([
      collect(await subscribe({ s: '!' })),
      collect(await subscribe({ s: '!' })),
      collect(await subscribe({ s: '?' })),
    ]);
    expect(one).toEqual([{ feed: { name: 'a!' } }, { feed: { name: 'b!' } }]);
    expect(two).toEqual(one);
    expect(other).toEqual([{ feed: { name: 'a?' } }, { feed: { name: 'b?' } }]);
    // Two events × two distinct variable sets: three subscribers, four executions (six without sharing).
    expect(resolvedCount()).toBe(4);
  });

  it('does not share between different documents', async () => {
    const { schema, resolvedCount } = harness();
    const run = (text: string) => subscribeSharingEvents({ schema, document: parse(text), contextValue: {} }).then(collect);
    const [a, b] = await Promise.all([run('subscription { feed { name } }'), run('subscription { feed { name } }')]);
    expect(a).toEqual(b);
    expect(resolvedCount()).toBe(4);
  });

  it('answers a subscribe error as a result, not a stream', async () => {
    const { schema } = harness();
    const result = await subscribeSharingEvents({ schema, document: parse('subscription { nope }'), contextValue: {} });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.[0]?.message).toMatch(/nope/);
  });
});

describe('direct delivery of events after the first', () => {
  /** A subscription over one Channel per subscriber, pushed by the test; `slow` names resolve a turn later. */
  function live() {
    const channels: Channel<{ name: string }>[] = [];
    const schema = createSchema({
      typeDefs: 'type Query { x: Int } type Event { name: String } type Subscription { feed: Event }',
      resolvers: {
        Subscription: {
          feed: {
            subscribe: () => {
              const channel = new Channel<{ name: string }>(() => undefined);
              channels.push(channel);
              return channel;
            },
            resolve: (event: unknown) => event,
          },
        },
        Event: {
          name: ({ name }: { name: string }) => {
            if (name === 'bad') throw new Error('no name');
            return name === 'slow' ? Promise.resolve(name) : name;
          },
        },
      },
    });
    const document = parse('subscription { feed { name } }');
    /** Subscribes, with direct delivery offered unless `offer` is false; `delivered` holds what it wrote, `piped` what the stream yielded. */
    async function subscriber(offer = true) {
      const contextValue = {};
      const delivered: ExecutionResult[] = [];
      if (offer) offerDirectDelivery(contextValue, { deliver: (result) => delivered.push(result) > 0 });
      const stream = (await subscribeSharingEvents({ schema, document, contextValue })) as AsyncIterableIterator<ExecutionResult>;
      const piped: unknown[] = [];
      const done = (async () => {
        for await (const result of stream) piped.push(result.errors ? 'errors' : result.data);
      })();
      return { channel: channels.at(-1)!, delivered, piped, done };
    }
    return { subscriber };
  }

  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('sends the first event down the stream and later ready ones directly, one result shared by equal subscribers', async () => {
    const { subscriber } = live();
    const [one, two] = [await subscriber(), await subscriber()];
    const first = { name: 'a' };
    one.channel.push(first);
    two.channel.push(first);
    await turn();
    const second = { name: 'b' };
    one.channel.push(second);
    two.channel.push(second);
    expect(one.piped).toEqual([{ feed: { name: 'a' } }]);
    expect(one.delivered.map((r) => r.data)).toEqual([{ feed: { name: 'b' } }]);
    expect(two.delivered[0]).toBe(one.delivered[0]);
    one.channel.end();
    two.channel.end();
    await Promise.all([one.done, two.done]);
    expect(two.piped).toEqual(one.piped);
  });

  it('leaves a result with errors, and one not ready yet, to the stream, in order with the rest', async () => {
    const { subscriber } = live();
    const sub = await subscriber();
    sub.channel.push({ name: 'a' });
    await turn();
    sub.channel.push({ name: 'bad' });
    await turn();
    sub.channel.push({ name: 'slow' });
    await turn();
    sub.channel.push({ name: 'b' });
    sub.channel.end();
    await sub.done;
    expect(sub.piped).toEqual([{ feed: { name: 'a' } }, 'errors', { feed: { name: 'slow' } }]);
    expect(sub.delivered.map((r) => r.data)).toEqual([{ feed: { name: 'b' } }]);
  });

  it('sends every event down the stream when the transport offers no direct delivery (HTTP, SSE)', async () => {
    const { subscriber } = live();
    const sub = await subscriber(false);
    sub.channel.push({ name: 'a' });
    await turn();
    sub.channel.push({ name: 'b' });
    sub.channel.end();
    await sub.done;
    expect(sub.piped).toEqual([{ feed: { name: 'a' } }, { feed: { name: 'b' } }]);
    expect(sub.delivered).toEqual([]);
  });
});
