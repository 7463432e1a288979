import { Kind, valueFromASTUntyped } from 'graphql';
import { badInput } from '../src/errors/domain.js';
import { timecodeToMs } from '../src/providers/timecode.js';
import { builder } from './builder.js';

// RFC 3339 date-time with a required offset: a DateTime without a zone is ambiguous.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && RFC3339.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw badInput(`DateTime must be an RFC 3339 string with a time zone, e.g. "2026-01-31T12:00:00Z"`);
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant, as an RFC 3339 string with a time zone (output is always UTC, e.g. 2026-01-31T12:00:00.000Z).',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseTimecode(value: unknown): number {
  const ms = timecodeToMs(value);
  if (ms === undefined) {
    throw badInput('Timecode must be a non-negative integer of milliseconds or "hh:mm:ss[.mmm]", e.g. 90500 or "00:01:30.5"');
  }
  return ms;
}

builder.scalarType('Timecode', {
  description: 'A point in an asset: milliseconds as a non-negative Int, or the text "hh:mm:ss[.mmm]". Always returned as milliseconds.',
  serialize: (value) => value as number,
  parseValue: parseTimecode,
  parseLiteral: (ast) => parseTimecode(ast.kind === Kind.INT ? Number(ast.value) : ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value, as the provider stores it.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec (input only).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  parseValue: (value) => {
    if (typeof value === 'object' && value !== null && 'stream' in value && 'size' in value) return value as File;
    throw badInput('File must be sent as a part of a multipart request (GraphQL multipart request spec)');
  },
});
