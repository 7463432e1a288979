import { GraphQLError } from 'graphql';
import { PROVIDER_LABELS } from '../providers/index.js';
import { InputProblems, InvalidInputError, NotConfiguredError, NotFoundError, ProviderError, UnsupportedError, type FieldPath } from './domain.js';

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

/** The mutation argument every input path starts from. */
const INPUT = 'input';
const pathOf = (field: FieldPath | undefined, fallback: FieldPath): string[] => [INPUT, ...(field ?? fallback).map(String)];

/**
 * Mapper 2 of 2: the user errors an error stands for in a mutation's payload, or undefined when it is
 * not the caller's doing (an outage, a bug: those stay GraphQL errors). `field` is where the error
 * points when it names no field itself, as a path below `input`.
 */
export function toUserErrors(error: unknown, field: FieldPath = []): UserError[] | undefined {
  // Thrown inside a field resolver or a scalar's parser, a domain error arrives wrapped.
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof InputProblems) return original.problems.flatMap((p) => toUserErrors(p, field)!);
  if (original instanceof InvalidInputError) return [{ code: original.reason, field: pathOf(original.field, field), message: original.message }];
  if (original instanceof UnsupportedError) {
    return [
      {
        code: 'UNSUPPORTED_BY_PROVIDER',
        field: pathOf(original.field, field),
        message: `${PROVIDER_LABELS[original.provider]} does not support ${original.what}`,
      },
    ];
  }
  if (original instanceof NotConfiguredError) {
    return [
      {
        code: 'PROVIDER_NOT_CONFIGURED',
        field: pathOf(original.field, field),
        message: `${PROVIDER_LABELS[original.provider]} is not configured on this server`,
      },
    ];
  }
  if (original instanceof NotFoundError) {
    return [
      {
        code: 'NOT_FOUND',
        field: pathOf(original.field, field),
        message: `${PROVIDER_LABELS[original.provider]} ${original.what} ${JSON.stringify(original.id)} was not found`,
      },
    ];
  }
  if (original instanceof ProviderError) {
    const at = pathOf(original.options.field, field);
    if (original.kind === 'NOT_FOUND') return [{ code: 'NOT_FOUND', field: at, message: `Not found at the provider: ${original.detail}` }];
    if (original.kind === 'REJECTED') {
      const code = original.status === 409 ? 'CONFLICT' : 'REJECTED_BY_PROVIDER';
      return [{ code, field: at, message: `The provider refused the request: ${original.detail}` }];
    }
  }
  return undefined;
}
