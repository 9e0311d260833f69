import { fail, pass, type Rule } from './types';

/** Every child is of the sex the adopter wishes (or the adopter wishes either). Soft-able. */
export const sex: Rule = (candidate, adopter) => {
  if (adopter.wishedSex === 'any') return pass('sex', { wished: 'any' });
  const other = candidate.children.filter((c) => c.sex !== adopter.wishedSex).map((c) => c.id);
  return other.length
    ? fail('sex', { wished: adopter.wishedSex, otherSex: other })
    : pass('sex', { wished: adopter.wishedSex });
};
