import type { FieldMap } from '@pothos/core';
import { USER_ERROR_CODES, type UserError } from '../src/errors/to-user-errors.js';
import { builder } from './builder.js';

builder.mutationType({});

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', { values: USER_ERROR_CODES });

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: "A problem with the mutation's input. Nothing was changed at the provider for it.",
  fields: (t) => ({
    code: t.field({ type: UserErrorCodeEnum, resolve: (e) => e.code }),
    field: t.exposeStringList('field', {
      nullable: true,
      description: 'The path to the input field at fault, from the mutation\'s arguments (e.g. ["input", "file"]).',
    }),
    message: t.exposeString('message'),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type WithUserErrors<T> = T & { userErrors: UserError[] };

/**
 * A mutation payload type: the mutation's own result fields, plus the `userErrors` list every payload
 * carries (resolvers fill it through runMutation).
 */
export function payloadType<T extends object>(
  name: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, WithUserErrors<T>>) => FieldMap,
  userErrorsDescription?: string,
) {
  return builder.objectRef<WithUserErrors<T>>(name).implement({
    fields: (t) => ({
      ...fields(t),
      userErrors: t.field({ type: [UserErrorRef], description: userErrorsDescription, resolve: (p) => p.userErrors }),
    }),
  });
}
