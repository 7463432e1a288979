import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (index.js) and ESM (index.mjs) without an exports map: Node loads the CJS
    // build for Pothos and yoga, while vite would pick the .mjs for our sources — two realms, and
    // "Cannot use GraphQLInterfaceType from another module". One file for everyone, as Node resolves it.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each start their own sandbox and server on free ports, so files run in parallel.
    pool: 'forks',
  },
});
