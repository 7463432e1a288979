import type { SandboxResponse } from '../server.js';

/** Twelve Labs' error body: `{code, message, docs_url}` (TL-OAS `*BadRequestError`, TL-DOCS error codes). */
export const TL_DOCS_URL = 'https://docs.twelvelabs.io/v1.3/api-reference/error-codes';

export function tlError(status: number, code: string, message: string): SandboxResponse {
  return { status, body: { code, message, docs_url: TL_DOCS_URL } };
}

/** Wording from the error-codes page. */
export const MESSAGES = {
  apiKeyInvalid: 'API Key is either invalid or expired. ' + 'Please check your API key or generate a new one from the dashboard and try again.',
  parameterInvalid: (name: string) => `The ${name} parameter is invalid.`,
  parameterUnknown: (name: string) => `The ${name} parameter is unknown.`,
  parameterNotProvided: (name: string) => `The ${name} parameter is required but was not provided.`,
  resourceNotExist: (id: string, collection: string) => `Resource with id ${id} does not exist in ${collection}.`,
};

/**
 * The code the provider would send with a status, for injected faults and unknown routes. Codes for
 * 404 on an unknown path and for 5xx are not documented [I]: plausible names in the same style.
 */
function codeForStatus(status: number): string {
  if (status === 400) return 'parameter_invalid';
  if (status === 401) return 'api_key_invalid';
  if (status === 403) return 'api_not_allowed';
  if (status === 404) return 'not_found';
  if (status === 408) return 'request_canceled_or_timed_out';
  if (status === 409) return 'conflict';
  if (status === 429) return 'too_many_requests';
  if (status >= 500) return 'internal_server_error';
  return 'bad_request';
}

export function errorResponse(status: number, message: string): SandboxResponse {
  return tlError(status, codeForStatus(status), message);
}
