import { TZDate } from '@date-fns/tz';

/*
 * Riga's calendar: the dates the register's users live by. Calendar dates are `YYYY-MM-DD`
 * strings (as the API and the database hold them) and carry no time zone; instants become Riga
 * dates and wall-clock times through @date-fns/tz, whatever the zone of the server or browser.
 * Deadlines (one, three and six months; every six months) are counted with `addMonths` and
 * `completedMonths`, ages with `birthday` and `yearsOld`; day filters start at `rigaDayStart`.
 */
export const RIGA = 'Europe/Riga';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Days in `month` (1–12) of `year`, by the Gregorian rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `value` is a `YYYY-MM-DD` day of the calendar (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The Riga date `YYYY-MM-DD` and wall-clock time `HH:mm` of an instant. */
export function rigaClock(instant: Date): { date: string; time: string } {
  const riga = new TZDate(instant.getTime(), RIGA);
  return {
    date: iso(riga.getFullYear(), riga.getMonth() + 1, riga.getDate()),
    time: `${pad(riga.getHours())}:${pad(riga.getMinutes())}`,
  };
}

/** Midnight in Riga (EET/EEST) at the start of a calendar day, as an instant (day filters). */
export function rigaDayStart(date: string): Date {
  const riga = new TZDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    RIGA,
  );
  return new Date(riga.getTime());
}

/** Today in Riga, `YYYY-MM-DD` ("not in the future", ages and waiting times count to it). */
export function rigaToday(now: Date = new Date()): string {
  return rigaClock(now).date;
}

/** The date `days` days after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date `months` months after (negative: before) `date`, the day kept unless the month is
 * shorter: then its last day (31 January + 1 month = 28 or 29 February), as PostgreSQL's
 * `interval` arithmetic and `age()` count months.
 */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return iso(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/**
 * Whole months from `from` to `to`, as PostgreSQL's `age()` and the lists' month filters count
 * them: the most `n` with `from` on or before `addMonths(to, -n)` (31 January to 28 February is
 * 0 months, to 1 March 1 month). A deadline "n months after" is `addMonths(from, n)`, not this.
 */
export function completedMonths(from: string, to: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  const n = index(to) - index(from);
  return from <= addMonths(to, -n) ? n : n - 1;
}

/** The date a person born on `birthDate` turns `years` old; 29 February turns on 1 March. */
export function birthday(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const month = Number(birthDate.slice(5, 7));
  const day = Number(birthDate.slice(8, 10));
  if (month === 2 && day === 29 && daysInMonth(year, 2) === 28) return iso(year, 3, 1);
  return iso(year, month, day);
}

/** Completed years on `date` (0 before the first birthday). */
export function yearsOld(birthDate: string, date: string): number {
  const year = Number(date.slice(0, 4));
  const years = year - Number(birthDate.slice(0, 4));
  // The birthday in `date`'s year as month-day (`birthday` without building the date: the
  // selection asks this for every candidate); 29 February is 1 March in a common year.
  let monthDay = birthDate.slice(5, 10);
  if (monthDay === '02-29' && daysInMonth(year, 2) === 28) monthDay = '03-01';
  return monthDay <= date.slice(5, 10) ? years : years - 1;
}
