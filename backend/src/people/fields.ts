/**
 * people/: what the person registers (the child's card and the adopter's record) share — field
 * types (this file), cross-field rules (personal code against birth date, age gap), the status
 * machines and their routes. Each register's own schema and rules are children/ and adopters/, the
 * console's shared person screens admin/src/people/.
 */
import { z, type ZodRawShape, type ZodType } from 'zod';
import { recordMeta } from '../classifiers/common';
import { normalizePersonalCode } from '../latvian/personal-code';
import { isoDateToDay } from '../latvian/random';

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused, not shifted to March). */
export const isoDate = z.string().refine(
  (s) => {
    try {
      isoDateToDay(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a date written YYYY-MM-DD' },
);

/** Stored without the hyphen; the check digit and birth date are checked across fields. */
export const personalCode = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const normalized = normalizePersonalCode(s);
    if (normalized === null) {
      ctx.addIssue({ code: 'custom', message: 'must be 11 digits, optionally DDMMYY-NNNNN' });
      return z.NEVER;
    }
    return normalized;
  });

/** Free text of a card section: trimmed, blank stored as null. */
export const longText = (max = 10000) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .default(null);

/** Output types of answers (plain, without the input transforms the OpenAPI output cannot show). */
export const outDate = z.string().meta({ format: 'date' });
export const outText = z.string().nullable();

/**
 * A person record as answered: bookkeeping and status always, the card's fields each optional
 * because the API leaves out what the caller's role may not see (policies/fields.ts).
 */
export function personRecord<St extends ZodType, S extends ZodRawShape>(
  id: string,
  status: St,
  fields: S,
) {
  return z.object({ ...recordMeta, status, ...z.object(fields).partial().shape }).meta({ id });
}
