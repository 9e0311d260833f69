/*
 * Dates typed the Latvian way, DD.MM.YYYY, whatever the browser's language (a native date input
 * shows MM/DD/YYYY in an English browser). The form keeps `YYYY-MM-DD`, as the API does; what is
 * not yet a whole date is kept as typed, and the check says what is wrong.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const LV = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/;

const pad = (s: string) => s.padStart(2, '0');

/** Whether `YYYY-MM-DD` is a day of the calendar (no 30 February). */
export const isRealIsoDate = (value: string): boolean => {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/** Typed text → `YYYY-MM-DD` (from DD.MM.YYYY, D.M.YYYY or YYYY-MM-DD); blank → null. */
export const parseLvDate = (text: string | null | undefined): string | null => {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const lv = LV.exec(t);
  if (lv) {
    const iso = `${lv[3]}-${pad(lv[2]!)}-${pad(lv[1]!)}`;
    return isRealIsoDate(iso) ? iso : t;
  }
  return t;
};

/** `YYYY-MM-DD` → DD.MM.YYYY for the input; anything else as it was typed. */
export const formatLvDateInput = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  const m = ISO.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
};

/** The check every Latvian date input makes first: a whole, real date or nothing. */
export const wholeDate = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (typeof value === 'string' && isRealIsoDate(value))
    ? undefined
    : 'app.form.invalid_date';
