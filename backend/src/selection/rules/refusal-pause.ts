import { addMonths } from '@adoption/model';
import { fail, pass, type Rule } from './types';

/**
 * The refusal rule of the parameters (an older LM rule, kept configurable): `count` unreasoned
 * refusals within `withinMonths` before the selection date → no new information until
 * `pauseMonths` after the last of them; `appliesTo` foreign adopters or all.
 */
export const refusalPause: Rule = (_candidate, adopter, { runOn, params }) => {
  const rule = params.refusalRule;
  if (rule.appliesTo === 'foreign' && adopter.origin !== 'foreign') {
    return pass('refusalPause', { applies: false });
  }
  const since = addMonths(runOn, -rule.withinMonths);
  const counted = adopter.unreasonedRefusals.filter((d) => d > since && d <= runOn).sort();
  const detail = {
    applies: true,
    counted: counted.length,
    count: rule.count,
    withinMonths: rule.withinMonths,
  };
  if (counted.length < rule.count) return pass('refusalPause', detail);
  const pausedUntil = addMonths(counted[counted.length - 1]!, rule.pauseMonths);
  return pausedUntil > runOn
    ? fail('refusalPause', { ...detail, pausedUntil, suggestReEvaluation: true })
    : pass('refusalPause', { ...detail, pausedUntil });
};
