import type { SandboxResponse } from '../server.js';

/** A request Uplynk refuses: answered as `{"error": 1, "msg": ...}` with HTTP 200, as Uplynk does. */
export class Rejection extends Error {}

export function rejection(message: string, status = 200): SandboxResponse {
  return { status, body: { error: 1, msg: message } };
}

export type Params = Record<string, unknown>;

/** An integer parameter; numeric strings pass too, as a form-fed Python server would take them. */
export function intParam(params: Params, name: string, fallback?: number): number {
  const value = params[name];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw new Rejection(`Missing required parameter: ${name}`);
    return fallback;
  }
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Rejection(`${name} must be an integer`);
  return n;
}

/** A boolean parameter; 0 and 1 pass too, as Python reads them [I]. */
export function boolParam(params: Params, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  throw new Rejection(`${name} must be a boolean`);
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Rejection(`${name} must be a string`);
  return value;
}

export function stringListParam(params: Params, name: string): string[] {
  const value = params[name];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new Rejection(`${name} must be a list of strings`);
  }
  return value;
}

// hh:mm:ss.ms as documented; the getthumbs sample also sends mm:ss.ms ('01:31.415').
const TIMECODE = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]?\d)(?:\.(\d{1,3}))?$/;

/** A point in the asset: integer milliseconds or a timecode string. */
export function timecodeParam(params: Params, name: string, fallback?: number): number {
  const value = params[name];
  if (value === undefined || value === null) {
    if (fallback === undefined) throw new Rejection(`Missing required parameter: ${name}`);
    return fallback;
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
  } else if (typeof value === 'string') {
    const m = TIMECODE.exec(value);
    if (m) {
      const [, h = '0', min = '0', s = '0', frac = ''] = m;
      return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
    }
  }
  throw new Rejection(`${name} must be milliseconds or hh:mm:ss.ms`);
}
