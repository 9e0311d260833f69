import {
  healthAcceptances as needOrder,
  needOfIcd10,
  type Need,
  type NeedAnswer,
  type NeedWish,
} from '@adoption/model';
import {
  consider,
  fail,
  pass,
  type AdopterFacts,
  type CandidateFacts,
  type ChildFacts,
  type Rule,
  type RuleOutcome,
  shared,
} from './types';

/**
 * A need of one child and where it comes from: a condition's code, the card's disability group, or
 * VDEĀVK's (while an open difference says the card differs from it).
 */
export interface DerivedNeed {
  childId: number;
  need: Need;
  source: 'disability_group' | 'register_disability' | 'icd10';
  icd10?: string;
}

/**
 * The child's needs: a disability group that has not ended is `disability`; each health
 * condition's ICD-10 code is mapped through the model's table (model/src/needs.ts). A condition
 * without a usable code is returned apart, as unclassified. The disability is VDEĀVK's when the
 * reconciliation has an open difference for it (`registerDisability`): the register decides
 * disability, and the difference is returned apart, so the outcome says the card is not settled.
 */
export function childNeeds(child: ChildFacts, runOn: string): ChildNeeds {
  const hit = derivedNeeds.get(child);
  if (hit && hit.on === runOn) return hit.value;
  const value = deriveNeeds(child, runOn);
  derivedNeeds.set(child, { on: runOn, value });
  return value;
}
interface ChildNeeds {
  needs: DerivedNeed[];
  unclassified: { childId: number; condition: string }[];
  /** The child's disability on the card differs from VDEĀVK's, as of `seenOn`. */
  registerDisability: readonly { childId: number; seenOn: string }[];
}
/** Shared by every child and candidate without a VDEĀVK difference (nearly all): no allocation. */
const noDifference: ChildNeeds['registerDisability'] = Object.freeze([]);
/** Remembered per child and date (a selection asks again for every adopter ahead in the queue). */
const derivedNeeds = new WeakMap<ChildFacts, { on: string; value: ChildNeeds }>();

function deriveNeeds(child: ChildFacts, runOn: string): ChildNeeds {
  const needs: DerivedNeed[] = [];
  const unclassified: { childId: number; condition: string }[] = [];
  const register = child.registerDisability ?? null;
  const group = register ? register.group : child.disabilityGroup;
  const until = register ? register.until : child.disabilityUntil;
  if (group && !(until && until < runOn)) {
    const source = register ? 'register_disability' : 'disability_group';
    needs.push({ childId: child.id, need: 'disability', source });
  }
  for (const h of child.healthConditions) {
    const need = needOfIcd10(h.icd10);
    if (need) needs.push({ childId: child.id, need, source: 'icd10', icd10: h.icd10! });
    else unclassified.push({ childId: child.id, condition: h.condition });
  }
  const registerDisability = register
    ? [{ childId: child.id, seenOn: register.seenOn }]
    : noDifference;
  return { needs, unclassified, registerDisability };
}

/**
 * Graded, not yes/no: for each need of the child (or of any child of the group) the adopter's
 * answer — can meet → pass, would consider → consider (with the adopter's note), cannot meet (or
 * not answered) → fail. A condition without an ICD-10 code makes the outcome at best `consider`:
 * a specialist has to read it. So does a disability on the card that differs from VDEĀVK's: the
 * need follows VDEĀVK, but a specialist settles the card (takes VDEĀVK's value or explains the
 * difference) before anything is sent.
 */
const answerMaps = new WeakMap<AdopterFacts, Map<Need, NeedWish>>();
/** The adopter's answers by need, built once per adopter. */
function answersOf(adopter: AdopterFacts) {
  let map = answerMaps.get(adopter);
  if (!map) answerMaps.set(adopter, (map = new Map(adopter.needWishes.map((w) => [w.need, w]))));
  return map;
}

/** A candidate's needs, unclassified conditions and VDEĀVK differences, per candidate and date. */
const candidateNeeds = new WeakMap<
  CandidateFacts,
  {
    on: string;
    needs: Need[];
    unclassified: ChildNeeds['unclassified'];
    registerDisability: ChildNeeds['registerDisability'];
  }
>();
/** The distinct needs of a candidate's children (remembered per candidate and date). */
export const distinctNeeds = (candidate: CandidateFacts, runOn: string): readonly Need[] =>
  needsOfCandidate(candidate, runOn).needs;
function needsOfCandidate(candidate: CandidateFacts, runOn: string) {
  const hit = candidateNeeds.get(candidate);
  if (hit && hit.on === runOn) return hit;
  const derived = candidate.children.map((c) => childNeeds(c, runOn));
  const value = {
    on: runOn,
    // In the model's order of needs (one outcome per set of needs, whatever the cards' order).
    needs: needOrder.filter((need) => derived.some((d) => d.needs.some((n) => n.need === need))),
    unclassified: derived.flatMap((d) => d.unclassified),
    registerDisability: derived.some((d) => d.registerDisability.length)
      ? derived.flatMap((d) => d.registerDisability)
      : noDifference,
  };
  candidateNeeds.set(candidate, value);
  return value;
}

/**
 * The outcomes without unclassified conditions or VDEĀVK differences, by the needs and the
 * adopter's answers to them.
 */
const byAnswers = new Map<string, RuleOutcome>();

export const needs: Rule = (candidate, adopter, ctx) => {
  const {
    needs: distinct,
    unclassified,
    registerDisability,
  } = needsOfCandidate(candidate, ctx.runOn);
  // Unclassified conditions and VDEĀVK differences name the child (and the day): decided apart,
  // never shared with a candidate whose needs and answers merely look the same. Otherwise the
  // outcome is decided by the needs and the adopter's answers (and notes): one shared outcome each.
  if (unclassified.length || registerDisability.length) return decide(candidate, adopter, ctx);
  const answers = answersOf(adopter);
  let key = '';
  for (const need of distinct) {
    const wish = answers.get(need);
    key += `${need}=${wish?.answer ?? ''}${wish?.answer === 'consider' ? `:${wish.note ?? ''}` : ''}|`;
  }
  return shared(byAnswers, key, () => decide(candidate, adopter, ctx));
};

const decide: Rule = (candidate, adopter, { runOn }) => {
  const {
    needs: distinct,
    unclassified: cached,
    registerDisability,
  } = needsOfCandidate(candidate, runOn);
  // Copies: the detail is the outcome's own (the cached lists live on with the candidate).
  const unclassified = cached.slice();
  const answers = answersOf(adopter);
  const byNeed = distinct.map((need) => {
    const wish = answers.get(need);
    const answer: NeedAnswer = wish?.answer ?? 'cannot_meet';
    return { need, answer, note: answer === 'consider' ? (wish?.note ?? null) : null };
  });
  const detail: Record<string, unknown> = { needs: byNeed };
  if (unclassified.length) detail.unclassified = unclassified;
  if (registerDisability.length) detail.registerDisability = registerDisability.slice();
  if (byNeed.some((n) => n.answer === 'cannot_meet')) return fail('needs', detail);
  if (
    byNeed.some((n) => n.answer === 'consider') ||
    unclassified.length ||
    registerDisability.length
  ) {
    return consider('needs', detail);
  }
  return pass('needs', detail);
};
