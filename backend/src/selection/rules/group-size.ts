import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * The number of children is at most the number the adopter wishes; brothers and sisters together
 * only for an adopter who accepts siblings. Soft-able: a near miss shows what a larger wish would do.
 */
export const groupSize: Rule = (candidate, adopter) => {
  const count = candidate.childIds.length;
  const key = `${count}|${adopter.wishedChildrenCount}|${adopter.acceptsSiblings}`;
  return shared(cache, key, () =>
    decide(count, adopter.wishedChildrenCount, adopter.acceptsSiblings),
  );
};

function decide(count: number, wished: number, acceptsSiblings: boolean) {
  const detail = {
    count,
    wished,
    acceptsSiblings,
  };
  if (count > 1 && !acceptsSiblings)
    return fail('groupSize', { ...detail, reason: 'siblings_not_accepted' });
  if (count > wished) return fail('groupSize', { ...detail, reason: 'too_many' });
  return pass('groupSize', detail);
}
