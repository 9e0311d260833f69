import fc from 'fast-check';
import {
  addDays,
  addMonths,
  birthday,
  completedMonths,
  isIsoDate,
  rigaClock,
  rigaDayStart,
  rigaToday,
  yearsOld,
} from './calendar';

/** A real calendar date 1900–2199, as the register holds them. */
const date = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const nextDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (d: string) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('Riga today and wall clock', () => {
  it('knows today in Latvia, which may already be tomorrow in UTC', () => {
    expect(rigaToday(new Date('2025-12-31T21:59:00Z'))).toBe('2025-12-31');
    expect(rigaToday(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
  });

  it('follows summer time: UTC+2 in winter, UTC+3 in summer, switching on the last Sundays', () => {
    expect(rigaClock(new Date('2025-03-04T08:05:00Z'))).toEqual({
      date: '2025-03-04',
      time: '10:05',
    });
    expect(rigaClock(new Date('2025-07-01T08:05:00Z'))).toEqual({
      date: '2025-07-01',
      time: '11:05',
    });
    // 30 March 2025, 03:00 EET becomes 04:00 EEST (01:00 UTC).
    expect(rigaClock(new Date('2025-03-30T00:59:00Z')).time).toBe('02:59');
    expect(rigaClock(new Date('2025-03-30T01:00:00Z')).time).toBe('04:00');
    // 26 October 2025, 04:00 EEST becomes 03:00 EET again (01:00 UTC).
    expect(rigaClock(new Date('2025-10-26T00:59:00Z')).time).toBe('03:59');
    expect(rigaClock(new Date('2025-10-26T01:00:00Z')).time).toBe('03:00');
  });

  it('is the date of the instant in Riga for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (instant) => {
          const expected = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' }).format(
            instant,
          );
          expect(rigaToday(instant)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('calendar dates', () => {
  it('knows the days of the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2026-11-24', 2, '2027-01-24'],
    ['2026-05-10', 3, '2026-08-10'],
    ['2026-05-10', 6, '2026-11-10'],
    ['2026-05-10', 24, '2028-05-10'],
  ])('%s %i months → %s', (from, months, expected) =>
    expect(addMonths(from, months)).toBe(expected),
  );

  it('lands in the right month, keeping the day or the month’s last day (never overflows)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (from, months) => {
        const to = addMonths(from, months);
        expect(isIsoDate(to)).toBe(true);
        const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(index(to) - index(from)).toBe(months);
        const day = Number(from.slice(8, 10));
        const last = lastDay(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
        expect(Number(to.slice(8, 10))).toBe(Math.min(day, last));
      }),
    );
  });

  it('every six months for two years: four dates, each six months after the first', () => {
    const start = '2025-08-31';
    expect([6, 12, 18, 24].map((n) => addMonths(start, n))).toEqual([
      '2026-02-28',
      '2026-08-31',
      '2027-02-28',
      '2027-08-31',
    ]);
  });
});

describe('completedMonths', () => {
  it.each([
    ['2025-01-15', '2025-02-14', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-31', '2025-03-01', 1],
    ['2025-03-31', '2025-04-30', 0],
    ['2025-03-31', '2025-05-01', 1],
    ['2021-06-01', '2026-05-31', 59],
    ['2021-06-01', '2026-06-01', 60],
    ['2025-05-10', '2025-05-10', 0],
  ])('%s to %s: %i', (from, to, months) => expect(completedMonths(from, to)).toBe(months));

  it('is the most n with `from` on or before `to` − n months (as PostgreSQL’s age() counts)', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const n = completedMonths(from, to);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(from <= addMonths(to, -n)).toBe(true);
        expect(from <= addMonths(to, -(n + 1))).toBe(false);
      }),
    );
  });
});

describe('ages in completed years', () => {
  it.each([
    ['2014-05-10', '2026-05-09', 11],
    ['2014-05-10', '2026-05-10', 12],
    ['2014-05-10', '2026-12-31', 12],
    ['2014-05-10', '2014-05-10', 0],
    ['2012-02-29', '2024-02-28', 11],
    ['2012-02-29', '2024-02-29', 12],
    ['2012-02-29', '2025-02-28', 12],
    ['2012-02-29', '2030-02-28', 17],
    ['2012-02-29', '2030-03-01', 18],
  ])('born %s, on %s: %i years old', (born, on, years) => {
    expect(yearsOld(born, on)).toBe(years);
  });

  it('a 29 February birthday falls on 1 March in a common year, on the day in a leap year', () => {
    expect(birthday('2012-02-29', 12)).toBe('2024-02-29');
    expect(birthday('2012-02-29', 13)).toBe('2025-03-01');
    expect(birthday('2010-12-31', 12)).toBe('2022-12-31');
  });

  it('the age goes up by one exactly on the birthday, and only then', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 100 }), (born, years) => {
        const day = birthday(born, years);
        expect(isIsoDate(day)).toBe(true);
        expect(yearsOld(born, day)).toBe(years);
        expect(yearsOld(born, previousDay(day))).toBe(years - 1);
        expect(yearsOld(born, nextDay(day))).toBe(years);
      }),
    );
  });

  it('born on 29 February: a year older on 29 February in leap years, on 1 March otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), (years) => {
        const day = birthday('1996-02-29', years);
        const year = 1996 + years;
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        expect(day).toBe(leap ? `${year}-02-29` : `${year}-03-01`);
      }),
    );
  });
});

describe('days', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('starts a Riga day at local midnight: 22:00 UTC in winter, 21:00 UTC in summer', () => {
    expect(rigaDayStart('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(rigaDayStart('2026-07-15').toISOString()).toBe('2026-07-14T21:00:00.000Z');
    // The days summer time starts and ends (the clocks move at 03:00/04:00, not at midnight).
    expect(rigaDayStart('2025-03-30').toISOString()).toBe('2025-03-29T22:00:00.000Z');
    expect(rigaDayStart('2025-10-26').toISOString()).toBe('2025-10-25T21:00:00.000Z');
  });

  it('a Riga day starts at 00:00 Riga time, and the instant before is the day before', () => {
    // From 1990: earlier Riga time had odd offsets (local mean time until 1926, war years).
    const recent = date.filter((d) => d >= '1990-01-01');
    fc.assert(
      fc.property(recent, (day) => {
        const start = rigaDayStart(day);
        expect(rigaClock(start)).toEqual({ date: day, time: '00:00' });
        expect(rigaClock(new Date(start.getTime() - 1)).date).toBe(previousDay(day));
      }),
    );
  });
});
