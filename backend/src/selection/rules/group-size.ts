import { fail, pass, type Rule } from './types';

/**
 * The number of children is at most the number the adopter wishes; brothers and sisters together
 * only for an adopter who accepts siblings. Soft-able: a near miss shows what a larger wish would do.
 */
export const groupSize: Rule = (candidate, adopter) => {
  const count = candidate.childIds.length;
  const detail = {
    count,
    wished: adopter.wishedChildrenCount,
    acceptsSiblings: adopter.acceptsSiblings,
  };
  if (count > 1 && !adopter.acceptsSiblings)
    return fail('groupSize', { ...detail, reason: 'siblings_not_accepted' });
  if (count > adopter.wishedChildrenCount)
    return fail('groupSize', { ...detail, reason: 'too_many' });
  return pass('groupSize', detail);
};
