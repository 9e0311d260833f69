import type { AdopterCandidate, AdopterResult, Candidate, ReverseResult } from './engine';
import type { RuleOutcome } from './rules';

// The stored form of a run's result (docs/selection.md, "Stored runs"), and what an offer checks
// against a run, kept apart from it.
//
// A wide run answers tens of thousands of candidates, and most of what they carry repeats: the
// same rule outcomes (the same adopter's wishes, the same ages), the same adopters ahead in the
// queue. The stored result (`format: 2`) lists each distinct rule outcome once (`outcomes`), each
// distinct list of outcomes once (`ruleLists`, indexes into `outcomes`), each adopter ahead once
// and each distinct list of them once (`aheadAdopters`, `aheadLists`), each child shown once
// (`children`, as tuples); a candidate is then one short tuple. Arrays, not objects: the text is a
// quarter of the objects' and `JSON.stringify` and the driver's copy cost in proportion.
// `expandResult` gives back exactly the result the engine answered, which the API shows; runs
// stored in the earlier forms (outcomes by index in full candidate objects, since 0025; the plain
// result before) are shown as stored.

type Ahead = Candidate['aheadInQueue'][number];
type Display = Candidate['display']['children'][number];
const adopterLists = ['proposed', 'nearMisses', 'excluded'] as const;
const reverseLists = ['fitting', 'notFitting'] as const;
const olderLists = [...adopterLists, ...reverseLists];

/** Each distinct value once, by a key: its index. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<unknown, number>();
  at(key: unknown, value: () => T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.push(value()) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

/** The result as stored (`selection_runs.result`). */
export function storedResult(result: AdopterResult | ReverseResult): Record<string, unknown> {
  // The engine shares one frozen outcome among candidates where it can: found by the object; any
  // other outcome by its text.
  const outcomes = new Interned<RuleOutcome>();
  const byObject = new Map<RuleOutcome, number>();
  const outcome = (o: RuleOutcome) => {
    let i = byObject.get(o);
    if (i === undefined) {
      i = outcomes.at(JSON.stringify(o), () => o);
      byObject.set(o, i);
    }
    return i;
  };
  // The engine shares the lists too (intern.ts): each list found by the array, then by content.
  const ruleLists = new Interned<number[]>();
  const byList = new Map<readonly RuleOutcome[], number>();
  const rules = (list: readonly RuleOutcome[]) => {
    let i = byList.get(list);
    if (i === undefined) {
      const ids = list.map(outcome);
      i = ruleLists.at(ids.join(), () => ids);
      byList.set(list, i);
    }
    return i;
  };
  if (!('proposed' in result)) {
    const { fitting, notFitting, ...rest } = result;
    // [key, adopterId, enteredOn, origin, queuePosition, grade, rule list,
    //  [name, spouseName, origin, status, country]] (each adopter once in a reverse view)
    const tuple = (a: AdopterCandidate) => [
      a.key,
      a.adopterId,
      a.enteredOn,
      a.origin,
      a.queuePosition,
      a.grade,
      rules(a.rules),
      [a.display.name, a.display.spouseName, a.display.origin, a.display.status, a.display.country],
    ];
    return {
      format: 2,
      ...rest,
      fitting: fitting.map(tuple),
      notFitting: notFitting.map(tuple),
      outcomes: outcomes.values,
      ruleLists: ruleLists.values,
    };
  }
  const aheadAdopters = new Interned<Ahead>();
  const aheadLists = new Interned<number[]>();
  const byAhead = new Map<readonly Ahead[], number>();
  const children: unknown[][] = [];
  const shown = new Set<number>();
  const child = (d: Display) => {
    if (!shown.has(d.id)) {
      shown.add(d.id);
      children.push([d.id, d.givenNames, d.surname, d.sex, d.birthDate, d.age, d.status]);
    }
  };
  // [key, siblingGroupId, grade, waitingSince, childIds, rule list, ahead list]
  const tuple = (c: Candidate) => {
    for (const d of c.display.children) child(d);
    let ahead = -1;
    if (c.aheadInQueue.length > 0) {
      ahead = byAhead.get(c.aheadInQueue) ?? -1;
      if (ahead < 0) {
        const ids = c.aheadInQueue.map((a) => aheadAdopters.at(a.adopterId, () => a));
        ahead = aheadLists.at(ids.join(), () => ids);
        byAhead.set(c.aheadInQueue, ahead);
      }
    }
    return [c.key, c.siblingGroupId, c.grade, c.waitingSince, c.childIds, rules(c.rules), ahead];
  };
  return {
    format: 2,
    runOn: result.runOn,
    parametersVersion: result.parametersVersion,
    proposed: result.proposed.map(tuple),
    nearMisses: result.nearMisses.map(tuple),
    excluded: result.excluded.map(tuple),
    outcomes: outcomes.values,
    ruleLists: ruleLists.values,
    aheadAdopters: aheadAdopters.values,
    aheadLists: aheadLists.values,
    children,
  };
}

/** The result as the engine answered it, from the stored form. */
export function expandResult(stored: Record<string, unknown>): Record<string, unknown> {
  if (stored.format === 2) return expandCompact(stored);
  return expandOlder(stored);
}

function expandCompact(stored: Record<string, unknown>): Record<string, unknown> {
  const {
    format: _format,
    outcomes,
    ruleLists,
    aheadAdopters,
    aheadLists,
    children,
    ...rest
  } = stored as Record<string, unknown[]>;
  const rules = (i: number) => (ruleLists![i] as number[]).map((o) => outcomes![o] as RuleOutcome);
  const result: Record<string, unknown> = { ...rest };
  if (aheadAdopters) {
    const shown = new Map<number, Display>();
    for (const t of children as unknown[][]) {
      const [id, givenNames, surname, sex, birthDate, age, status] = t as [
        number,
        string,
        string,
        string,
        string,
        number,
        string,
      ];
      shown.set(id, { id, givenNames, surname, sex, birthDate, age, status });
    }
    for (const list of adopterLists) {
      result[list] = (rest[list] as unknown[][]).map((t): Candidate => {
        const [key, siblingGroupId, grade, waitingSince, childIds, ruleList, ahead] = t as [
          string,
          number | null,
          Candidate['grade'],
          string,
          number[],
          number,
          number,
        ];
        return {
          key,
          childIds,
          siblingGroupId,
          grade,
          waitingSince,
          display: { children: childIds.map((id) => ({ ...shown.get(id)! })) },
          rules: rules(ruleList),
          aheadInQueue:
            ahead < 0
              ? []
              : (aheadLists![ahead] as number[]).map((i) => ({ ...(aheadAdopters[i] as Ahead) })),
        };
      });
    }
  } else {
    for (const list of reverseLists) {
      result[list] = (rest[list] as unknown[][]).map((t): AdopterCandidate => {
        const [key, adopterId, enteredOn, origin, queuePosition, grade, ruleList, shown] = t as [
          string,
          number,
          string,
          string,
          number,
          AdopterCandidate['grade'],
          number,
          [string, string | null, string, string, string | null],
        ];
        return {
          key,
          adopterId,
          enteredOn,
          origin,
          queuePosition,
          grade,
          display: {
            name: shown[0],
            spouseName: shown[1],
            origin: shown[2],
            status: shown[3],
            country: shown[4],
          },
          rules: rules(ruleList),
        };
      });
    }
  }
  return result;
}

/** Runs stored before the tuples: candidates as objects, outcomes (and adopters ahead) by index. */
function expandOlder(stored: Record<string, unknown>): Record<string, unknown> {
  const { outcomes, aheadAdopters, ...result } = stored;
  if (!Array.isArray(outcomes)) return stored;
  const rules = outcomes as RuleOutcome[];
  for (const list of olderLists) {
    const items = result[list] as { rules: number[] }[] | undefined;
    if (items) {
      result[list] = items.map((c) => ({
        ...c,
        rules: c.rules.map((i) => rules[i]!),
      }));
    }
  }
  if (Array.isArray(aheadAdopters)) {
    const ahead = aheadAdopters as Ahead[];
    result.proposed = (result.proposed as { aheadInQueue: number[] }[]).map((c) => ({
      ...c,
      aheadInQueue: c.aheadInQueue.map((i) => ahead[i]!),
    }));
  }
  return result;
}

/**
 * What an offer checks against a run (`selection_runs.proposed`): for a run for an adopter the
 * proposed candidates' children and the adopters ahead who fit them too (indexes into `ahead`);
 * for a reverse view the children and the fitting adopters in queue order.
 */
export type ProposedIndex =
  | { ahead: number[]; candidates: [childIds: number[], ahead: number[]][] }
  | { childIds: number[]; fitting: number[] };

export function proposedIndex(result: AdopterResult | ReverseResult): ProposedIndex {
  if (!('proposed' in result)) {
    return { childIds: result.childIds, fitting: result.fitting.map((a) => a.adopterId) };
  }
  const ahead: number[] = [];
  const index = new Map<number, number>();
  const at = (id: number) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = ahead.push(id) - 1));
    return i;
  };
  // The engine shares the lists of adopters ahead (intern.ts): each mapped once.
  const lists = new Map<readonly Ahead[], number[]>();
  const candidates = result.proposed.map((c): [number[], number[]] => {
    let ids = lists.get(c.aheadInQueue);
    if (ids === undefined)
      lists.set(c.aheadInQueue, (ids = c.aheadInQueue.map((a) => at(a.adopterId))));
    return [c.childIds, ids];
  });
  return { ahead, candidates };
}

/** What an offer checks, from a run stored before `selection_runs.proposed` (migration 0025). */
export const storedProposedIndex = (stored: Record<string, unknown>): ProposedIndex =>
  proposedIndex(expandResult(stored) as unknown as AdopterResult | ReverseResult);
