import {
  adopterEligible,
  evaluate,
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
  const origin = (x: AdopterFacts) => (x.origin === 'latvian' ? 0 : 1);
  return (
    origin(a) - origin(b) ||
    (a.enteredOn < b.enteredOn ? -1 : a.enteredOn > b.enteredOn ? 1 : 0) ||
    a.id - b.id
  );
}

const gradeRank: Record<Grade, number> = { fits: 0, consider: 1, near_miss: 2, excluded: 3 };

/**
 * Candidates in order: grade (fits before consider), then waiting time (oldest record-sheet date
 * first), then the oldest child first (birth date ascending: older children wait harder for a
 * family), then the candidate's key (`child:` before `group:`, then the smallest id).
 */
export function candidateCompare(a: Candidate, b: Candidate): number {
  return cmp(sortKey(a), sortKey(b));
}
const sortKeys = new WeakMap<Candidate, string>();
/** The order as one string: grade, record-sheet date, oldest birth date, kind, first child id. */
function sortKey(c: Candidate): string {
  let key = sortKeys.get(c);
  if (key === undefined) {
    key = keyOf(c);
    sortKeys.set(c, key);
  }
  return key;
}
function keyOf(c: Candidate): string {
  const oldest = c.display.children.reduce((m, x) => (x.birthDate < m ? x.birthDate : m), '9999');
  const kind = c.key.startsWith('child:') ? 'c' : 'g';
  return `${gradeRank[c.grade]}|${c.waitingSince}|${oldest}|${kind}|${String(c.childIds[0]).padStart(10, '0')}`;
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** `candidates` in `candidateCompare` order, each key computed once. */
function sorted(candidates: Candidate[]): Candidate[] {
  const keyed = candidates.map((c) => ({ c, key: keyOf(c) }));
  keyed.sort((a, b) => cmp(a.key, b.key));
  return keyed.map((k) => k.c);
}

export const childDisplay = (c: CandidateFacts, runOn: string): { children: ChildDisplay[] } => ({
  children: c.children.map((x) => ({
    id: x.id,
    givenNames: x.givenNames,
    surname: x.surname,
    sex: x.sex,
    birthDate: x.birthDate,
    age: ageOn(x, runOn),
    status: x.status,
  })),
});

const waitingSince = (c: CandidateFacts) =>
  c.children.reduce(
    (m, x) => (x.recordSheetReceivedOn < m ? x.recordSheetReceivedOn : m),
    '9999-12-31',
  );

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
  const proposed: Candidate[] = [];
  const nearMisses: Candidate[] = [];
  const excluded: Candidate[] = [];
  // The adopter's own rules (recognition, refusal pause) do not read the candidate: once.
  const own = sample === undefined ? [] : ownOutcomes(sample, adopter, context);
  for (const c of input.candidates) {
    const outcomes = evaluateWith(c, adopter, context, own);
    const g = grade(outcomes);
    // The candidate as answered, built once (no spread of a common part).
    const make = (rules: RuleOutcome[], aheadInQueue: Candidate['aheadInQueue']): Candidate => ({
      key: c.key,
      childIds: c.childIds,
      siblingGroupId: c.siblingGroupId,
      grade: g,
      waitingSince: waitingSince(c),
      display: childDisplay(c, context.runOn),
      rules,
      aheadInQueue,
    });
    if (g === 'fits' || g === 'consider') {
      const before: Candidate['aheadInQueue'] = [];
      const count = c.childIds.length;
      const children = c.children;
      const ages = children.map((child) => ageOn(child, context.runOn));
      // The earliest birth date among the children (the eldest is the one the age gap tests).
      let eldest = '9999-12-31';
      for (const child of children) if (child.birthDate < eldest) eldest = child.birthDate;
      const needed = distinctNeeds(c, context.runOn);
      for (const x of aheadChecks) {
        // `proposable` without the rules already known to pass: the adopter's own (eligible) and
        // the candidate's own, availability and consent, which passed for this adopter (the
        // candidate is proposed) and do not depend on the adopter. Group size, age and sex first
        // (cheap), then the age gap and the needs as precomputed, abroad by the rule itself.
        if (count > x.most) continue;
        let out = false;
        for (let i = 0; i < children.length; i++) {
          const years = ages[i]!;
          if (years < x.from || years > x.to || (x.sex !== null && children[i]!.sex !== x.sex)) {
            out = true;
            break;
          }
        }
        if (out) continue;
        if (eldest < (count > 1 ? x.earliestRelaxed : x.earliest)) continue;
        if (!needed.every((n) => x.needsMet.has(n))) continue;
        if (x.foreign && abroad(c, x.adopter, context).outcome === 'fail') continue;
        before.push(x.entry);
      }
      proposed.push(make(outcomes, before));
    } else if (g === 'near_miss') {
      nearMisses.push(make(outcomes, []));
    } else {
      excluded.push(
        make(
          outcomes.filter((o) => o.outcome === 'fail'),
          [],
        ),
      );
    }
  }
  return {
    runOn: context.runOn,
    parametersVersion: input.parametersVersion,
    proposed: sorted(proposed),
    nearMisses: sorted(nearMisses),
    excluded: sorted(excluded),
  };
}

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
  queue.forEach((a, i) => {
    const outcomes = evaluate(candidate, a, context);
    const g = grade(outcomes);
    const row = {
      key: `adopter:${a.id}`,
      adopterId: a.id,
      enteredOn: a.enteredOn,
      origin: a.origin,
      queuePosition: i + 1,
      grade: g,
      display: adopterDisplay(a),
    };
    if (g === 'fits' || g === 'consider') fitting.push({ ...row, rules: outcomes });
    else notFitting.push({ ...row, rules: outcomes.filter((o) => o.outcome === 'fail') });
  });
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
