/*
 * The selection's answer as the API stores it and the console shows it (backend/src/selection/,
 * admin/src/selection/; docs/selection.md): one shape for both, so a stored run re-shown reads the
 * same everywhere. The rules themselves stay in the backend.
 */

/** The rules, in the order they are evaluated and shown. */
export const ruleNames = [
  'recognition',
  'refusalPause',
  'availability',
  'consent',
  'abroad',
  'groupSize',
  'sex',
  'age',
  'ageGap',
  'needs',
] as const;
export type RuleName = (typeof ruleNames)[number];

/** Rules a near miss may fail (one of them, by a little): a small change in wishes would fit. */
export const softRules: readonly RuleName[] = ['age', 'sex', 'groupSize'];

export type Outcome = 'pass' | 'consider' | 'fail';
export type Grade = 'fits' | 'consider' | 'near_miss' | 'excluded';

/** One rule's verdict on one candidate for one adopter, with what a specialist needs to check it. */
export interface RuleOutcome {
  rule: RuleName;
  outcome: Outcome;
  detail: Record<string, unknown>;
}

/** What the console shows of a child when a stored run is re-shown (as it was at the time). */
export interface ChildDisplay {
  id: number;
  givenNames: string;
  surname: string;
  sex: string;
  birthDate: string;
  age: number;
  status: string;
}

/** A child or a sibling group as a candidate for an adopter. */
export interface Candidate {
  key: string;
  childIds: number[];
  siblingGroupId: number | null;
  grade: Grade;
  /** Every rule's outcome; for an excluded candidate only the rules that failed. */
  rules: RuleOutcome[];
  /** The longest a child of the candidate has waited: the oldest record-sheet date. */
  waitingSince: string;
  /** Waiting adopters ahead in the queue for whom this candidate fits too (proposed only). */
  aheadInQueue: { adopterId: number; enteredOn: string }[];
  display: { children: ChildDisplay[] };
}

/** A selection for an adopter. */
export interface AdopterResult {
  runOn: string;
  parametersVersion: number;
  proposed: Candidate[];
  nearMisses: Candidate[];
  excluded: Candidate[];
}

export interface AdopterDisplay {
  name: string;
  spouseName: string | null;
  origin: string;
  status: string;
  country: string | null;
}

/** An adopter in the reverse view of a child or a sibling group. */
export interface AdopterCandidate {
  key: string;
  adopterId: number;
  enteredOn: string;
  origin: string;
  /** 1-based place in the queue of the waiting adopters. */
  queuePosition: number;
  grade: Grade;
  /** Every rule's outcome when fitting; the failing ones otherwise. */
  rules: RuleOutcome[];
  display: AdopterDisplay;
}

/** The reverse view: for a child or a sibling group, the adopters in queue order. */
export interface ReverseResult {
  runOn: string;
  parametersVersion: number;
  childIds: number[];
  siblingGroupId: number | null;
  display: { children: ChildDisplay[] };
  fitting: AdopterCandidate[];
  notFitting: AdopterCandidate[];
}
