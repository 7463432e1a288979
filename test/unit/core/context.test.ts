import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { createContext, type Context } from '../../../src/context.js';
import { useContext } from '../../../src/plugins/use-context.js';
import type { LiveEngine } from '../../../src/live/index.js';
import { createLogger } from '../../../src/observability/logger.js';
import type { ProviderRegistry } from '../../../src/providers/registry.js';

describe('request context', () => {
  it('builds the logger and loaders only when a resolver uses them, once per request', async () => {
    let loggers = 0;
    const seen: unknown[] = [];
    const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent' });
    const yoga = createYoga({
      schema: createSchema<Context>({
        typeDefs: 'type Query { quiet: Int, chatty: Int }',
        resolvers: {
          Query: {
            quiet: () => 1,
            chatty: (_root, _args, context) => {
              context.log.info('hello');
              seen.push(context.loaders, context.loaders);
              return 2;
            },
          },
        },
      }),
      logging: false,
      plugins: [
        useContext((context) =>
          createContext(context, config, {} as ProviderRegistry, {} as LiveEngine, () => {
            loggers++;
            return createLogger('silent');
          }),
        ),
      ],
    });
    const run = async (query: string) =>
      (
        await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      ).json();

    expect(await run('{ quiet }')).toEqual({ data: { quiet: 1 } });
    expect(loggers).toBe(0);
    expect(await run('{ chatty a: chatty }')).toEqual({ data: { chatty: 2, a: 2 } });
    expect(loggers).toBe(1);
    expect(new Set(seen).size).toBe(1);
  });
});
