import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();

/**
 * A foreign adopter gets only children cleared for adoption abroad (the orphan court's decision
 * and the Foreign Adoption Commission's opinion, both dated), and only from a country party to
 * the 1993 Hague Convention with a bilateral adoption agreement with Latvia.
 */
export const abroad: Rule = (candidate, adopter) => {
  if (adopter.origin !== 'foreign')
    return shared(cache, '-', () => pass('abroad', { applies: false }));
  const country = adopter.country;
  const countryEligible = Boolean(country?.hagueAdoption1993 && country.bilateralAdoptionAgreement);
  const notCleared = candidate.children
    .filter((c) => !c.clearedAbroad || !c.abroadCourtDecisionDate || !c.abroadCommissionOpinionDate)
    .map((c) => c.id);
  const detail = {
    applies: true,
    countryId: country?.id ?? null,
    hague1993: country?.hagueAdoption1993 ?? false,
    bilateralAgreement: country?.bilateralAdoptionAgreement ?? false,
    notCleared,
  };
  if (countryEligible && notCleared.length === 0) {
    return shared(
      cache,
      `${detail.countryId}|${detail.hague1993}|${detail.bilateralAgreement}`,
      () => pass('abroad', detail),
    );
  }
  return fail('abroad', detail);
};
