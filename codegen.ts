import type { CodegenConfig } from '@graphql-codegen/cli';
import { subgraphSdl } from './schema/sdl.js';

/**
 * `npm run codegen` writes:
 * - schema/schema.graphql: the subgraph SDL, sorted, with its federation directives. Committed, so a diff
 *   of that file is the API's diff; test/unit/schema/codegen.test.ts fails when it is stale.
 * - test/generated/: typed documents (TypedDocumentString) for the operations in test/operations/.
 */
const schema = subgraphSdl();

const config: CodegenConfig = {
  overwrite: true,
  schema,
  documents: 'test/operations/**/*.graphql',
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true },
    },
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false },
    },
  },
};

export default config;
