import { rigaToday, yearsOld } from '@adoption/model';
import type { Selectable } from 'kysely';
import type {
  AdoptersTable,
  AdopterStatus,
  healthAcceptances,
  NeedWish,
  Refusal,
} from '../db/tables/adopters';
import { createRng, type Rng } from '../latvian/random';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  SURNAME_PAIRS,
  surnameFor,
  type Sex,
} from '../latvian/names';
import { adopterDerived } from '../adopters/schema';
import * as P from './phrases';
import type { PeopleRefs } from './children-generator';
import {
  addDays,
  addYears,
  dateBetween,
  documentNumber,
  minDate,
  uniqueCodes,
  weighted,
} from './generate-util';

export type HealthAcceptance = (typeof healthAcceptances)[number];
/** A generated adopter record: every column but the bookkeeping. */
export type AdopterCard = Omit<
  Selectable<AdoptersTable>,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

const STATUSES: readonly (readonly [AdopterStatus, number])[] = [
  ['waiting', 74],
  ['registered', 5],
  ['information_received', 6],
  ['getting_acquainted', 4],
  ['pre_adoption_care', 5],
  ['suspended', 2],
  ['status_expired', 2],
  ['adopted', 2],
];
/** Who accepts what: most accept minor conditions, few a disability (foreign adopters more). */
const ACCEPTANCE: readonly (readonly [HealthAcceptance, number])[] = [
  ['minor_conditions', 0.85],
  ['chronic_illness', 0.35],
  ['developmental_delay', 0.3],
  ['disability', 0.08],
  ['infectious_disease', 0.1],
];

/**
 * `n` synthetic adopters at the register's proportions (brief, section 8: 130–171 Latvian and
 * 22–59 foreign adopters waiting, so about a fifth foreign), reproducible from `seed` for a given
 * `asOf`. Every record keeps the law's rules: at least 25 at the recognising decision, and both
 * spouses at least 18 years (16 when siblings are accepted) older than the oldest child wished.
 * Latvian adopters mostly wish for children under 10; foreign ones accept older children and
 * brothers and sisters more often. `refs.countryIds` are matched with `P.FOREIGN_ADDRESSES`.
 */
export function generateAdopters(
  n: number,
  seed: string | number,
  refs: PeopleRefs,
  asOf = rigaToday(),
): AdopterCard[] {
  const rng = createRng(seed);
  const code = uniqueCodes(rng);
  return Array.from({ length: n }, (_, i) => adopter(rng, code, refs, asOf, i));
}

function adopter(
  rng: Rng,
  code: (birthDate: string) => string | null,
  refs: PeopleRefs,
  asOf: string,
  i: number,
): AdopterCard {
  const foreign = rng.chance(0.2) && refs.countryIds.length > 0;
  const status = weighted(rng, STATUSES);
  // Expired recognitions are older than their year of validity; the others run or have no term.
  const decisionDate =
    status === 'status_expired'
      ? dateBetween(rng, addDays(asOf, -1100), addDays(asOf, -400))
      : dateBetween(rng, addDays(asOf, -1400), addDays(asOf, -20));
  const recent = decisionDate > addDays(asOf, -330);
  const termed = rng.chance(0.5); // drawn always, so the sequence does not depend on asOf
  const decisionValidUntil =
    status === 'status_expired' || (recent && termed) ? addDays(decisionDate, 365) : null;
  const enteredOn = minDate(
    dateBetween(rng, addDays(decisionDate, 3), addDays(decisionDate, 60)),
    asOf,
  );

  const sex: Sex = rng.chance(0.6) ? 'F' : 'M';
  const pair = rng.pick(SURNAME_PAIRS);
  const age = foreign ? 33 + rng.next() * 20 : 27 + rng.next() * 22;
  const birthDate = addYears(decisionDate, -age);
  const married = rng.chance(0.65);
  const spouseSex: Sex = sex === 'F' ? 'M' : 'F';
  const spouseBirthDate = married
    ? addYears(decisionDate, -Math.max(25.2, age + rng.next() * 10 - 4))
    : null;
  const given = (s: Sex) =>
    foreign
      ? rng.pick(P.FOREIGN_GIVEN)
      : rng.pick(s === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const surname = foreign ? rng.pick(P.FOREIGN_SURNAMES) : surnameFor(pair, sex);
  // Most spouses share the surname (in the form that agrees with their sex).
  const spouseSurname = !married
    ? null
    : foreign
      ? rng.chance(0.8)
        ? surname
        : rng.pick(P.FOREIGN_SURNAMES)
      : surnameFor(rng.chance(0.8) ? pair : rng.pick(SURNAME_PAIRS), spouseSex);

  // Wishes: the age gap rule caps the oldest child wished for.
  const wishedChildrenCount = weighted(rng, [
    [1, 65],
    [2, 28],
    [3, 7],
  ]);
  const acceptsSiblings = wishedChildrenCount > 1 && rng.chance(0.9);
  const youngestParent = Math.min(
    yearsOld(birthDate, decisionDate),
    spouseBirthDate ? yearsOld(spouseBirthDate, decisionDate) : 99,
  );
  const cap = Math.min(17, youngestParent - (acceptsSiblings ? 16 : 18));
  const wishedTo = Math.min(
    cap,
    foreign || acceptsSiblings ? rng.int(6, 15) : rng.chance(0.8) ? rng.int(3, 9) : rng.int(10, 14),
  );
  const wishedAgeFrom = Math.min(wishedTo, rng.chance(0.6) ? 0 : rng.int(1, 4));
  const generous = foreign || acceptsSiblings ? 1.6 : 1;
  // Graded: "can meet" at the need's rate, "would consider" (with a note) at half of it.
  const needWishes: NeedWish[] = ACCEPTANCE.map(([need, p]) => {
    const rate = Math.min(1, p * generous);
    if (rng.chance(rate)) return { need, answer: 'can_meet', note: null };
    if (rng.chance(rate / 2)) return { need, answer: 'consider', note: rng.pick(P.CONSIDER_NOTES) };
    return { need, answer: 'cannot_meet', note: null };
  });

  const trained = foreign ? rng.chance(0.3) : rng.chance(0.9);
  const trainingDate = trained ? addDays(decisionDate, -rng.int(20, 300)) : null;
  const countryIndex = rng.int(0, Math.max(0, refs.countryIds.length - 1));
  const refusals: Refusal[] = [];
  if (['waiting', 'information_received', 'suspended'].includes(status) && rng.chance(0.25)) {
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      refusals.push({
        refusedOn: dateBetween(rng, enteredOn, asOf),
        childId: null,
        reason: rng.pick(P.REFUSAL_REASONS),
      });
    }
    refusals.sort((a, b) => a.refusedOn.localeCompare(b.refusedOn));
  }

  const row = {
    origin: foreign ? ('foreign' as const) : ('latvian' as const),
    givenNames: given(sex),
    surname,
    personalCode: foreign ? null : code(birthDate),
    birthDate,
    spouseGivenNames: married ? given(spouseSex) : null,
    spouseSurname,
    spousePersonalCode: married && !foreign ? code(spouseBirthDate!) : null,
    spouseBirthDate,
    declaredAddress: foreign
      ? P.FOREIGN_ADDRESSES[countryIndex]!
      : `${rng.pick(P.STREETS)} ${rng.int(1, 120)}, ${rng.pick(P.TOWNS)}, LV-${rng.int(1001, 5799)}`,
    phone: foreign ? null : `+371 2${rng.int(1000000, 9999999)}`,
    email: `adoptetajs${i + 1}@demo.invalid`,
    preferredLanguage: foreign ? ('en' as const) : ('lv' as const),
    orphanCourtId: refs.orphanCourtIds[i % refs.orphanCourtIds.length]!,
    decisionNumber: documentNumber(rng, 'BT', decisionDate),
    decisionDate,
    decisionValidUntil,
    enteredOn,
    status,
    religion: rng.chance(0.35) ? rng.pick(P.RELIGIONS) : null,
    ethnicity: foreign ? null : weighted(rng, P.ETHNICITIES)[sex === 'F' ? 1 : 0],
    motivation: rng.pick(P.MOTIVATIONS),
    wishedChildrenCount,
    wishedSex: weighted(rng, [
      ['any', 55],
      ['female', 30],
      ['male', 15],
    ]),
    wishedAgeFrom,
    wishedAgeTo: wishedTo,
    needWishes,
    acceptsSiblings,
    wishedReligion: rng.chance(0.1) ? rng.pick(P.RELIGIONS) : null,
    wishedLanguage: foreign ? null : rng.chance(0.5) ? rng.pick(P.LANGUAGES) : null,
    wishesNote: rng.pick(P.WISHES_NOTES),
    countryId: foreign ? refs.countryIds[countryIndex]! : null,
    foreignAuthority: foreign ? rng.pick(P.FOREIGN_AUTHORITIES) : null,
    homeStudyReportDate: foreign ? addDays(decisionDate, -rng.int(30, 200)) : null,
    trainingCertificateNumber: trainingDate ? documentNumber(rng, 'APM', trainingDate) : null,
    trainingCertificateDate: trainingDate,
    refusals,
  } satisfies Omit<AdopterCard, 'searchText' | 'nameSort'>;
  return { ...row, ...adopterDerived(row) };
}
