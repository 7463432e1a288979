import type { ProviderName } from '../providers/types.js';

/**
 * The errors provider, domain and resolver code throws: plain classes with a stable `code` and the
 * fields a caller or a log needs (the way undici types its errors), and no GraphQL. What a caller
 * sees is decided once, by the two mappers beside this file: to-graphql.ts and to-user-errors.ts.
 * Providers are named by their enum value; the mappers put each provider's label in the message.
 */

/** A path below a mutation's `input` (["edit", "clips", 0, "start"]), or below a query's arguments. */
export type FieldPath = readonly (string | number)[];

/** What kind of mistake an input is, for a mutation's `userErrors` code. */
export type InputReason = 'INVALID' | 'REQUIRED' | 'FILE_TOO_LARGE';

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The caller's input is wrong: BAD_USER_INPUT in a query, a userError in a mutation. */
export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  readonly field: FieldPath | undefined;
  readonly reason: InputReason;
  /** The query argument at fault (`filter.search`), shown to the caller. */
  readonly argument: string | undefined;
  /** The value is not a global ID of this API at all. */
  readonly invalidId: boolean;

  constructor(message: string, options: { field?: FieldPath | string; reason?: InputReason; argument?: string; invalidId?: boolean } = {}) {
    super(message);
    this.name = 'InvalidInputError';
    this.field = typeof options.field === 'string' ? options.field.split('.') : options.field;
    this.reason = options.reason ?? 'INVALID';
    this.argument = options.argument;
    this.invalidId = options.invalidId ?? false;
  }
}

/** Several input mistakes found at once (a mutation input checked against its schema, fields a provider cannot update). */
export class InputProblems extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly problems: readonly DomainError[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InputProblems';
  }
}

/** Something asked for by id does not exist at its provider (a loader makes one per missing key). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly provider: ProviderName,
    readonly id: string,
    /** What was looked for: "asset", "project", "asset with external id". */
    readonly what = 'asset',
    /** In a mutation: the input that named it (a path below `input`). */
    readonly field?: FieldPath,
  ) {
    super(`${provider} ${what} ${JSON.stringify(id)} was not found`);
    this.name = 'NotFoundError';
  }
}

/** The provider lacks what was asked of it (uploads, a filter, a field to update). */
export class UnsupportedError extends DomainError {
  readonly code = 'UNSUPPORTED_BY_PROVIDER';
  constructor(
    readonly provider: ProviderName,
    /** What it does not support, as the end of "X does not support …". */
    readonly what: string,
    readonly field?: FieldPath,
  ) {
    super(`${provider} does not support ${what}`);
    this.name = 'UnsupportedError';
  }
}

/** The provider has no credentials on this server. */
export class NotConfiguredError extends DomainError {
  readonly code = 'PROVIDER_NOT_CONFIGURED';
  constructor(
    readonly provider: ProviderName,
    readonly field?: FieldPath,
  ) {
    super(`${provider} is not configured on this server`);
    this.name = 'NotConfiguredError';
  }
}

/** This server cannot do its part right now (its Redis is unreachable); retrying later may work. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * A change-feed replay (`assetChanges(since)`) read its most pages without catching up: what it read
 * was delivered; `resumeSince` is where to subscribe again from to read on.
 */
export class ReplayLimitError extends DomainError {
  readonly code = 'REPLAY_LIMIT_EXCEEDED';
  constructor(
    readonly provider: ProviderName,
    readonly resumeSince: Date,
    readonly maxReads: number,
  ) {
    super(`${provider} change feed: more changes than ${maxReads} reads replay; subscribe again with since ${resumeSince.toISOString()}`);
    this.name = 'ReplayLimitError';
  }
}

export type ProviderErrorKind = 'NOT_FOUND' | 'UNAUTHORIZED' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'BAD_RESPONSE' | 'REJECTED';

/**
 * A failed upstream call, typed by what went wrong. Carries the provider and the endpoint template
 * (never the full URL: URLs can hold signatures). `detail` is the provider's own message, if safe.
 */
export class ProviderError extends DomainError {
  readonly code = 'PROVIDER_ERROR';
  constructor(
    readonly kind: ProviderErrorKind,
    readonly provider: ProviderName,
    readonly endpoint: string,
    readonly detail: string,
    readonly options: {
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
      /** The mutation input a refusal is about (a path below `input`), when the client can tell. */
      field?: FieldPath;
    } = {},
  ) {
    super(`${provider} ${endpoint}: ${kind.toLowerCase()}: ${detail}`, { cause: options.cause });
    this.name = 'ProviderError';
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

// Shorthands for the errors thrown most.
export const badInput = (message: string, options?: ConstructorParameters<typeof InvalidInputError>[1]) => new InvalidInputError(message, options);
export const unsupported = (provider: ProviderName, what: string, field?: FieldPath) => new UnsupportedError(provider, what, field);
export const notConfigured = (provider: ProviderName, field?: FieldPath) => new NotConfiguredError(provider, field);
export const assetNotFound = (provider: ProviderName, id: string, what = 'asset') => new NotFoundError(provider, id, what);
