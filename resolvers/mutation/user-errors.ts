import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { ProviderError } from '../../src/errors.js';

export const USER_ERROR_CODES = [
  'INVALID',
  'REQUIRED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_BY_PROVIDER',
  'PROVIDER_NOT_CONFIGURED',
  'NOT_FOUND',
  'CONFLICT',
  'REJECTED_BY_PROVIDER',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A problem with the caller's input, named by its path from the mutation's arguments. */
export interface UserError {
  code: UserErrorCode;
  field: string[] | null;
  message: string;
}

/** Thrown by validation; the mutation runner turns it into the payload's `userErrors`. */
export class UserInputProblem extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export const userError = (code: UserErrorCode, field: string[] | null, message: string): UserError => ({ code, field, message });

/** Parses `input` with `schema`; every issue becomes a user error under ["input", ...path]. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UserInputProblem(
    parsed.error.issues.map((issue) => {
      const params = (issue as { params?: { code?: UserErrorCode } }).params;
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return userError(params?.code ?? (missing ? 'REQUIRED' : 'INVALID'), ['input', ...issue.path.map(String)], issue.message);
    }),
  );
}

const PASSED_AS_USER_ERRORS: Record<string, UserErrorCode> = {
  BAD_USER_INPUT: 'INVALID',
  UNSUPPORTED_BY_PROVIDER: 'UNSUPPORTED_BY_PROVIDER',
  PROVIDER_NOT_CONFIGURED: 'PROVIDER_NOT_CONFIGURED',
  NOT_FOUND: 'NOT_FOUND',
};

/**
 * Runs a mutation: the caller's mistakes (validation, an unsupported provider, an unknown id, input the
 * provider itself refused) come back as `userErrors` beside a null result; provider outages and bugs
 * stay GraphQL errors with their code.
 */
export async function runMutation<T extends object>(
  body: () => Promise<T & { userErrors?: UserError[] }>,
  blank: Omit<{ [K in keyof T]: null | [] }, 'userErrors'>,
  field: string[] = ['input'],
): Promise<Omit<T, 'userErrors'> & { userErrors: UserError[] }> {
  try {
    // A body may return user errors of its own beside a partial result (a delete of many ids).
    return { userErrors: [], ...(await body()) };
  } catch (error) {
    const userErrors = asUserErrors(error, field);
    if (!userErrors) throw error;
    return { ...(blank as unknown as Omit<T, 'userErrors'>), userErrors };
  }
}

/** The user errors an exception stands for, or undefined when it is not the caller's doing. */
export function asUserErrors(error: unknown, field: string[]): UserError[] | undefined {
  if (error instanceof UserInputProblem) return error.errors;
  if (error instanceof GraphQLError) {
    const code = PASSED_AS_USER_ERRORS[String(error.extensions.code)];
    // Clients name the input field they refused: a path, or one field of the mutation's input.
    const named = error.extensions.field;
    const path = Array.isArray(named) ? named.map(String) : typeof named === 'string' ? ['input', ...named.split('.')] : field;
    return code ? [userError(code, path, error.message)] : undefined;
  }
  if (error instanceof ProviderError) {
    // The provider's client may know which input the refusal is about; else the mutation's own default.
    const at = error.options.field ? ['input', ...error.options.field.split('.')] : field;
    if (error.kind === 'NOT_FOUND') return [userError('NOT_FOUND', at, `Not found at the provider: ${error.detail}`)];
    if (error.kind === 'REJECTED') {
      const code = error.status === 409 ? 'CONFLICT' : 'REJECTED_BY_PROVIDER';
      return [userError(code, at, `The provider refused the request: ${error.detail}`)];
    }
  }
  return undefined;
}
