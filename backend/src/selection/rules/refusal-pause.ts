import { addMonths } from '@adoption/model';
import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * The refusal rule of the parameters (an older LM rule, kept configurable): `count` unreasoned
 * refusals within `withinMonths` before the selection date → no new information until
 * `pauseMonths` after the last of them; `appliesTo` foreign adopters or all.
 */
export const refusalPause: Rule = (_candidate, adopter, { runOn, params }) => {
  const rule = params.refusalRule;
  if (rule.appliesTo === 'foreign' && adopter.origin !== 'foreign') {
    return shared(cache, '-', () => pass('refusalPause', { applies: false }));
  }
  // Most adopters have none: no window to compute.
  let counted = adopter.unreasonedRefusals;
  if (counted.length > 0) {
    const since = addMonths(runOn, -rule.withinMonths);
    counted = counted.filter((d) => d > since && d <= runOn).sort();
  }
  const detail = {
    applies: true,
    counted: counted.length,
    count: rule.count,
    withinMonths: rule.withinMonths,
  };
  // Most adopters: one shared outcome per count (a reverse view asks every waiting adopter).
  if (counted.length < rule.count) {
    return shared(cache, `${counted.length}|${rule.count}|${rule.withinMonths}`, () =>
      pass('refusalPause', detail),
    );
  }
  const pausedUntil = addMonths(counted[counted.length - 1]!, rule.pauseMonths);
  return pausedUntil > runOn
    ? fail('refusalPause', { ...detail, pausedUntil, suggestReEvaluation: true })
    : pass('refusalPause', { ...detail, pausedUntil });
};
