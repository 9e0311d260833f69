import { formatLvDate } from '@adoption/model';

// What the selection screen shows of a stored run: pure, so the console's unit tests check it.

// The stored answer's shape is the shared model's (model/src/selection.ts), as the API stores it.
export type {
  AdopterCandidate,
  Candidate,
  ChildDisplay,
  Grade,
  Outcome,
  RuleOutcome,
} from '@adoption/model';
import type { Candidate, Grade, Outcome, RuleOutcome } from '@adoption/model';

export interface SelectionRun {
  id: number;
  direction: 'for_adopter' | 'for_child' | 'for_group';
  adopterId: number | null;
  childId: number | null;
  siblingGroupId: number | null;
  runOn: string;
  parametersVersion: number;
  inputs: Record<string, unknown>;
  result: Record<string, unknown>;
  proposedCount: number;
  createdBy: number;
  createdByName: string | null;
  createdAt: string;
}

/** Green pass, amber consider, red fail. */
export const chipColour = (o: Outcome): 'success' | 'warning' | 'error' =>
  o === 'pass' ? 'success' : o === 'consider' ? 'warning' : 'error';

export const gradeColour = (g: Grade): 'success' | 'warning' | 'info' | 'error' =>
  g === 'fits' ? 'success' : g === 'consider' ? 'warning' : g === 'near_miss' ? 'info' : 'error';

const d = (key: string, params: Record<string, unknown> = {}) => ({
  key: `app.selection.details.${key}`,
  params,
});

/**
 * Why a rule did not simply pass, as a translation key and its values (undefined when it passed
 * without anything to say).
 */
export function detailText(
  r: RuleOutcome,
): { key: string; params: Record<string, unknown> } | undefined {
  const x = r.detail;
  if (r.outcome === 'pass' && r.rule !== 'consent') return undefined;
  switch (r.rule) {
    case 'recognition':
      return d('expired', { date: formatLvDate(String(x.validUntil)) });
    case 'refusalPause':
      return d('paused', { counted: x.counted, date: formatLvDate(String(x.pausedUntil)) });
    case 'availability':
      return d(String(x.reason));
    case 'consent':
      if (r.outcome === 'fail') return d('consent_refused');
      return Array.isArray(x.notRecorded) && x.notRecorded.length
        ? d('consent_missing')
        : undefined;
    case 'abroad':
      return Array.isArray(x.notCleared) && x.notCleared.length ? d('not_cleared') : d('country');
    case 'groupSize':
      return x.reason === 'siblings_not_accepted'
        ? d('siblings_not_accepted')
        : d('too_many', { count: x.count, wished: x.wished });
    case 'sex':
      return d('other_sex');
    case 'age':
      return d('age', { ages: (x.ages as number[]).join(', '), from: x.from, to: x.to });
    case 'ageGap':
      return d('age_gap', { gap: x.gap });
    case 'needs':
      return undefined; // the needs are listed one by one (needsOf)
    default:
      return undefined;
  }
}

/**
 * The needs rule's word that VDEĀVK's disability data differs from a child's card (the nightly
 * reconciliation's open difference, which a specialist settles before proposing), with the day the
 * reconciliation last saw it (each distinct day, for a group).
 */
export function registerDisabilityText(
  r: RuleOutcome,
): { key: string; params: Record<string, unknown> } | undefined {
  const list = r.rule === 'needs' ? r.detail.registerDisability : undefined;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const days = [...new Set((list as { seenOn: string }[]).map((x) => x.seenOn))].sort();
  return d('register_disability', { date: days.map(formatLvDate).join(', ') });
}

/** The needs rule's needs with the adopter's answers (and note), for the chips' tooltips. */
export const needsOf = (r: RuleOutcome) =>
  r.rule === 'needs'
    ? ((r.detail.needs ?? []) as { need: string; answer: string; note: string | null }[])
    : [];

/** ↑/↓ through a list of `length` rows, staying inside it. */
export function moveIndex(current: number, key: string, length: number): number {
  if (length === 0) return 0;
  if (key === 'ArrowDown') return Math.min(length - 1, current + 1);
  if (key === 'ArrowUp') return Math.max(0, current - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return length - 1;
  return current;
}

/** The offer a proposal creates (`POST /api/offers`, design-14): exactly the candidate's children. */
export const offerBody = (run: SelectionRun, c: Candidate, acknowledgedAhead: boolean) => ({
  adopterId: run.adopterId!,
  ...(c.key.startsWith('group:') ? { siblingGroupId: c.siblingGroupId! } : {}),
  childIds: c.childIds,
  selectionRunId: run.id,
  ...(c.aheadInQueue.length ? { acknowledgedAhead } : {}),
});

// The selection parameters page (ParametersPage.tsx).

export interface ParameterValues {
  consentAge: number;
  ageGapYears: number;
  ageGapRelaxedYears: number;
  nearMissAgeYears: number;
  answerDays: number;
  preAdoptionCareMonths: number;
  courtClaimDays: number;
  permitIssueMonths: number;
  permitValidityMonths: number;
  reportEveryMonthsFirstYears: number;
  reportFirstYears: number;
  reminderDaysBefore: number;
  refusalRule: {
    count: number;
    withinMonths: number;
    pauseMonths: number;
    appliesTo: 'foreign' | 'all';
  };
}

export const simpleKeys = [
  'consentAge',
  'ageGapYears',
  'ageGapRelaxedYears',
  'nearMissAgeYears',
  'answerDays',
  'preAdoptionCareMonths',
  'courtClaimDays',
  'permitIssueMonths',
  'permitValidityMonths',
  'reportEveryMonthsFirstYears',
  'reportFirstYears',
  'reminderDaysBefore',
] as const;

/** The parameters as rows of name, value, meaning (the refusal rule's parts one by one). */
export function parameterRows(v: ParameterValues, applies: (to: string) => string) {
  return [
    ...simpleKeys.map((k) => ({ key: k, value: String(v[k]) })),
    { key: 'refusalCount', value: String(v.refusalRule.count) },
    { key: 'refusalWithinMonths', value: String(v.refusalRule.withinMonths) },
    { key: 'refusalPauseMonths', value: String(v.refusalRule.pauseMonths) },
    { key: 'refusalAppliesTo', value: applies(v.refusalRule.appliesTo) },
  ];
}
