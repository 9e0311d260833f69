import {
  adopterEligible,
  candidateOutcomes,
  evaluateFor,
  evaluateWith,
  ownOutcomes,
  grade,
  type AdopterFacts,
  type CandidateFacts,
  type Grade,
  type RuleContext,
  type RuleOutcome,
} from './rules';
import { ageOn } from './rules/derived';
import { abroad } from './rules/abroad';
import { distinctNeeds } from './rules/needs';
import { birthday } from '@adoption/model';
import { ListInterner } from './intern';

// The selection itself, pure: the rules' outcomes graded, ordered and checked against the queue.
// The routes (service.ts) give it what the SQL narrowed and store what it answers, so a test and
// production run exactly this code.

// The answer's shape is the shared model's (model/src/selection.ts).
export type {
  AdopterCandidate,
  AdopterDisplay,
  AdopterResult,
  Candidate,
  ChildDisplay,
  ReverseResult,
} from '@adoption/model';
import type {
  AdopterCandidate,
  AdopterDisplay,
  AdopterResult,
  Candidate,
  ChildDisplay,
  ReverseResult,
} from '@adoption/model';

/** The queue: Latvian adopters before foreign ones, then by the date LM entered them, then id. */
export function queueCompare(a: AdopterFacts, b: AdopterFacts): number {
  const origin = (a.origin === 'latvian' ? 0 : 1) - (b.origin === 'latvian' ? 0 : 1);
  return (
    origin || (a.enteredOn < b.enteredOn ? -1 : a.enteredOn > b.enteredOn ? 1 : 0) || a.id - b.id
  );
}

const gradeRank: Record<Grade, number> = { fits: 0, consider: 1, near_miss: 2, excluded: 3 };

/**
 * Candidates in order: grade (fits before consider), then waiting time (oldest record-sheet date
 * first), then the oldest child first (birth date ascending: older children wait harder for a
 * family), then the candidate's key (`child:` before `group:`, then the smallest id).
 */
export function candidateCompare(a: Candidate, b: Candidate): number {
  return compareKeys(sortKey(a), sortKey(b));
}
/** The order's fields: grade, record-sheet date, oldest birth date, kind, first child id. */
interface SortKey {
  c: Candidate;
  grade: number;
  waiting: string;
  oldest: string;
  kind: number;
  id: number;
}
function sortKey(c: Candidate): SortKey {
  let oldest = '9999';
  for (const x of c.display.children) if (x.birthDate < oldest) oldest = x.birthDate;
  return {
    c,
    grade: gradeRank[c.grade],
    waiting: c.waitingSince,
    oldest,
    kind: c.key.startsWith('child:') ? 0 : 1,
    id: c.childIds[0] ?? 0,
  };
}
// Field by field, no key strings built (a wide run sorts tens of thousands of candidates).
function compareKeys(a: SortKey, b: SortKey): number {
  return (
    a.grade - b.grade ||
    cmp(a.waiting, b.waiting) ||
    cmp(a.oldest, b.oldest) ||
    a.kind - b.kind ||
    a.id - b.id
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What the answer shows of a child (as it was on the run date). */
const shownChild = (x: CandidateFacts['children'][number], runOn: string): ChildDisplay => ({
  id: x.id,
  givenNames: x.givenNames,
  surname: x.surname,
  sex: x.sex,
  birthDate: x.birthDate,
  age: ageOn(x, runOn),
  status: x.status,
});

export const childDisplay = (c: CandidateFacts, runOn: string): { children: ChildDisplay[] } => ({
  children: c.children.map((x) => shownChild(x, runOn)),
});

/**
 * Selection for one adopter: every candidate graded by the rules; the proposed (fits, consider)
 * each with the waiting adopters ahead in the queue (`ahead`, already those before this adopter)
 * for whom it fits as well.
 */
export function selectForAdopter(input: {
  adopter: AdopterFacts;
  candidates: CandidateFacts[];
  ahead: AdopterFacts[];
  context: RuleContext;
  parametersVersion: number;
}): AdopterResult {
  const { adopter, context } = input;
  const sample = input.candidates[0];
  // The adopters ahead who may be proposed anything at all (their own rules, checked once).
  const ahead = [...input.ahead]
    .sort(queueCompare)
    .filter((a) => sample !== undefined && adopterEligible(sample, a, context));
  // One shared entry per adopter ahead (the stored run lists them once and refers to them), and
  // the cheap wishes (age window, sex, number of children) to reject a candidate before the rules.
  // The rules that depend on the adopter, as numbers and sets computed once per adopter ahead:
  // the age gap as the earliest birth date it allows (one child, brothers and sisters; the later
  // of the adopter's and the spouse's), the needs the adopter does not refuse (`needs` fails for
  // a need answered `cannot_meet` or not answered).
  const { ageGapYears, ageGapRelaxedYears } = context.params;
  const earliestBirth = (a: AdopterFacts, gap: number) => {
    const own = birthday(a.birthDate, gap);
    const spouse = a.spouseBirthDate ? birthday(a.spouseBirthDate, gap) : '';
    return spouse > own ? spouse : own;
  };
  const aheadChecks = ahead.map((a) => ({
    adopter: a,
    entry: { adopterId: a.id, enteredOn: a.enteredOn },
    from: a.wishedAgeFrom,
    to: a.wishedAgeTo,
    sex: a.wishedSex === 'any' ? null : a.wishedSex,
    most: a.acceptsSiblings ? a.wishedChildrenCount : Math.min(1, a.wishedChildrenCount),
    foreign: a.origin === 'foreign',
    earliest: earliestBirth(a, ageGapYears),
    earliestRelaxed: earliestBirth(a, ageGapRelaxedYears),
    // As the needs rule reads the wishes: the last answer for a need counts.
    needsMet: new Set(
      [...new Map(a.needWishes.map((w) => [w.need, w.answer])).entries()]
        .filter(([, answer]) => answer !== 'cannot_meet')
        .map(([need]) => need),
    ),
  }));
  const proposed: SortKey[] = [];
  const nearMisses: SortKey[] = [];
  const excluded: SortKey[] = [];
  // Candidates share their lists of outcomes and of adopters ahead (frozen; intern.ts).
  const ruleLists = new ListInterner<RuleOutcome>();
  const aheadLists = new ListInterner<Candidate['aheadInQueue'][number]>();
  const { runOn } = context;
  // The adopter's own rules (recognition, refusal pause) do not read the candidate: once.
  const own = sample === undefined ? [] : ownOutcomes(sample, adopter, context);
  for (const c of input.candidates) {
    const outcomes = evaluateWith(c, adopter, context, own);
    const g = grade(outcomes);
    // What is shown of the children, the waiting time and the eldest, in one pass.
    const children = c.children;
    const shown: ChildDisplay[] = new Array(children.length);
    let waiting = '9999-12-31';
    let eldest = '9999-12-31';
    for (let i = 0; i < children.length; i++) {
      const x = children[i]!;
      shown[i] = shownChild(x, runOn);
      if (x.recordSheetReceivedOn < waiting) waiting = x.recordSheetReceivedOn;
      if (x.birthDate < eldest) eldest = x.birthDate;
    }
    let rules: readonly RuleOutcome[];
    let before: readonly Candidate['aheadInQueue'][number][] = noneAhead;
    let list: SortKey[];
    if (g === 'fits' || g === 'consider') {
      list = proposed;
      rules = ruleLists.intern(outcomes);
      const found: Candidate['aheadInQueue'] = [];
      const count = c.childIds.length;
      const needed = distinctNeeds(c, runOn);
      for (const x of aheadChecks) {
        // `proposable` without the rules already known to pass: the adopter's own (eligible) and
        // the candidate's own, availability and consent, which passed for this adopter (the
        // candidate is proposed) and do not depend on the adopter. Group size, age and sex first
        // (cheap), then the age gap and the needs as precomputed, abroad by the rule itself.
        if (count > x.most) continue;
        let out = false;
        for (let i = 0; i < children.length; i++) {
          const years = shown[i]!.age;
          if (years < x.from || years > x.to || (x.sex !== null && children[i]!.sex !== x.sex)) {
            out = true;
            break;
          }
        }
        if (out) continue;
        if (eldest < (count > 1 ? x.earliestRelaxed : x.earliest)) continue;
        if (!needed.every((n) => x.needsMet.has(n))) continue;
        if (x.foreign && abroad(c, x.adopter, context).outcome === 'fail') continue;
        found.push(x.entry);
      }
      if (found.length > 0) before = aheadLists.intern(found);
    } else if (g === 'near_miss') {
      list = nearMisses;
      rules = ruleLists.intern(outcomes);
    } else {
      list = excluded;
      rules = ruleLists.intern(outcomes.filter((o) => o.outcome === 'fail'));
    }
    // The lists are shared and frozen: the answer is read, never changed.
    const candidate: Candidate = {
      key: c.key,
      childIds: c.childIds,
      siblingGroupId: c.siblingGroupId,
      grade: g,
      waitingSince: waiting,
      display: { children: shown },
      rules: rules as RuleOutcome[],
      aheadInQueue: before as Candidate['aheadInQueue'],
    };
    list.push(sortKey(candidate));
  }
  const inOrder = (keys: SortKey[]) => keys.sort(compareKeys).map((k) => k.c);
  return {
    runOn: context.runOn,
    parametersVersion: input.parametersVersion,
    proposed: inOrder(proposed),
    nearMisses: inOrder(nearMisses),
    excluded: inOrder(excluded),
  };
}
const noneAhead = Object.freeze([]) as readonly Candidate['aheadInQueue'][number][];

export const adopterDisplay = (a: AdopterFacts): AdopterDisplay => ({
  name: `${a.givenNames} ${a.surname}`,
  spouseName: a.spouseGivenNames ? `${a.spouseGivenNames} ${a.spouseSurname ?? ''}`.trim() : null,
  origin: a.origin,
  status: a.status,
  country: a.country?.nameLv ?? null,
});

/**
 * The reverse view for one child or one sibling group: the waiting adopters in queue order, those
 * whose wishes it fits (fits, consider) apart from the others, each with the rules that failed.
 */
export function reverseView(input: {
  candidate: CandidateFacts;
  adopters: AdopterFacts[];
  context: RuleContext;
  parametersVersion: number;
}): ReverseResult {
  const { candidate, context } = input;
  const queue = [...input.adopters].sort(queueCompare);
  const fitting: AdopterCandidate[] = [];
  const notFitting: AdopterCandidate[] = [];
  const ruleLists = new ListInterner<RuleOutcome>();
  // The candidate's own rules (availability, consent) do not read the adopter: once.
  const own = queue.length ? candidateOutcomes(candidate, queue[0]!, context) : new Map();
  for (let i = 0; i < queue.length; i++) {
    const a = queue[i]!;
    const outcomes = evaluateFor(candidate, a, context, own);
    const g = grade(outcomes);
    const fits = g === 'fits' || g === 'consider';
    // The lists are shared and frozen (intern.ts): the answer is read, never changed.
    const rules = ruleLists.intern(fits ? outcomes : outcomes.filter((o) => o.outcome === 'fail'));
    (fits ? fitting : notFitting).push({
      key: `adopter:${a.id}`,
      adopterId: a.id,
      enteredOn: a.enteredOn,
      origin: a.origin,
      queuePosition: i + 1,
      grade: g,
      display: adopterDisplay(a),
      rules: rules as RuleOutcome[],
    });
  }
  return {
    runOn: context.runOn,
    parametersVersion: input.parametersVersion,
    childIds: candidate.childIds,
    siblingGroupId: candidate.siblingGroupId,
    display: childDisplay(candidate, context.runOn),
    fitting,
    notFitting,
  };
}
