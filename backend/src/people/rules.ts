import type { FieldError } from '../http/problem';
import { validatePersonalCode, type PersonalCodeError } from '../latvian/personal-code';

// Cross-field rules of person records: small pure functions, each answering field errors with
// the path `body.<field>` the console puts under the right input.

const codeMessages: Record<PersonalCodeError, string> = {
  format: 'must be 11 digits, optionally DDMMYY-NNNNN',
  checksum: 'has a wrong check digit (the last digit); check for a typing error',
  date: 'does not start with a real birth date (DDMMYY)',
  century: 'has a century digit (the 7th) that is not 0, 1 or 2',
  birth_date_mismatch: 'does not match the birth date',
};

/** A personal code must be valid and, in the old format, encode the given birth date. */
export function personalCodeErrors(
  field: string,
  code: string | null | undefined,
  birthDate: string | null | undefined,
): FieldError[] {
  if (!code) return [];
  const result = validatePersonalCode(code, { birthDate: birthDate ?? undefined });
  if (result.ok) return [];
  return [
    {
      path: `body.${field}`,
      code: `personal_code_${result.reason}`,
      message: codeMessages[result.reason],
    },
  ];
}

/**
 * Dates that must not go backwards, earliest first, and none after today. The later date of a
 * pair out of order carries the error (that is the one usually mistyped).
 */
export function datesInOrder(
  dates: readonly (readonly [field: string, value: string | null | undefined])[],
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  let previous: readonly [string, string] | undefined;
  for (const [field, value] of dates) {
    if (!value) continue;
    if (value > today) {
      errors.push({
        path: `body.${field}`,
        code: 'date_in_future',
        message: 'must not be in the future',
      });
    } else if (previous && value < previous[1]) {
      errors.push({
        path: `body.${field}`,
        code: 'date_order',
        message: `must not be before ${previous[0]} (${previous[1]})`,
        params: { field: previous[0], date: previous[1] },
      });
    }
    if (!previous || value >= previous[1]) previous = [field, value];
  }
  return errors;
}

/** Fields that come together or not at all (the second spouse). */
export function allOrNone(fields: Record<string, unknown>, names: readonly string[]): FieldError[] {
  const given = names.filter((n) => fields[n] !== null && fields[n] !== undefined);
  if (given.length === 0 || given.length === names.length) return [];
  return names
    .filter((n) => !given.includes(n))
    .map((n) => ({
      path: `body.${n}`,
      code: 'required',
      message: `is required together with ${given.join(', ')}`,
      params: { field: given.join(', ') },
    }));
}
