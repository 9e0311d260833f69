import { birthday, MIN_ADOPTER_AGE, yearsOld } from '@adoption/model';

// The age rule of adoption (Civil Law, section 163; domain brief section 4): an adopter is at
// least 25 and at least 18 years older than the child, or 16 for a spouse's child or for
// brothers and sisters adopted together.

export const MIN_AGE_GAP = 18;
export const MIN_AGE_GAP_RELAXED = 16;

/** The gap the law asks for: 16 years for a spouse's child or siblings adopted together. */
export const requiredGap = (relaxed: boolean) => (relaxed ? MIN_AGE_GAP_RELAXED : MIN_AGE_GAP);

/**
 * Whether an adopter born on `adopterBirthDate` is old enough for a child born on
 * `childBirthDate`: the child must be born on or after the adopter's 18th (16th) birthday.
 */
export function ageGapAllows(
  adopterBirthDate: string,
  childBirthDate: string,
  relaxed: boolean | number = false,
): boolean {
  // A number is the gap itself (the selection's versioned parameters ageGapYears/…RelaxedYears).
  const gap = typeof relaxed === 'number' ? relaxed : requiredGap(relaxed);
  return childBirthDate >= birthday(adopterBirthDate, gap);
}

/** Whether the adopter has turned 25 on `date` (the recognising decision, an offer). */
export function oldEnoughToAdopt(adopterBirthDate: string, date: string): boolean {
  return yearsOld(adopterBirthDate, date) >= MIN_ADOPTER_AGE;
}

/**
 * The oldest age in completed years a child may have today for an adopter born on
 * `adopterBirthDate` (the upper end of the ages the rule leaves open).
 */
export function oldestChildAge(adopterBirthDate: string, today: string, relaxed = false): number {
  return yearsOld(adopterBirthDate, today) - requiredGap(relaxed);
}
