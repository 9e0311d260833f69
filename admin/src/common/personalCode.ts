/**
 * Latvian personal codes (personas kods) in the console: shown as DDMMYY-NNNNN, checked as the API
 * checks them (backend/src/latvian/personal-code.ts) so a typing error is caught before saving.
 * The API stays the judge; it stores the code without the hyphen.
 */
export type PersonalCodeProblem =
  'format' | 'checksum' | 'date' | 'century' | 'birth_date_mismatch';

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURY_BY_DIGIT: Readonly<Record<string, number>> = { '0': 1800, '1': 1900, '2': 2000 };
/** The last day old-format codes (with the birth date) were issued. */
const LAST_OLD_FORMAT_DATE = '2017-06-30';

/** Spaces and the optional hyphen after the 6th digit removed; null when it is not 11 digits. */
export const normalizePersonalCode = (value: string): string | null => {
  const compact = value.replace(/\s+/g, '');
  return /^\d{6}-?\d{5}$/.test(compact) ? compact.replace('-', '') : null;
};

/** `01021512345` → `010215-12345`; anything else as it is ('' for none). */
export const formatPersonalCode = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const normalized = normalizePersonalCode(text);
  return normalized ? `${normalized.slice(0, 6)}-${normalized.slice(6)}` : text;
};

const hasValidCheckDigit = (digits: string): boolean => {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  return ((1101 - sum) % 11) % 10 === Number(digits[10]);
};

const isCalendarDate = (iso: string): boolean => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Why a code cannot be right, or undefined when it can: 11 digits (hyphen optional), a valid check
 * digit, and in the old format (until mid-2017) a real birth date that matches `birthDate`
 * (`YYYY-MM-DD`) when one is given. New-format codes (3x…) carry no date.
 */
export const personalCodeProblem = (
  code: string,
  birthDate?: string | null,
): PersonalCodeProblem | undefined => {
  const normalized = normalizePersonalCode(code);
  if (normalized === null) return 'format';
  if (/^3[2-9]/.test(normalized)) return hasValidCheckDigit(normalized) ? undefined : 'checksum';
  const century = CENTURY_BY_DIGIT[normalized.charAt(6)];
  if (century === undefined) return 'century';
  const year = String(century + Number(normalized.slice(4, 6)));
  const encoded = `${year}-${normalized.slice(2, 4)}-${normalized.slice(0, 2)}`;
  if (!isCalendarDate(encoded) || encoded > LAST_OLD_FORMAT_DATE) return 'date';
  if (!hasValidCheckDigit(normalized)) return 'checksum';
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate !== encoded)
    return 'birth_date_mismatch';
  return undefined;
};
