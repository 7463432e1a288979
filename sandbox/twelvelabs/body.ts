import type { SandboxRequest, SandboxResponse } from '../server.js';
import { MESSAGES, tlError } from './errors.js';

export const isResponse = (value: unknown): value is SandboxResponse =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

export const invalid = (name: string, why = '') => tlError(400, 'parameter_invalid', MESSAGES.parameterInvalid(name) + why);

export const missing = (name: string) => tlError(400, 'parameter_not_provided', MESSAGES.parameterNotProvided(name));

/** A JSON object body; anything else is a 400 (the JSON endpoints document 400 for a bad request). */
export function readJson(req: SandboxRequest): Record<string, unknown> | SandboxResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body.toString('utf8'));
  } catch {
    return invalid('body', ' It must be a JSON object.');
  }
  const object = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return object ? (parsed as Record<string, unknown>) : invalid('body', ' It must be a JSON object.');
}

/** A whole number in [min, max], or a 400 naming the parameter (missing → parameter_not_provided). */
export function intField(body: Record<string, unknown>, name: string, min: number, max: number): number | SandboxResponse {
  const value = body[name];
  if (value === undefined || value === null) return missing(name);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return invalid(name, ` It must be an integer from ${min} to ${max}.`);
  }
  return value;
}
