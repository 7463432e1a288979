import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

describe('npm run codegen', () => {
  it('leaves schema/schema.graphql and test/generated/ as committed (run `npm run codegen` if this fails)', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    expect(outputs.map((o) => o.filename).sort()).toEqual(
      ['schema/schema.graphql', 'test/generated/gql.ts', 'test/generated/graphql.ts', 'test/generated/index.ts'].sort(),
    );
    for (const { filename, content } of outputs) {
      expect(readFileSync(filename, 'utf8'), filename).toBe(content);
    }
  });
});
