// Dates as they are written in letters. Latvian official style puts the year first and the month
// in the nominative: "2026. gada 23. novembris"; English letters use "23 November 2026".
// Month names are spelled out here rather than taken from Intl, so a letter never depends on the
// ICU data a Node build ships with; a test compares them with Intl for every day of several years.

export type LetterLanguage = 'lv' | 'en';

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  lv: [
    'janvāris',
    'februāris',
    'marts',
    'aprīlis',
    'maijs',
    'jūnijs',
    'jūlijs',
    'augusts',
    'septembris',
    'oktobris',
    'novembris',
    'decembris',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The parts of a YYYY-MM-DD calendar date, or null for anything else (2026-02-30 included). */
export function parseIsoDate(iso: string): CalendarDate | null {
  const match = ISO_DATE.exec(iso);
  if (match === null) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years < 100 literal.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  if (day > last.getUTCDate()) return null;
  return { year, month, day };
}

/**
 * A date-only value (YYYY-MM-DD, as the API and the database give it) written out for a letter.
 * Date-only values have no time zone, so none is applied: the day stays the day that was stored.
 * Throws RangeError on anything that is not a real calendar date.
 */
export function formatLetterDate(iso: string, language: LetterLanguage): string {
  const date = parseIsoDate(iso);
  if (date === null) throw new RangeError(`not a YYYY-MM-DD calendar date: ${iso}`);
  const month = MONTHS[language]?.[date.month - 1];
  if (month === undefined) throw new RangeError(`no letter date format for language: ${language}`);
  return language === 'lv'
    ? `${date.year}. gada ${date.day}. ${month}`
    : `${date.day} ${month} ${date.year}`;
}
