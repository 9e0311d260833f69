import { birthday, yearsOld } from './age';

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
  ])('born %s is %s years old on %s', (born, on, years) => {
    expect(yearsOld(born, on)).toBe(years);
  });

  it('a 29 February birthday falls on 1 March in a common year, on the day in a leap year', () => {
    expect(birthday('2012-02-29', 12)).toBe('2024-02-29');
    expect(birthday('2012-02-29', 13)).toBe('2025-03-01');
    expect(birthday('2010-12-31', 12)).toBe('2022-12-31');
  });
});
