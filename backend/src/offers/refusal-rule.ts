import { addDays, addMonths } from '@adoption/model';
import type { SelectionParameters } from '../selection/parameters';

/** A refusal as the rule reads it: an empty reason is an unreasoned refusal. */
export interface RefusalFact {
  refusedOn: string;
  reason: string | null;
}

export interface RefusalRuleOutcome {
  /** The rule applies to this adopter (`appliesTo`: foreign adopters only, or all). */
  applies: boolean;
  /** Refusals without a reason within the last `withinMonths` up to `today`. */
  unreasonedRecent: number;
  /** The first day of that window. */
  windowFrom: string;
  /** The last date on which `count` unreasoned refusals fell within `withinMonths`, if any. */
  triggeredOn: string | null;
  /** No new information about children before this date (`pauseMonths` after `triggeredOn`). */
  pausedUntil: string | null;
  /** `today` falls before `pausedUntil`. */
  paused: boolean;
  /** Suggest asking the orphan court to re-evaluate the adopter (the rule was met). */
  suggestCourtReview: boolean;
}

export const isUnreasoned = (r: RefusalFact) => !r.reason || r.reason.trim() === '';

/**
 * The rule for repeated unreasoned refusals (issue 14, "Refusals"): `count` refusals without a
 * reason within `withinMonths` → no new information for `pauseMonths` from the refusal that met
 * the count, and a suggested request to the orphan court to re-evaluate the adopter. The rule
 * advises the specialist; it blocks nothing by itself. Pure: the same function answers the
 * summary route and its tests.
 */
export function evaluateRefusalRule(
  refusals: readonly RefusalFact[],
  origin: 'latvian' | 'foreign',
  rule: SelectionParameters['refusalRule'],
  today: string,
): RefusalRuleOutcome {
  const applies = rule.appliesTo === 'all' || origin === 'foreign';
  const dates = refusals
    .filter(isUnreasoned)
    .map((r) => r.refusedOn)
    .filter((d) => d <= today)
    .sort();
  // The window of `withinMonths` ending on day `to`: from the day after `to` − withinMonths.
  const start = (to: string) => addDays(addMonths(to, -rule.withinMonths), 1);
  const inWindow = (to: string) => dates.filter((d) => d >= start(to) && d <= to).length;
  const windowFrom = start(today);
  let triggeredOn: string | null = null;
  for (const d of dates) if (inWindow(d) >= rule.count) triggeredOn = d;
  const pausedUntil =
    applies && triggeredOn && rule.pauseMonths > 0
      ? addMonths(triggeredOn, rule.pauseMonths)
      : null;
  return {
    applies,
    unreasonedRecent: dates.filter((d) => d >= windowFrom).length,
    windowFrom,
    triggeredOn: applies ? triggeredOn : null,
    pausedUntil,
    paused: pausedUntil !== null && today < pausedUntil,
    suggestCourtReview: applies && triggeredOn !== null,
  };
}
