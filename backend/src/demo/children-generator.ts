import { birthday, rigaToday, yearsOld } from '@adoption/model';
import type { Selectable } from 'kysely';
import type { ChildrenTable, ChildStatus, HealthCondition, Relative } from '../db/tables/children';
import type { SiblingGroupsTable } from '../db/tables/sibling-groups';
import { createRng, type Rng } from '../latvian/random';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  SURNAME_PAIRS,
  surnameFor,
  type Sex,
} from '../latvian/names';
import { childDerived } from '../children/schema';
import * as P from './phrases';
import {
  addDays,
  addYears,
  dateBetween,
  distinctWeighted,
  documentNumber,
  maxDate,
  minDate,
  uniqueCodes,
  weighted,
} from './generate-util';

/** A generated card: every column but the bookkeeping; `siblingGroup` indexes `siblingGroups`. */
export type ChildCard = Omit<
  Selectable<ChildrenTable>,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'siblingGroupId'
> & { siblingGroup: number | null };
export type SiblingGroupCard = Omit<
  Selectable<SiblingGroupsTable>,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;
export interface GeneratedChildren {
  children: ChildCard[];
  siblingGroups: SiblingGroupCard[];
}

export interface PeopleRefs {
  orphanCourtIds: readonly number[];
  careProviderIds: readonly number[];
  /** Countries foreign adopters come from (parties to the 1993 Hague Convention). */
  countryIds: readonly number[];
}

/** Where a family's children wait: the same decision and placement for brothers and sisters. */
const CARE_FORMS = [
  ['care_institution', 45],
  ['foster_family', 35],
  ['guardianship', 20],
] as const;
/** Where a child who wishes to be adopted is in the process. */
const PROCESS: readonly (readonly [ChildStatus, number])[] = [
  ['available', 78],
  ['offered', 5],
  ['getting_acquainted', 4],
  ['pre_adoption_care', 5],
  ['best_interests_confirmed', 2],
  ['permit_issued', 1],
  ['adopted', 2],
  ['suspended', 3],
];

/**
 * `n` synthetic children at the register's proportions (domain brief, section 8), reproducible
 * from `seed` for a given `asOf` (ages and dates count back from it, so every card stays current
 * and no date lies in the future):
 * - about two thirds are 10–17 years old;
 * - a quarter of the children (all 12 or older) do not wish to be adopted, most of them with a
 *   recorded refusal; with the brothers and sisters they hold back, about 30 %;
 * - about 35 % are cleared for adoption abroad (the register held 160–620 of ~1,200);
 * - brothers and sisters are common: a fifth of the families bring 2–4 children, who share a
 *   surname, mother, care decision and placement, and form a sibling group; some groups have an
 *   orphan court's decision allowing separation;
 * - diagnoses with ICD-10 codes, disability where they usually bring it, relatives, consent from 12.
 */
export function generateChildren(
  n: number,
  seed: string | number,
  refs: PeopleRefs,
  asOf = rigaToday(),
): GeneratedChildren {
  const rng = createRng(seed);
  const families: Family[] = [];
  for (let count = 0; count < n; count += families[families.length - 1]!.members.length) {
    families.push(generateFamily(rng, asOf, n - count));
  }
  // Children without brothers and sisters first, so a small demo set starts with children free
  // to be grouped by hand. Orphan courts and institutions in turn, so each gets some children.
  const ordered = [
    ...families.filter((f) => f.members.length === 1),
    ...families.filter((f) => f.members.length > 1),
  ];
  const code = uniqueCodes(rng);
  const children: ChildCard[] = [];
  const siblingGroups: SiblingGroupCard[] = [];
  let placed = 0;
  ordered.forEach((family, i) => {
    const careOrphanCourtId = refs.orphanCourtIds[i % refs.orphanCourtIds.length]!;
    const careProviderId =
      family.members[0]!.careForm === 'care_institution'
        ? refs.careProviderIds[placed++ % refs.careProviderIds.length]!
        : null;
    let siblingGroup: number | null = null;
    if (family.members.length > 1) {
      siblingGroup = siblingGroups.length;
      const { mayBeSeparated } = family.group;
      siblingGroups.push({
        ...family.group,
        separationOrphanCourtId: mayBeSeparated ? careOrphanCourtId : null,
      });
    }
    for (const m of family.members) {
      const row = { ...m, careOrphanCourtId, careProviderId, personalCode: code(m.birthDate) };
      children.push({ ...row, ...childDerived(row), siblingGroup });
    }
  });
  return { children, siblingGroups };
}

type Member = Omit<
  ChildCard,
  | 'siblingGroup'
  | 'searchText'
  | 'nameSort'
  | 'personalCode'
  | 'careOrphanCourtId'
  | 'careProviderId'
>;
interface Family {
  members: Member[];
  group: SiblingGroupCard;
}

function generateFamily(rng: Rng, asOf: string, room: number): Family {
  const size = Math.min(
    room,
    rng.chance(0.2)
      ? weighted(rng, [
          [2, 60],
          [3, 28],
          [4, 12],
        ])
      : 1,
  );
  const pair = rng.pick(SURNAME_PAIRS);
  // The eldest decides the age mix: two thirds of the register is 10–17 (brief, section 8).
  const eldestAge = rng.chance(0.74) ? 10 + rng.next() * 7.8 : 0.4 + rng.next() * 9.6;
  const births = [addYears(asOf, -eldestAge)];
  while (births.length < size) {
    const previous = births[births.length - 1]!;
    const next = rng.chance(0.04) ? previous : addDays(previous, rng.int(330, 1500));
    if (next > addDays(asOf, -120)) break; // too young to be in care with a decision already
    births.push(next);
  }
  const youngest = births[births.length - 1]!;
  const eldest = births[0]!;

  // Parents and the family's relatives outside the register.
  const motherPair = rng.chance(0.8) ? pair : rng.pick(SURNAME_PAIRS);
  const motherBirth = addYears(eldest, -(17 + rng.next() * 21));
  const mother = relative(rng, 'mother', rng.pick(FEMALE_GIVEN_NAMES), motherPair[1], motherBirth);
  const fatherKnown = motherPair !== pair || rng.chance(0.5);
  const outside: Relative[] = [mother];
  if (fatherKnown) {
    const fatherBirth = addYears(motherBirth, -(rng.next() * 9 - 2));
    outside.push(
      relative(
        rng,
        'father',
        rng.pick(MALE_GIVEN_NAMES),
        pair[0],
        rng.chance(0.8) ? fatherBirth : null,
      ),
    );
  }
  if (rng.chance(0.35)) {
    const grandmother = addYears(motherBirth, -(18 + rng.next() * 12));
    const note = rng.chance(0.5) ? 'Uztur saskarsmi ar mazbērniem.' : null;
    outside.push(
      relative(rng, 'grandmother', rng.pick(FEMALE_GIVEN_NAMES), motherPair[1], grandmother, note),
    );
  }
  if (rng.chance(0.25)) {
    const sex: Sex = rng.chance(0.5) ? 'F' : 'M';
    const other = rng.pick(SURNAME_PAIRS);
    outside.push(
      relative(
        rng,
        sex === 'F' ? 'half_sister' : 'half_brother',
        rng.pick(sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES),
        surnameFor(other, sex),
        maxDate(addYears(eldest, -(1 + rng.next() * 8)), addDays(motherBirth, 6000)),
        'Dzīvo atsevišķi.',
      ),
    );
  }

  // One care decision and placement for the family, after the youngest was born.
  const recent = rng.chance(0.06);
  const careFrom = recent ? maxDate(youngest, addDays(asOf, -60)) : addDays(youngest, 14);
  const careTo = addDays(asOf, recent ? -10 : -30);
  const careDecisionDate = minDate(
    dateBetween(rng, careFrom, minDate(careTo, addYears(youngest, 6))),
    careTo,
  );
  const recordSheetReceivedOn = minDate(addDays(careDecisionDate, rng.int(3, 45)), asOf);
  const careForm = weighted(rng, CARE_FORMS);
  const placement = {
    careForm,
    careDecisionNumber: documentNumber(rng, 'BT', careDecisionDate),
    careDecisionDate,
    recordSheetReceivedOn,
    birthFamilyCharacterisation: rng.pick(P.FAMILY),
    motherPregnancy: rng.pick(P.MOTHER_PREGNANCY),
    relativesContact: rng.pick(P.RELATIVES_CONTACT),
  };

  // Cleared for adoption abroad: mostly older children and groups, after months in the register.
  const abroadFrom = addDays(recordSheetReceivedOn, 120);
  const abroadTo = addDays(asOf, -30);
  const cleared =
    !recent && abroadFrom <= abroadTo && rng.chance(eldestAge >= 7 || size > 1 ? 0.45 : 0.12);
  const courtDate = cleared ? dateBetween(rng, abroadFrom, abroadTo) : null;
  const abroad = {
    clearedAbroad: cleared,
    abroadCourtDecisionNumber: courtDate ? documentNumber(rng, 'BT', courtDate) : null,
    abroadCourtDecisionDate: courtDate,
    abroadCommissionOpinionDate: courtDate
      ? minDate(addDays(courtDate, rng.int(14, 90)), asOf)
      : null,
  };

  const sexes = births.map((): Sex => (rng.chance(0.5) ? 'F' : 'M'));
  const names = new Set<string>();
  const givenNames = sexes.map((sex) => {
    for (;;) {
      const name = rng.pick(sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
      if (names.has(name)) continue;
      names.add(name);
      return name;
    }
  });
  const wishes = births.map((b) => {
    const age = yearsOld(b, asOf);
    return recent || age < 12 ? true : !rng.chance(0.55);
  });
  const anyRefuses = wishes.includes(false);
  const mayBeSeparated = births.length > 1 && rng.chance(anyRefuses ? 0.35 : 0.12);
  // Brothers and sisters move through the process together, unless a sibling blocks them.
  const process: ChildStatus = recent
    ? 'record_received'
    : anyRefuses && !mayBeSeparated
      ? 'available'
      : weighted(
          rng,
          PROCESS.filter(([s]) => cleared || s !== 'permit_issued'),
        );

  const members: Member[] = births.map((birthDate, i) => {
    const sex = sexes[i]!;
    const age = yearsOld(birthDate, asOf);
    const siblings = births
      .map((b, j) => ({ b, j }))
      .filter(({ j }) => j !== i)
      .map(({ b, j }) =>
        relative(
          rng,
          sexes[j] === 'F' ? 'sister' : 'brother',
          givenNames[j]!,
          surnameFor(pair, sexes[j]!),
          b,
          'Ir reģistrā kopā ar bērnu.',
        ),
      );
    const wish = wishes[i]!;
    const consent = consentFor(rng, birthDate, recordSheetReceivedOn, asOf, wish, recent);
    const health = healthFor(rng, birthDate, asOf);
    return {
      givenNames: givenNames[i]!,
      surname: surnameFor(pair, sex),
      sex: sex === 'F' ? 'female' : 'male',
      birthDate,
      nationalityKind: weighted(rng, [
        ['citizen', 95],
        ['non_citizen', 2],
        ['foreigner', 2],
        ['stateless', 1],
      ]),
      religion: rng.chance(0.2) ? rng.pick(P.RELIGIONS) : null,
      ...placement,
      ...health,
      status: wish ? process : 'not_consenting',
      personality: rng.chance(0.9) ? rng.pick(P.PERSONALITY) : null,
      development: rng.pick(age < 7 ? P.DEVELOPMENT_YOUNG : P.DEVELOPMENT_SCHOOL),
      relatives: [...outside, ...siblings],
      childOpinion:
        age < 10
          ? null
          : wish
            ? rng.chance(0.7)
              ? rng.pick(P.OPINION_WISHES)
              : null
            : rng.pick(P.OPINION_REFUSES),
      ...consent,
      doesNotWishAdoption: !wish,
      ...abroad,
      legallyFree: recent ? rng.chance(0.3) : rng.chance(0.88),
      legalStatusNote: null,
    };
  });
  for (const m of members) if (!m.legallyFree) m.legalStatusNote = rng.pick(P.LEGAL_NOTES);

  const separationDate = mayBeSeparated ? dateBetween(rng, recordSheetReceivedOn, asOf) : null;
  const group: SiblingGroupCard = {
    note: rng.chance(0.5) ? rng.pick(P.GROUP_NOTES) : null,
    mayBeSeparated,
    separationOrphanCourtId: null, // the family's orphan court, set with the placement
    separationDecisionNumber: separationDate ? documentNumber(rng, 'BT', separationDate) : null,
    separationDecisionDate: separationDate,
  };
  return { members, group };
}

function relative(
  rng: Rng,
  kind: Relative['kind'],
  givenNames: string,
  surname: string,
  birthDate: string | null,
  note: string | null = rng.pick(P.RELATIVE_NOTES),
): Relative {
  const unknown = note === P.WHEREABOUTS_UNKNOWN;
  return {
    kind,
    givenNames,
    surname,
    birthDate,
    residence: unknown || rng.chance(0.15) ? null : rng.pick(P.TOWNS),
    note,
  };
}

/** From the 12th birthday the child is asked: consent given or refused, on a date after both. */
function consentFor(
  rng: Rng,
  birthDate: string,
  recordSheetReceivedOn: string,
  asOf: string,
  wish: boolean,
  recent: boolean,
) {
  const none = { consent: null, consentDate: null } as const;
  if (yearsOld(birthDate, asOf) < 12) return none;
  if (wish ? recent || rng.chance(0.2) : rng.chance(0.15)) return none; // not asked yet
  const from = maxDate(birthday(birthDate, 12), recordSheetReceivedOn);
  return {
    consent: wish ? ('given' as const) : ('refused' as const),
    consentDate: dateBetween(rng, from, asOf),
  };
}

/** Diagnoses since a date in the child's life; disability (VDEĀVK, `child` under 18) where usual. */
function healthFor(rng: Rng, birthDate: string, asOf: string) {
  const count = weighted(rng, [
    [0, 45],
    [1, 35],
    [2, 15],
    [3, 5],
  ]);
  const age = yearsOld(birthDate, asOf);
  const possible = P.DIAGNOSES.filter((d) => d.minAge <= age);
  const diagnoses = distinctWeighted(rng, possible, count, (d) => d.weight);
  const healthConditions: HealthCondition[] = diagnoses.map((d) => ({
    condition: d.condition,
    icd10: d.icd10,
    // Congenital conditions are known from birth, the others from the age they show.
    since: d.icd10.startsWith('Q')
      ? birthDate
      : dateBetween(rng, minDate(addDays(birthday(birthDate, d.minAge), 60), asOf), asOf),
    treatment: d.treatment,
  }));
  const disabling = healthConditions.filter((_, i) => diagnoses[i]!.disabling);
  const disabled = disabling.length > 0 && rng.chance(0.7);
  const from = disabled ? dateBetween(rng, disabling[0]!.since!, asOf) : null;
  return {
    healthConditions,
    health: healthConditions.length
      ? `Diagnozes: ${healthConditions.map((h) => h.condition).join('; ')}.`
      : 'Vesels; profilaktiskās apskates regulāri.',
    furtherTreatment:
      healthConditions
        .map((h) => h.treatment)
        .filter(Boolean)
        .join(' ') || null,
    disabilityGroup: disabled ? ('child' as const) : null,
    disabilityFrom: from,
    disabilityUntil: from && rng.chance(0.7) ? addYears(from, rng.int(1, 5)) : null,
    disabilitySource: from ? `VDEĀVK atzinums Nr. ${documentNumber(rng, 'B', from)}` : null,
  };
}
