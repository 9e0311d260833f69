import type { AdopterResult, Candidate, ReverseResult } from './engine';
import type { RuleOutcome } from './rules';

// The stored form of a run's result (docs/selection.md, "Stored runs"), and what an offer checks
// against a run, kept apart from it.
//
// Most rule outcomes repeat from candidate to candidate (the same adopter's wishes, the same
// ages): the stored result lists each distinct outcome once (`outcomes`) and every candidate's
// `rules` refer to them by index, in the same order. A run for an adopter lists the waiting
// adopters ahead in the queue once (`aheadAdopters`) and each proposed candidate's `aheadInQueue`
// refers to them by index. `expandResult` gives back exactly the result the engine answered, which
// the API shows; a run stored before this form (without `outcomes`) is shown as stored.

type Ahead = Candidate['aheadInQueue'][number];
const lists = ['proposed', 'nearMisses', 'excluded', 'fitting', 'notFitting'] as const;

/** The result as stored (`selection_runs.result`). */
export function storedResult(result: AdopterResult | ReverseResult): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...result };
  const outcomes: RuleOutcome[] = [];
  const byText = new Map<string, number>();
  // The same object (an outcome the engine shares, e.g. the adopter's own rules) needs no text.
  const byObject = new Map<RuleOutcome, number>();
  const outcome = (o: RuleOutcome) => {
    let i = byObject.get(o);
    if (i !== undefined) return i;
    const text = JSON.stringify(o);
    i = byText.get(text);
    if (i === undefined) {
      i = outcomes.push(o) - 1;
      byText.set(text, i);
    }
    byObject.set(o, i);
    return i;
  };
  const aheadAdopters: Ahead[] = [];
  const index = new Map<number, number>();
  const ahead = (a: Ahead) => {
    let i = index.get(a.adopterId);
    if (i === undefined) {
      i = aheadAdopters.push(a) - 1;
      index.set(a.adopterId, i);
    }
    return i;
  };
  // One pass, one new object per candidate (the same keys in the same order as the result's).
  for (const list of lists) {
    const items = (result as unknown as Record<string, Candidate[] | undefined>)[list];
    if (!items) continue;
    const out: Record<string, unknown>[] = new Array(items.length);
    for (let k = 0; k < items.length; k++) {
      const c = items[k]!;
      const rules: number[] = new Array(c.rules.length);
      for (let r = 0; r < rules.length; r++) rules[r] = outcome(c.rules[r]!);
      const item: Record<string, unknown> = { ...c, rules };
      if (list === 'proposed') item.aheadInQueue = c.aheadInQueue.map(ahead);
      out[k] = item;
    }
    stored[list] = out;
  }
  stored.outcomes = outcomes;
  if ('proposed' in result) stored.aheadAdopters = aheadAdopters;
  return stored;
}

/** The result as the engine answered it, from the stored form. */
export function expandResult(stored: Record<string, unknown>): Record<string, unknown> {
  const { outcomes, aheadAdopters, ...result } = stored;
  if (!Array.isArray(outcomes)) return stored;
  const rules = outcomes as RuleOutcome[];
  for (const list of lists) {
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
  const candidates = result.proposed.map((c): [number[], number[]] => [
    c.childIds,
    c.aheadInQueue.map((a) => at(a.adopterId)),
  ]);
  return { ahead, candidates };
}
