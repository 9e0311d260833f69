import { ageGapAllows, oldEnoughToAdopt, oldestChildAge } from './age-gap';

describe('the adoption age rule', () => {
  it('asks for 18 years between adopter and child, to the day', () => {
    expect(ageGapAllows('1990-06-15', '2008-06-15')).toBe(true);
    expect(ageGapAllows('1990-06-15', '2008-06-14')).toBe(false);
    expect(ageGapAllows('1990-06-15', '2015-01-01')).toBe(true);
  });

  it('asks for 16 years for a spouse’s child or siblings adopted together', () => {
    expect(ageGapAllows('1990-06-15', '2006-06-15', true)).toBe(true);
    expect(ageGapAllows('1990-06-15', '2006-06-14', true)).toBe(false);
    expect(ageGapAllows('1990-06-15', '2006-06-15', false)).toBe(false);
  });

  it('counts a 29 February adopter’s birthday on 1 March in common years', () => {
    expect(ageGapAllows('1988-02-29', '2006-02-28')).toBe(false);
    expect(ageGapAllows('1988-02-29', '2006-03-01')).toBe(true);
  });

  it('lets a person adopt from their 25th birthday', () => {
    expect(oldEnoughToAdopt('2000-03-10', '2025-03-09')).toBe(false);
    expect(oldEnoughToAdopt('2000-03-10', '2025-03-10')).toBe(true);
  });

  it('answers the oldest child age the rule leaves open today', () => {
    expect(oldestChildAge('1990-06-15', '2026-11-24')).toBe(18);
    expect(oldestChildAge('1996-12-01', '2026-11-24')).toBe(11);
    expect(oldestChildAge('1996-12-01', '2026-11-24', true)).toBe(13);
  });
});
