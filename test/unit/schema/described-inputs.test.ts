import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNonNullType, type GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../resolvers/schema.js';
import type { DescribedInput, InputFieldSpec } from '../../../schema/input.js';
import { AssetFilterInput } from '../../../schema/asset-list.js';
import { DeleteAssetsInput } from '../../../schema/mutations/delete-assets.js';
import { UpdateAssetInput } from '../../../schema/mutations/update-asset.js';
import { CreateUploadTargetInput, ReportUploadedPartsInput } from '../../../schema/mutations/upload-target.js';
import { UploadAssetInput } from '../../../schema/mutations/upload.js';
import { CreateProjectInput, GenerateAssetInput, RenderEditInput } from '../../../src/providers/videojungle/graphql/mutation-types.js';
import { VideoEditInput } from '../../../src/providers/videojungle/graphql/video-edit.js';

const INPUTS: Record<string, DescribedInput<Record<string, InputFieldSpec>>> = {
  AssetFilter: AssetFilterInput,
  UpdateAssetInput,
  UploadAssetInput,
  CreateUploadTargetInput,
  ReportUploadedPartsInput,
  DeleteAssetsInput,
  CreateProjectInput,
  GenerateAssetInput,
  RenderEditInput,
  VideoEditInput,
};

describe('an input described once (schema/input.ts)', () => {
  it.each(Object.keys(INPUTS))('%s: GraphQL requires exactly the fields its validator cannot do without', async (name) => {
    const type = (await buildSchema()).getType(name) as GraphQLInputObjectType;
    const { schema } = INPUTS[name]!;
    const fields = type.getFields();
    expect(Object.keys(fields).sort()).toEqual(Object.keys(schema.shape).sort());
    for (const [key, field] of Object.entries(fields)) {
      const validator = schema.shape[key]!;
      if (field.defaultValue !== undefined) {
        // GraphQL fills a left-out field in with its default: the default must pass the validator.
        expect([key, validator.safeParse(field.defaultValue).success]).toEqual([key, true]);
      } else {
        // Non-null in GraphQL ⇔ the validator refuses a missing value.
        expect([key, isNonNullType(field.type)]).toEqual([key, !validator.safeParse(undefined).success]);
      }
      expect([key, validator.safeParse(null).success]).toEqual([key, !isNonNullType(field.type)]);
    }
  });

  it('runs the rules across fields with the path of the field at fault', () => {
    const result = UploadAssetInput.schema.safeParse({ provider: 'TWELVE_LABS' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['file']]);
  });
});

describe('the layers', () => {
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('schema/ declares and never imports from resolvers/', () => {
    const offenders = filesUnder('schema').filter((file) => /from '(\.\.\/)+resolvers\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('resolvers/ resolves and declares no type of its own', () => {
    const declares = /builder\.(objectRef|inputType|inputRef|enumType|interfaceRef|unionType|scalarType)\(|connectionType\(/;
    const offenders = filesUnder('resolvers').filter((file) => declares.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('declares inputs only through describedInput', () => {
    const files = [...filesUnder('schema'), ...filesUnder('resolvers/mutation'), ...filesUnder('src/providers')];
    const offenders = files.filter((file) => file !== join('schema', 'input.ts') && /builder\.input(Type|Ref)\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
