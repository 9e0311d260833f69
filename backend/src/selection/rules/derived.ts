import { yearsOld } from '@adoption/model';
import type { ChildFacts } from './types';

// What the rules derive from a child's facts, computed once per child and date: a selection asks
// the same child's age for every adopter ahead in the queue. The cache is keyed by the facts
// object, so it changes nothing a rule answers.

const ages = new WeakMap<ChildFacts, { on: string; age: number }>();

/** Completed years on `date` (calendar.ts `yearsOld`), remembered for the last date asked. */
export function ageOn(child: ChildFacts, date: string): number {
  const hit = ages.get(child);
  if (hit && hit.on === date) return hit.age;
  const age = yearsOld(child.birthDate, date);
  ages.set(child, { on: date, age });
  return age;
}
