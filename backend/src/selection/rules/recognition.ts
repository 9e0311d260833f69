import { fail, pass, type Rule } from './types';

/** The orphan court's recognising decision is still valid on the selection date. */
export const recognition: Rule = (_candidate, adopter, { runOn }) => {
  const validUntil = adopter.decisionValidUntil;
  return validUntil !== null && validUntil < runOn
    ? fail('recognition', { validUntil, reason: 'expired' })
    : pass('recognition', { validUntil });
};
