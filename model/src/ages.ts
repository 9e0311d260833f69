/* The ages the law sets (Civil Law), counted in completed years with ./calendar.ts's `yearsOld`. */

/** A child's consent to adoption is asked and recorded from age 12 (Civil Law, section 169). */
export const CONSENT_AGE = 12;
/** An adopter has turned 25 by the recognising decision (Civil Law, section 163). */
export const MIN_ADOPTER_AGE = 25;
/** Disability groups I–III are set from age 18; a child's disability has no group. */
export const ADULT_AGE = 18;
