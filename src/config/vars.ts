import { z } from 'zod';

/**
 * The shapes an environment variable can take, shared by the core configuration and each provider
 * module's slice of it. An empty value counts as unset, so `FOO=` in a compose file means "default".
 */

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const int = (min: number, max: number) => z.coerce.number({ message: 'must be a number' }).int('must be an integer').min(min).max(max);

export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** A secret is only checked for presence, so no message can ever echo one back. */
export const secret = z.string().min(1, 'must not be empty');

/** Unset or empty: undefined; else `schema`. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Unset or empty: `fallback`; else `schema`. The default is written here once, beside its variable. */
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.util.NoUndefined<z.output<T>>) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.default(fallback));

/** A message naming the variable at fault, the way every configuration error reads. */
export const missing = (ctx: z.RefinementCtx, variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
