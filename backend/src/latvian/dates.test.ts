import fc from 'fast-check';
import { isIsoDate } from '@adoption/model';
import { formatLetterDate, parseIsoDate } from './dates';

describe('formatLetterDate', () => {
  it('writes Latvian dates year first with the month in the nominative', () => {
    expect(formatLetterDate('2026-11-23', 'lv')).toBe('2026. gada 23. novembris');
    expect(formatLetterDate('2026-01-01', 'lv')).toBe('2026. gada 1. janvāris');
    expect(formatLetterDate('2024-02-29', 'lv')).toBe('2024. gada 29. februāris');
    expect(formatLetterDate('2025-07-09', 'lv')).toBe('2025. gada 9. jūlijs');
  });

  it('writes English dates day first', () => {
    expect(formatLetterDate('2026-11-23', 'en')).toBe('23 November 2026');
    expect(formatLetterDate('2026-03-05', 'en')).toBe('5 March 2026');
  });

  it('keeps Latvian letters in NFC, so they compare equal to typed text', () => {
    for (let month = 1; month <= 12; month++) {
      const text = formatLetterDate(`2026-${String(month).padStart(2, '0')}-15`, 'lv');
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('agrees with Intl (CLDR) for every day from 1990 to 2040 in both languages', () => {
    // Date-only values carry no time zone; noon UTC is the same calendar day in Riga.
    const lv = new Intl.DateTimeFormat('lv', { dateStyle: 'long', timeZone: 'Europe/Riga' });
    const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Riga' });
    for (let t = Date.UTC(1990, 0, 1, 12); t <= Date.UTC(2040, 11, 31, 12); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(formatLetterDate(iso, 'lv')).toBe(lv.format(t));
      expect(formatLetterDate(iso, 'en')).toBe(en.format(t));
    }
  });

  it('refuses anything that is not a real calendar date', () => {
    for (const bad of [
      '',
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-4-3',
      '23.11.2026',
      '2026-11-23T10:00:00Z',
      ' 2026-11-23',
      '0000-01-01',
    ]) {
      expect(() => formatLetterDate(bad, 'lv')).toThrow(RangeError);
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('refuses a language it has no month names for', () => {
    expect(() => formatLetterDate('2026-11-23', 'de' as 'lv')).toThrow(/language: de/);
  });
});

describe('parseIsoDate', () => {
  it('round-trips every valid date through the Date calendar', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z') }),
        (d) => {
          fc.pre(!Number.isNaN(d.getTime()));
          const iso = d.toISOString().slice(0, 10);
          expect(parseIsoDate(iso)).toEqual({
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
          });
        },
      ),
    );
  });

  it('knows the leap years, century rules included', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('0004-02-29')).toBe(true);
  });
});
