import { wholeDate } from './lvDate';

describe('Latvian date input check', () => {
  it('wants a whole, real date or nothing', () => {
    expect(wholeDate('15.03')).toBe('app.form.invalid_date');
    expect(wholeDate('30.02.2015')).toBe('app.form.invalid_date');
    expect(wholeDate('2015-02-30')).toBe('app.form.invalid_date');
    expect(wholeDate('2015-03-15')).toBeUndefined();
    expect(wholeDate(null)).toBeUndefined();
    expect(wholeDate('')).toBeUndefined();
  });
});
