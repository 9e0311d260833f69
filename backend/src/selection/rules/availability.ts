import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * The child, or every child of a sibling group, is `available` and held by no live offer; a
 * member of a group alone only when an orphan court decided the group may be separated.
 */
export const availability: Rule = (candidate) => {
  // A member of a group proposed without the others (`child:` key).
  const alone = candidate.siblingGroupId !== null && candidate.key.startsWith('child:');
  if (alone && candidate.separable !== true) {
    return fail('availability', {
      reason: 'group_not_separable',
      siblingGroupId: candidate.siblingGroupId,
    });
  }
  // The common case without allocating: every child available and free.
  let free = true;
  for (const c of candidate.children) if (c.status !== 'available' || c.liveOffer) free = false;
  if (free) return shared(cache, '-', () => pass('availability'));
  const notAvailable = candidate.children
    .filter((c) => c.status !== 'available')
    .map((c) => ({ childId: c.id, status: c.status }));
  const offered = candidate.children.filter((c) => c.liveOffer).map((c) => c.id);
  if (notAvailable.length || offered.length) {
    return fail('availability', {
      reason: notAvailable.length ? 'not_available' : 'live_offer',
      notAvailable,
      liveOffer: offered,
    });
  }
  return shared(cache, '-', () => pass('availability'));
};
