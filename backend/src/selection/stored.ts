import type { AdopterResult, Candidate, ReverseResult } from './engine';

// The stored form of a run's result (docs/selection.md, "Stored runs"), and what an offer checks
// against a run, kept apart from it.
//
// A run for an adopter lists the waiting adopters ahead in the queue once (`aheadAdopters`); each
// proposed candidate's `aheadInQueue` refers to them by index. `expandResult` gives back exactly
// the result the engine answered, which the API shows; a run stored before this form (without
// `aheadAdopters`) is shown as stored.

type Ahead = Candidate['aheadInQueue'][number];

/** The result as stored (`selection_runs.result`). */
export function storedResult(result: AdopterResult | ReverseResult): Record<string, unknown> {
  if (!('proposed' in result)) return result as unknown as Record<string, unknown>;
  const aheadAdopters: Ahead[] = [];
  const index = new Map<number, number>();
  const proposed = result.proposed.map((c) => ({
    ...c,
    aheadInQueue: c.aheadInQueue.map((a) => {
      let i = index.get(a.adopterId);
      if (i === undefined) {
        i = aheadAdopters.push(a) - 1;
        index.set(a.adopterId, i);
      }
      return i;
    }),
  }));
  return { ...result, proposed, aheadAdopters };
}

/** The result as the engine answered it, from the stored form. */
export function expandResult(stored: Record<string, unknown>): Record<string, unknown> {
  const { aheadAdopters, ...result } = stored;
  if (!Array.isArray(aheadAdopters)) return stored;
  const ahead = aheadAdopters as Ahead[];
  return {
    ...result,
    proposed: (
      result.proposed as (Omit<Candidate, 'aheadInQueue'> & { aheadInQueue: number[] })[]
    ).map((c) => ({ ...c, aheadInQueue: c.aheadInQueue.map((i) => ({ ...ahead[i]! })) })),
  };
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
