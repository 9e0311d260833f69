import { isIsoDate, rigaClock } from './calendar';

/*
 * Dates written the Latvian way, DD.MM.YYYY (and DD.MM.YYYY HH:mm), independent of ICU data
 * (Intl's `lv-LV` pattern ends with a dot, "04.03.2025.", in some engines) and of the reader's
 * time zone: instants in Riga time, calendar dates (`YYYY-MM-DD`) as they are.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LV = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/;

const dotted = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** A calendar date as it is, an instant as its Riga date and time; undefined when unreadable. */
function clockOf(value: unknown): { date: string; time?: string } | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return { date: value };
  const instant =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  if (!instant || Number.isNaN(instant.getTime())) return undefined;
  return rigaClock(instant);
}

/** `2025-03-04` → `04.03.2025`; an ISO instant → its date in Latvia; anything unreadable → ''. */
export function formatLvDate(value: unknown): string {
  const c = clockOf(value);
  return c ? dotted(c.date) : '';
}

/** An ISO instant → `04.03.2025 10:05` (Latvian time); a calendar date → just the date. */
export function formatLvDateTime(value: unknown): string {
  const c = clockOf(value);
  if (!c) return '';
  return c.time === undefined ? dotted(c.date) : `${dotted(c.date)} ${c.time}`;
}

/** Typed text → `YYYY-MM-DD` (from DD.MM.YYYY, D.M.YYYY or YYYY-MM-DD); blank → null; else as typed. */
export function parseLvDate(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const lv = LV.exec(t);
  if (lv) {
    const date = `${lv[3]}-${lv[2]!.padStart(2, '0')}-${lv[1]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : t;
  }
  return t;
}

/** `YYYY-MM-DD` → DD.MM.YYYY for an input; anything else as it was typed. */
export function formatLvDateInput(value: unknown): string {
  if (typeof value !== 'string') return '';
  return DATE_ONLY.test(value) ? dotted(value) : value;
}
