/**
 * selection/rules/: the selection's rules, each a small pure function
 * `(candidate, adopter, context) → RuleOutcome` with its own tests. The same functions decide in
 * the tests and in production (selection/engine.ts); the SQL (selection/repository.ts) only narrows
 * the candidates with the conditions an index can serve. docs/selection.md states each rule.
 */
import { abroad } from './abroad';
import { age } from './age';
import { ageGap } from './age-gap';
import { availability } from './availability';
import { consent } from './consent';
import { groupSize } from './group-size';
import { needs } from './needs';
import { recognition } from './recognition';
import { refusalPause } from './refusal-pause';
import { sex } from './sex';
import {
  softRules,
  type AdopterFacts,
  type CandidateFacts,
  type Rule,
  type RuleContext,
  type RuleName,
  type RuleOutcome,
} from './types';

export * from './types';
export { childNeeds } from './needs';

/** Every rule, in the order the outcomes are listed (the adopter's own first, then the child's). */
export const rules: readonly (readonly [RuleName, Rule])[] = [
  ['recognition', recognition],
  ['refusalPause', refusalPause],
  ['availability', availability],
  ['consent', consent],
  ['abroad', abroad],
  ['groupSize', groupSize],
  ['sex', sex],
  ['age', age],
  ['ageGap', ageGap],
  ['needs', needs],
];

export type { Grade } from '@adoption/model';
import type { Grade } from '@adoption/model';

/** All rules' outcomes for one candidate and one adopter. */
export const evaluate = (c: CandidateFacts, a: AdopterFacts, ctx: RuleContext): RuleOutcome[] =>
  rules.map(([, rule]) => rule(c, a, ctx));

/** The rules about the candidate alone (availability, consent: the same for every adopter). */
const childRules: readonly RuleName[] = ['availability', 'consent'];

/**
 * `evaluate` for one candidate and many adopters (the reverse view): the candidate's own rules
 * (`candidateOutcomes`, the same for every adopter) are given, the others evaluated.
 */
export function evaluateFor(
  c: CandidateFacts,
  a: AdopterFacts,
  ctx: RuleContext,
  candidateOwn: ReadonlyMap<RuleName, RuleOutcome>,
): RuleOutcome[] {
  const out: RuleOutcome[] = new Array(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const [name, rule] = rules[i]!;
    out[i] = candidateOwn.get(name) ?? rule(c, a, ctx);
  }
  return out;
}

/** The outcomes of the candidate's own rules (they do not read the adopter). */
export const candidateOutcomes = (c: CandidateFacts, a: AdopterFacts, ctx: RuleContext) =>
  new Map(childRules.map((name) => [name, rules.find(([n]) => n === name)![1](c, a, ctx)]));

/** The rules after the adopter's own two (`rules` from availability on), in the listed order. */
const perCandidate = rules.slice(2).map(([, rule]) => rule);

/**
 * `evaluate` for many candidates and one adopter: `own` is the outcome of the adopter's own rules
 * (recognition, refusal pause — `ownOutcomes`, the same for every candidate), computed once.
 */
export function evaluateWith(
  c: CandidateFacts,
  a: AdopterFacts,
  ctx: RuleContext,
  own: readonly RuleOutcome[],
): RuleOutcome[] {
  const out: RuleOutcome[] = new Array(own.length + perCandidate.length);
  for (let i = 0; i < own.length; i++) out[i] = own[i]!;
  for (let i = 0; i < perCandidate.length; i++) out[own.length + i] = perCandidate[i]!(c, a, ctx);
  return out;
}

/** The outcomes of the adopter's own rules (they do not read the candidate). */
export const ownOutcomes = (c: CandidateFacts, a: AdopterFacts, ctx: RuleContext) =>
  adopterRules.map((rule) => rule(c, a, ctx));

/**
 * fits: every rule passes; consider: none fails, one or more asks to consider; near_miss: exactly
 * one soft-able rule fails (age only by ≤ nearMissAgeYears) and every other rule passes;
 * excluded: anything else.
 */
export function grade(outcomes: readonly RuleOutcome[]): Grade {
  // One pass, no allocation (a wide selection grades tens of thousands of candidates).
  let failed = 0;
  let only: RuleOutcome | undefined;
  let considered = false;
  for (const o of outcomes) {
    if (o.outcome === 'fail') {
      failed++;
      only = o;
    } else if (o.outcome === 'consider') considered = true;
  }
  if (failed === 0) return considered ? 'consider' : 'fits';
  if (
    failed === 1 &&
    !considered &&
    softRules.includes(only!.rule) &&
    only!.detail.near !== false
  ) {
    return 'near_miss';
  }
  return 'excluded';
}

/** The rules about the adopter alone (the same outcome for every candidate). */
const adopterRules: readonly Rule[] = [recognition, refusalPause];
/** The others, cheapest and most selective first, for `proposable`. */
const candidateRules: readonly Rule[] = [
  age,
  sex,
  groupSize,
  availability,
  abroad,
  ageGap,
  consent,
  needs,
];

/** Whether the adopter may be proposed anything at all (recognition, refusal pause). */
export const adopterEligible = (c: CandidateFacts, a: AdopterFacts, ctx: RuleContext) =>
  adopterRules.every((rule) => rule(c, a, ctx).outcome !== 'fail');

/**
 * Whether the candidate may be proposed to the adopter (fits or consider): the same rules as
 * `evaluate`, stopping at the first failure. `eligible` skips the adopter's own rules when the
 * caller has checked them once for all candidates.
 */
export function proposable(
  c: CandidateFacts,
  a: AdopterFacts,
  ctx: RuleContext,
  eligible?: boolean,
): boolean {
  if (eligible === false) return false;
  if (eligible === undefined && !adopterEligible(c, a, ctx)) return false;
  for (const rule of candidateRules) if (rule(c, a, ctx).outcome === 'fail') return false;
  return true;
}
