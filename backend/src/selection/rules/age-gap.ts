import { ageGapAllows } from '../../people/age-gap';
import { fail, pass, type Rule } from './types';

/**
 * The age gap (Civil Law, section 163; people/age-gap.ts) for each adopter of a couple and each
 * child: born on or after the adopter's `ageGapYears` birthday, `ageGapRelaxedYears` for brothers
 * and sisters adopted together.
 */
export const ageGap: Rule = (candidate, adopter, { params }) => {
  const relaxed = candidate.childIds.length > 1;
  const gap = relaxed ? params.ageGapRelaxedYears : params.ageGapYears;
  const adopters = [
    { who: 'adopter', birthDate: adopter.birthDate },
    ...(adopter.spouseBirthDate ? [{ who: 'spouse', birthDate: adopter.spouseBirthDate }] : []),
  ];
  const short = adopters.flatMap((a) =>
    candidate.children
      .filter((c) => !ageGapAllows(a.birthDate, c.birthDate, gap))
      .map((c) => ({ who: a.who, childId: c.id })),
  );
  return short.length ? fail('ageGap', { gap, relaxed, short }) : pass('ageGap', { gap, relaxed });
};
