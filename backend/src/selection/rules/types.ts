import type {
  ChildStatus,
  HealthCondition,
  NeedWish,
  adopterOrigins,
  consents,
  disabilityGroups,
  sexes,
  wishedSexes,
} from '@adoption/model';
import type { SelectionParameters } from '../parameters';

// The selection rules' inputs and outcome: plain data, so each rule is a pure function a test
// calls with hand-made facts and production calls with the rows the SQL narrowed.

// The outcome's shape is the shared model's (model/src/selection.ts): the console reads the same.
export {
  ruleNames,
  softRules,
  type Outcome,
  type RuleName,
  type RuleOutcome,
} from '@adoption/model';
import type { RuleName, RuleOutcome } from '@adoption/model';

/** What the rules read of a child's card. */
export interface ChildFacts {
  id: number;
  givenNames: string;
  surname: string;
  sex: (typeof sexes)[number];
  birthDate: string;
  status: ChildStatus;
  recordSheetReceivedOn: string;
  siblingGroupId: number | null;
  healthConditions: HealthCondition[];
  disabilityGroup: (typeof disabilityGroups)[number] | null;
  disabilityUntil: string | null;
  consent: (typeof consents)[number] | null;
  doesNotWishAdoption: boolean;
  clearedAbroad: boolean;
  abroadCourtDecisionDate: string | null;
  abroadCommissionOpinionDate: string | null;
  /** The child is held by a live offer (offer_children.live). */
  liveOffer: boolean;
  /**
   * VDEĀVK's view of the child's disability while the nightly reconciliation has an open
   * difference between it and the card (register_differences, register `disability`): VDEĀVK's
   * value for each differing field, the card's for the others. Absent or null: nothing open, the
   * card agrees with VDEĀVK (or was never compared). The needs rule reads this instead of the card.
   */
  registerDisability?: RegisterDisability | null;
}

export interface RegisterDisability {
  /** VDEĀVK's group as the reconciliation wrote it (`child`, `I`–`III`); null: no disability. */
  group: string | null;
  /** The day the disability ends (`YYYY-MM-DD`); null: indefinite. */
  until: string | null;
  /** The Riga day the reconciliation last saw the difference (the latest of the open rows). */
  seenOn: string;
}

/**
 * What may be proposed: one child, or a sibling group as a whole. `separable` is the group's
 * orphan-court decision (null for a child without brothers and sisters).
 */
export interface CandidateFacts {
  key: string;
  childIds: number[];
  siblingGroupId: number | null;
  /** A group proposed as a whole, or a member proposed alone: the group's separation decision. */
  separable: boolean | null;
  children: ChildFacts[];
}

/** What the rules read of an adopter's record (one person or spouses). */
export interface AdopterFacts {
  id: number;
  origin: (typeof adopterOrigins)[number];
  givenNames: string;
  surname: string;
  spouseGivenNames: string | null;
  spouseSurname: string | null;
  birthDate: string;
  spouseBirthDate: string | null;
  status: string;
  enteredOn: string;
  decisionValidUntil: string | null;
  wishedChildrenCount: number;
  wishedSex: (typeof wishedSexes)[number];
  wishedAgeFrom: number;
  wishedAgeTo: number;
  needWishes: NeedWish[];
  acceptsSiblings: boolean;
  /** The adopter's country (foreign adopters): its eligibility flags. */
  country: {
    id: number;
    nameLv: string;
    hagueAdoption1993: boolean;
    bilateralAdoptionAgreement: boolean;
  } | null;
  /** Dates of the refusals the refusal rule counts (recorded refusals, offers declined without reason). */
  unreasonedRefusals: string[];
}

export interface RuleContext {
  /** The selection date: ages and validity are taken on it. */
  runOn: string;
  params: SelectionParameters;
}

export type Rule = (
  candidate: CandidateFacts,
  adopter: AdopterFacts,
  context: RuleContext,
) => RuleOutcome;

export const pass = (rule: RuleName, detail: Record<string, unknown> = {}): RuleOutcome => ({
  rule,
  outcome: 'pass',
  detail,
});
export const fail = (rule: RuleName, detail: Record<string, unknown>): RuleOutcome => ({
  rule,
  outcome: 'fail',
  detail,
});
export const consider = (rule: RuleName, detail: Record<string, unknown>): RuleOutcome => ({
  rule,
  outcome: 'consider',
  detail,
});

/**
 * One outcome shared by every candidate whose outcome has the same `key` (the rule's inputs that
 * decide its detail): most outcomes repeat from candidate to candidate, and a shared one costs no
 * allocation per candidate and is stored once without being serialised again (selection/stored.ts
 * interns by object first). Frozen, so no reader can change what another candidate shows. The
 * cache is bounded (the keys are ages, counts and wishes, but it lives as long as the process).
 */
export function shared(
  cache: Map<string, RuleOutcome>,
  key: string,
  make: () => RuleOutcome,
): RuleOutcome {
  let o = cache.get(key);
  if (o === undefined) {
    if (cache.size >= 5000) cache.clear();
    o = deepFreeze(make());
    cache.set(key, o);
  }
  return o;
}
function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}
