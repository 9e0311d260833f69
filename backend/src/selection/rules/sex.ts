import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/** Every child is of the sex the adopter wishes (or the adopter wishes either). Soft-able. */
export const sex: Rule = (candidate, adopter) => {
  if (adopter.wishedSex === 'any')
    return shared(cache, 'any', () => pass('sex', { wished: 'any' }));
  const other = candidate.children.filter((c) => c.sex !== adopter.wishedSex).map((c) => c.id);
  // Shared by the wish and the children of the other sex (a reverse view asks every adopter).
  return shared(cache, `${adopter.wishedSex}|${other.join(',')}`, () =>
    other.length
      ? fail('sex', { wished: adopter.wishedSex, otherSex: other })
      : pass('sex', { wished: adopter.wishedSex }),
  );
};
