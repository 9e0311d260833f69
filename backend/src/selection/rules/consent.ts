import { ageOn } from './derived';
import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * A child of `consentAge` (12) or older on the selection date must not have refused adoption
 * (Civil Law, section 169), and no child may have "does not wish to be adopted" set.
 */
export const consent: Rule = (candidate, _adopter, { runOn, params }) => {
  // The common case without allocating: nothing to report.
  let clear = true;
  for (const c of candidate.children) {
    if (c.doesNotWishAdoption || (c.consent !== 'given' && ageOn(c, runOn) >= params.consentAge))
      clear = false;
  }
  if (clear) {
    return shared(cache, String(params.consentAge), () =>
      pass('consent', { consentAge: params.consentAge }),
    );
  }
  const refused: number[] = [];
  const doesNotWish: number[] = [];
  const notRecorded: number[] = [];
  for (const c of candidate.children) {
    if (c.doesNotWishAdoption) doesNotWish.push(c.id);
    if (ageOn(c, runOn) >= params.consentAge) {
      if (c.consent === 'refused') refused.push(c.id);
      else if (c.consent === null) notRecorded.push(c.id);
    }
  }
  if (refused.length || doesNotWish.length) {
    return fail('consent', { consentAge: params.consentAge, refused, doesNotWish });
  }
  // Consent not yet asked is not a refusal: it is asked before the information is sent.
  if (notRecorded.length) return pass('consent', { consentAge: params.consentAge, notRecorded });
  return shared(cache, String(params.consentAge), () =>
    pass('consent', { consentAge: params.consentAge }),
  );
};
