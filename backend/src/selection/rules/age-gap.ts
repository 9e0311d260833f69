import { birthday } from '@adoption/model';
import { fail, pass, shared, type AdopterFacts, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();
/**
 * The adopter's (and the spouse's) earliest allowed birth date for a gap, remembered per adopter:
 * a selection for an adopter asks it for every candidate, a reverse view once per adopter.
 */
const earliest = new WeakMap<AdopterFacts, Map<number, [own: string, spouse: string | null]>>();
function earliestBirth(adopter: AdopterFacts, gap: number) {
  let byGap = earliest.get(adopter);
  if (byGap === undefined) earliest.set(adopter, (byGap = new Map()));
  let days = byGap.get(gap);
  if (days === undefined) {
    days = [
      birthday(adopter.birthDate, gap),
      adopter.spouseBirthDate ? birthday(adopter.spouseBirthDate, gap) : null,
    ];
    byGap.set(gap, days);
  }
  return days;
}

/**
 * The age gap (Civil Law, section 163; people/age-gap.ts `ageGapAllows`) for each adopter of a couple and each
 * child: born on or after the adopter's `ageGapYears` birthday, `ageGapRelaxedYears` for brothers
 * and sisters adopted together.
 */
export const ageGap: Rule = (candidate, adopter, { params }) => {
  const relaxed = candidate.childIds.length > 1;
  const gap = relaxed ? params.ageGapRelaxedYears : params.ageGapYears;
  // ageGapAllows: born on or after the adopter's `gap`th birthday (and the spouse's).
  const [own, spouse] = earliestBirth(adopter, gap);
  let short: { who: string; childId: number }[] | undefined;
  for (const [who, day] of [
    ['adopter', own],
    ['spouse', spouse],
  ] as const) {
    if (day === null) continue;
    for (const c of candidate.children) {
      if (c.birthDate < day) (short ??= []).push({ who, childId: c.id });
    }
  }
  if (!short) return shared(cache, `${gap}|${relaxed}`, () => pass('ageGap', { gap, relaxed }));
  // Shared by who is short for which child (a reverse view asks every adopter for one child).
  const failed = short;
  const key = `${gap}|${relaxed}|${failed.map((x) => `${x.who}:${x.childId}`).join(',')}`;
  return shared(cache, key, () => fail('ageGap', { gap, relaxed, short: failed }));
};
