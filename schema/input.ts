import type { InputFieldMap, InputObjectRef, InputTypeParam } from '@pothos/core';
import { z } from 'zod';
import { builder } from './builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * One field of a mutation input, described once: its GraphQL type, whether GraphQL requires it, its
 * description, and the validator its value must pass. The GraphQL input type and the zod schema the
 * resolver validates with are both derived from a map of these, so a field cannot be declared in one
 * and forgotten in the other.
 */
export interface InputFieldSpec<V extends z.ZodType = z.ZodType> extends FieldOptions {
  type: InputTypeParam<Types>;
  required: boolean;
  validator: V;
}

interface FieldOptions {
  description?: string | undefined;
  /** What GraphQL fills in for a field left out (shown in the schema). */
  defaultValue?: unknown;
}

/** A field GraphQL requires: the value reaches the validator as sent. */
export const required = <V extends z.ZodType>(type: InputTypeParam<Types>, validator: V, options: FieldOptions = {}): InputFieldSpec<V> => ({
  ...options,
  type,
  required: true,
  validator,
});

/** A field that may be left out or null: the validator checks it only when it has a value. */
export const optional = <V extends z.ZodType>(
  type: InputTypeParam<Types>,
  validator: V,
  options: FieldOptions = {},
): InputFieldSpec<z.ZodOptional<z.ZodNullable<V>>> => ({ ...options, type, required: false, validator: validator.nullish() });

type Shape<F extends Record<string, InputFieldSpec>> = { [K in keyof F]: F[K]['validator'] };

/** A GraphQL input type and the zod schema of its fields, from one description. */
export interface DescribedInput<F extends Record<string, InputFieldSpec>> {
  /** The GraphQL side; resolvers read its values only through `schema`. */
  ref: InputObjectRef<Types, Record<string, unknown>>;
  schema: z.ZodObject<Shape<F>>;
}

export interface InputOptions<F extends Record<string, InputFieldSpec>> {
  description?: string;
  fields: F;
  /** Rules across fields (exactly one of two, say), reported with the path of the field at fault. */
  check?: (input: z.output<z.ZodObject<Shape<F>>>, ctx: z.RefinementCtx) => void;
}

export function describedInput<F extends Record<string, InputFieldSpec>>(name: string, options: InputOptions<F>): DescribedInput<F> {
  const entries = Object.entries(options.fields);
  const shape = Object.fromEntries(entries.map(([key, spec]) => [key, spec.validator])) as Shape<F>;
  const ref = builder.inputRef<Record<string, unknown>>(name).implement({
    description: options.description,
    // Built from a runtime map, so Pothos cannot check it against a static shape; `schema` is what is typed.
    fields: (t) =>
      Object.fromEntries(
        entries.map(([key, spec]) => [
          key,
          t.field({ type: spec.type as 'String', required: spec.required, description: spec.description, defaultValue: spec.defaultValue as never }),
        ]),
      ) as InputFieldMap as never,
  });
  const schema = z.object(shape);
  return { ref, schema: options.check ? schema.superRefine(options.check) : schema };
}
