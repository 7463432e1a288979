import { USER_ERROR_CODES, type UserError } from '../resolvers/mutation/user-errors.js';
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
