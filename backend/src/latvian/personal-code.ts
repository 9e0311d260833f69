// Synthetic Latvian personal codes for demo and pseudonymised data. The code's rules — format,
// check digit, encoded birth date — are the model's (model/src/personal-code.ts), re-exported
// here for the API's modules.
import { checkValue, LAST_OLD_FORMAT_DATE } from '@adoption/model';
import type { Rng } from './random';
import { dayToIsoDate, isoDateToDay } from './random';

export {
  formatPersonalCode,
  isNewFormat,
  LAST_OLD_FORMAT_DATE,
  normalizePersonalCode,
  validatePersonalCode,
  type PersonalCodeError,
  type PersonalCodeFormat,
  type PersonalCodeValidation,
  type ValidateOptions,
} from '@adoption/model';

/** Appends random serial digits until the check digit is unambiguous (formula result ≠ 10). */
function completeWithCheckDigit(
  rng: Pick<Rng, 'int'>,
  prefix: string,
  randomDigits: number,
): string {
  for (;;) {
    let body = prefix;
    for (let i = 0; i < randomDigits; i++) body += String(rng.int(0, 9));
    const check = checkValue(body);
    if (check !== 10) return body + String(check);
  }
}

/**
 * A synthetic code with a valid check digit. With a birth date up to 2017-06-30: old format
 * encoding that date. Without a date, or for a later date (those people only ever got new-format
 * codes): new format. The year must lie in 1800–2099, the centuries the old format can express.
 */
export function generatePersonalCode(rng: Pick<Rng, 'int'>, birthDate?: string): string {
  if (birthDate === undefined || birthDate > LAST_OLD_FORMAT_DATE) {
    if (birthDate !== undefined) isoDateToDay(birthDate); // still reject garbage input
    return completeWithCheckDigit(rng, `3${rng.int(2, 9)}`, 8);
  }
  const iso = dayToIsoDate(isoDateToDay(birthDate));
  const year = Number(iso.slice(0, 4));
  if (year < 1800) throw new RangeError(`no personal code century digit for ${iso}`);
  const centuryDigit = String(Math.floor(year / 100) - 18);
  const prefix = iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(2, 4) + centuryDigit;
  return completeWithCheckDigit(rng, prefix, 3);
}
