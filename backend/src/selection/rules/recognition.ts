import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/** The orphan court's recognising decision is still valid on the selection date. */
export const recognition: Rule = (_candidate, adopter, { runOn }) => {
  const validUntil = adopter.decisionValidUntil;
  const expired = validUntil !== null && validUntil < runOn;
  // One outcome per date (a reverse view asks every waiting adopter).
  return shared(cache, `${expired}|${validUntil}`, () =>
    expired
      ? fail('recognition', { validUntil, reason: 'expired' })
      : pass('recognition', { validUntil }),
  );
};
