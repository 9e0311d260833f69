import type { relativeKinds } from './enums';

/*
 * Facts of the card's rules that the API enforces and the console's forms check before saving:
 * the ages the law sets (Civil Law), counted in completed years with ./calendar.ts's `yearsOld`,
 * the form of an ICD-10 code, and which relatives the birth order rules are about.
 */

/** A child's consent to adoption is asked and recorded from age 12 (Civil Law, section 169). */
export const CONSENT_AGE = 12;
/** An adopter has turned 25 by the recognising decision (Civil Law, section 163). */
export const MIN_ADOPTER_AGE = 25;
/** Disability groups I–III are set from age 18; a child's disability has no group. */
export const ADULT_AGE = 18;

/** An ICD-10 (SSK-10) code such as F84.0: a letter, two digits, optionally one or two after a dot. */
export const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9]{1,2})?$/;

type RelativeKind = (typeof relativeKinds)[number];
/** One mother and one father at most. */
export const parentKinds: readonly RelativeKind[] = ['mother', 'father'];
/** Parents and grandparents were born before the child. */
export const elderKinds: readonly RelativeKind[] = [
  'mother',
  'father',
  'grandmother',
  'grandfather',
];
