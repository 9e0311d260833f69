import { z } from 'zod';

/**
 * Record ids, one way for the whole API. In a URL an id is written in decimal digits and nothing
 * else: `Number()` (and so `z.coerce.number()`) also reads `0x10`, `1e1`, `0b10000` and ` 16` as
 * numbers, which would give a client child 16 under names docs/api.md says are refused.
 */

/** PostgreSQL's `integer`, the type of almost every id column. */
export const INT_MAX = 2147483647;
/** `bigint` ids (the audit trail, the outbox, field history), as far as JavaScript counts exactly. */
export const BIGINT_MAX = Number.MAX_SAFE_INTEGER;

/** Canonical decimal: no sign, no spaces, no leading zero, at most 16 digits (then the range). */
const DECIMAL = /^[1-9][0-9]{0,15}$/;

/** A positive id within `max` as a JSON number (bodies, filters). */
export const idNumber = (max = INT_MAX) =>
  z.number().int().positive().max(max, `must be at most ${max}`);

/** A positive id within `max` written as a decimal string (the URL, react-admin's getMany). */
export const decimalId = (max = INT_MAX) =>
  z
    .string()
    .regex(DECIMAL, 'must be a positive whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

/** The id of `filter={"id":[…]}` and of id filters: a number or its decimal string. */
export const idValue = (max = INT_MAX) =>
  z.union([idNumber(max), decimalId(max)], {
    error: `must be a positive whole number up to ${max}, or its decimal digits as a string`,
  });

/** `:id` of a record route. */
export const idParams = z.object({ id: decimalId() }).strict();
/** `:id` of a record whose id column is a `bigint`. */
export const bigIdParams = z.object({ id: decimalId(BIGINT_MAX) }).strict();

/** `recordId` as text (the audit trail keeps ids as text) to the integer id it names, if it is one. */
export function parseDecimalId(text: string, max = INT_MAX): number | undefined {
  const parsed = decimalId(max).safeParse(text);
  return parsed.success ? parsed.data : undefined;
}
