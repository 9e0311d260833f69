import { birthday } from '@adoption/model';
import { fail, pass, shared, type Rule, type RuleOutcome } from './types';

const cache = new Map<string, RuleOutcome>();
/** `birthday(date, years)` remembered (the same adopter for every candidate of a run); bounded. */
const birthdays = new Map<string, string>();
function birthdayOf(date: string, years: number): string {
  const key = `${date}|${years}`;
  let day = birthdays.get(key);
  if (day === undefined) {
    if (birthdays.size >= 5000) birthdays.clear();
    birthdays.set(key, (day = birthday(date, years)));
  }
  return day;
}

/**
 * The age gap (Civil Law, section 163; people/age-gap.ts `ageGapAllows`) for each adopter of a couple and each
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
  const short: { who: string; childId: number }[] = [];
  for (const a of adopters) {
    // ageGapAllows: born on or after the adopter's `gap`th birthday, computed once per adopter.
    const earliest = birthdayOf(a.birthDate, gap);
    for (const c of candidate.children) {
      if (c.birthDate < earliest) short.push({ who: a.who, childId: c.id });
    }
  }
  return short.length
    ? fail('ageGap', { gap, relaxed, short })
    : shared(cache, `${gap}|${relaxed}`, () => pass('ageGap', { gap, relaxed }));
};
