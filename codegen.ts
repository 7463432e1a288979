import { execFileSync } from 'node:child_process';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen` writes:
 * - schema/schema.graphql: the subgraph SDL, sorted, with its federation directives. Committed, so a diff
 *   of that file is the API's diff; test/unit/schema/codegen.test.ts fails when it is stale.
 * - test/generated/: typed documents (TypedDocumentString) for the operations in test/operations/.
 */
// In a child process under tsx: the schema build imports each provider's GraphQL part dynamically,
// which the config loader graphql-codegen uses (jiti) evaluates with its imports unbound.
const schema = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/print-schema.ts'], { encoding: 'utf8' });

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
