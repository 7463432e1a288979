import { parse, type ExecutionResult } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { subscribeSharingEvents } from '../../../src/plugins/use-shared-event-execution.js';

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
