import { formatLvDateInput, isRealIsoDate, parseLvDate, wholeDate } from './lvDate';

describe('Latvian date input', () => {
  it('reads DD.MM.YYYY, D.M.YYYY and a pasted ISO date', () => {
    expect(parseLvDate('15.03.2015')).toBe('2015-03-15');
    expect(parseLvDate('5.3.2015')).toBe('2015-03-05');
    expect(parseLvDate('05.03.2015.')).toBe('2015-03-05');
    expect(parseLvDate(' 2015-03-15 ')).toBe('2015-03-15');
    expect(parseLvDate('')).toBeNull();
    expect(parseLvDate(null)).toBeNull();
  });

  it('keeps what is not yet a whole, real date as typed, and the check says so', () => {
    expect(parseLvDate('15.03')).toBe('15.03');
    expect(parseLvDate('30.02.2015')).toBe('30.02.2015');
    expect(wholeDate('15.03')).toBe('app.form.invalid_date');
    expect(wholeDate('30.02.2015')).toBe('app.form.invalid_date');
    expect(wholeDate('2015-02-30')).toBe('app.form.invalid_date');
    expect(wholeDate('2015-03-15')).toBeUndefined();
    expect(wholeDate(null)).toBeUndefined();
  });

  it('shows a stored date in Latvian form', () => {
    expect(formatLvDateInput('2015-03-15')).toBe('15.03.2015');
    expect(formatLvDateInput('15.03')).toBe('15.03');
    expect(formatLvDateInput(null)).toBe('');
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2025-02-29')).toBe(false);
  });
});
