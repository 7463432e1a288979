import type { z } from 'zod';
import { InputProblems, InvalidInputError, type FieldPath, type InputReason } from '../../src/errors/domain.js';
import { toUserErrors, type UserError } from '../../src/errors/to-user-errors.js';

/** Parses `input` with `schema`; every issue becomes an input problem at its path below `input`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputProblems(
    parsed.error.issues.map((issue) => {
      const params = (issue as { params?: { code?: InputReason } }).params;
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return new InvalidInputError(issue.message, { field: issue.path.map(String), reason: params?.code ?? (missing ? 'REQUIRED' : 'INVALID') });
    }),
  );
}

/**
 * Runs a mutation: the caller's mistakes (validation, an unsupported provider, an unknown id, input the
 * provider itself refused) come back as `userErrors` beside a null result; provider outages and bugs
 * stay GraphQL errors with their code. `field` is where an error that names no field points.
 */
export async function runMutation<T extends object>(
  body: () => Promise<T & { userErrors?: UserError[] }>,
  blank: Omit<{ [K in keyof T]: null | [] }, 'userErrors'>,
  field: FieldPath = [],
): Promise<Omit<T, 'userErrors'> & { userErrors: UserError[] }> {
  try {
    // A body may return user errors of its own beside a partial result (a delete of many ids).
    return { userErrors: [], ...(await body()) };
  } catch (error) {
    const userErrors = toUserErrors(error, field);
    if (!userErrors) throw error;
    return { ...(blank as unknown as Omit<T, 'userErrors'>), userErrors };
  }
}
