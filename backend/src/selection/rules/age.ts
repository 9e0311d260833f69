import { ageOn } from './derived';
import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * Every child's age in completed years on the selection date lies within the adopter's wished
 * ages [from, to]. Soft-able: outside by at most `nearMissAgeYears` the failure is `near`, which
 * makes a near miss when it is the only rule that fails.
 */
export const age: Rule = (candidate, adopter, { runOn, params }) => {
  const ages = candidate.children.map((c) => ageOn(c, runOn));
  const from = adopter.wishedAgeFrom;
  const to = adopter.wishedAgeTo;
  const key = `${from}|${to}|${params.nearMissAgeYears}|${ages.join(',')}`;
  return shared(cache, key, () => decide(ages, from, to, params.nearMissAgeYears));
};

function decide(ages: number[], from: number, to: number, nearMissAgeYears: number) {
  const distance = Math.max(0, ...ages.map((a) => (a < from ? from - a : a > to ? a - to : 0)));
  const detail = { ages, from, to };
  if (distance === 0) return pass('age', detail);
  return fail('age', {
    ...detail,
    yearsOutside: distance,
    near: distance <= nearMissAgeYears,
  });
}
