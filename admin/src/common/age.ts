/*
 * Ages in completed years on calendar dates `YYYY-MM-DD`, as the API counts them
 * (backend/src/people/age.ts): the console shows a child's age and the day consent may be asked.
 */

/** The date a person born on `birthDate` turns `years` old; 29 February turns on 1 March. */
export function birthday(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}-${birthDate.slice(5)}`;
}

/** Completed years on `date` (0 before the first birthday). */
export function yearsOld(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthday(birthDate, years) <= date ? years : years - 1;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);

/** A child's consent to adoption is asked and recorded from age 12 (Civil Law, section 169). */
export const CONSENT_AGE = 12;
/** An adopter has turned 25 by the recognising decision (Civil Law, section 163). */
export const MIN_ADOPTER_AGE = 25;
/** Disability groups I–III are set from age 18. */
export const ADULT_AGE = 18;
