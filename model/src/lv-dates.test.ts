import { formatLvDate, formatLvDateInput, formatLvDateTime, parseLvDate } from './lv-dates';

describe('Latvian dates', () => {
  it('prints calendar dates as DD.MM.YYYY without shifting them', () => {
    expect(formatLvDate('2025-03-04')).toBe('04.03.2025');
    expect(formatLvDate('1999-12-31')).toBe('31.12.1999');
    expect(formatLvDateTime('2025-03-04')).toBe('04.03.2025');
  });

  it('prints instants in Latvian time', () => {
    // 08:05 UTC is 10:05 in Riga in winter (EET) …
    expect(formatLvDateTime('2025-03-04T08:05:00Z')).toBe('04.03.2025 10:05');
    // … and 11:05 in summer (EEST).
    expect(formatLvDateTime('2025-07-01T08:05:00.000Z')).toBe('01.07.2025 11:05');
    // Late evening UTC is already the next day in Riga.
    expect(formatLvDate('2025-12-31T22:30:00Z')).toBe('01.01.2026');
    expect(formatLvDate(new Date('2025-03-04T08:05:00Z'))).toBe('04.03.2025');
  });

  it('leaves empty and unreadable values blank', () => {
    expect(formatLvDate(null)).toBe('');
    expect(formatLvDate(undefined)).toBe('');
    expect(formatLvDate('')).toBe('');
    expect(formatLvDate('not a date')).toBe('');
    expect(formatLvDateTime({})).toBe('');
  });
});

describe('Latvian date input', () => {
  it('reads DD.MM.YYYY, D.M.YYYY and a pasted ISO date', () => {
    expect(parseLvDate('15.03.2015')).toBe('2015-03-15');
    expect(parseLvDate('5.3.2015')).toBe('2015-03-05');
    expect(parseLvDate('05.03.2015.')).toBe('2015-03-05');
    expect(parseLvDate(' 2015-03-15 ')).toBe('2015-03-15');
    expect(parseLvDate('')).toBeNull();
    expect(parseLvDate(null)).toBeNull();
  });

  it('keeps what is not yet a whole, real date as typed', () => {
    expect(parseLvDate('15.03')).toBe('15.03');
    expect(parseLvDate('30.02.2015')).toBe('30.02.2015');
  });

  it('shows a stored date in Latvian form', () => {
    expect(formatLvDateInput('2015-03-15')).toBe('15.03.2015');
    expect(formatLvDateInput('15.03')).toBe('15.03');
    expect(formatLvDateInput(null)).toBe('');
  });
});
