import { birthday, yearsOld } from './calendar';
import {
  ADULT_AGE,
  CONSENT_AGE,
  elderKinds,
  ICD10_CODE,
  MIN_ADOPTER_AGE,
  parentKinds,
} from './rules';

describe('the card’s rules', () => {
  it('asks consent from the 12th birthday, sets groups I–III from 18, adopters from 25', () => {
    expect([CONSENT_AGE, ADULT_AGE, MIN_ADOPTER_AGE]).toEqual([12, 18, 25]);
    expect(birthday('2014-05-10', CONSENT_AGE)).toBe('2026-05-10');
    expect(yearsOld('2008-03-01', '2026-02-28') < ADULT_AGE).toBe(true);
  });

  it('knows an ICD-10 code', () => {
    for (const code of ['F84', 'F84.0', 'J45.90', 'Z00']) expect(ICD10_CODE.test(code)).toBe(true);
    for (const code of ['f84.0', 'F8', 'F84.', 'F84.123', '84.0', 'FF4.0'])
      expect(ICD10_CODE.test(code)).toBe(false);
  });

  it('treats parents and grandparents, not siblings, as born before the child', () => {
    expect(parentKinds).toEqual(['mother', 'father']);
    expect(elderKinds).toEqual(
      expect.arrayContaining([...parentKinds, 'grandmother', 'grandfather']),
    );
    expect(elderKinds).not.toContain('sister');
  });
});
