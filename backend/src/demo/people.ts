import type { Db } from '../db/database';
import type { ChildStatus } from '../db/tables/children';
import type { AdopterStatus } from '../db/tables/adopters';
import { createRng, dayToIsoDate, isoDateToDay, type Rng } from '../latvian/random';
import { randomPerson } from '../latvian/names';
import { generatePersonalCode } from '../latvian/personal-code';
import { childDerived } from '../children/schema';
import { adopterDerived } from '../adopters/schema';

// Synthetic children and adopters for demos, tests and benchmarks. Reproducible (seeded), every
// personal code has a valid check digit, and the texts are generic phrases, so nothing here
// describes a real person. Proportions after the brief (section 8): most children are 10–17,
// most are placed with an institution, most adopters are Latvian.

const HEALTH = [
  'Vesels, attīstība atbilst vecumam.',
  'Astma, lieto inhalatorus; regulāri pie pulmonologa.',
  'Runas attīstības aizture, apmeklē logopēdu.',
  'Redzes traucējumi, nēsā brilles.',
  'Alerģija pret riekstiem.',
  'Atopiskais dermatīts, ārstējas ambulatori.',
];
const TREATMENT = ['Logopēda nodarbības reizi nedēļā.', 'Kontrole pie okulista reizi gadā.', null];
const FAMILY = [
  'Vecākiem atņemtas aizgādības tiesības; saskarsme ar vecmāmiņu.',
  'Māte atteikusies no bērna; tēvs nav zināms.',
  'Vecāki miruši; brāļi un māsas ievietoti citās ģimenēs.',
  'Vecāki ilgstoši nerūpējas par bērnu; saskarsmes nav.',
];
const RELIGION = ['luterānis', 'katolis', 'pareizticīgais'];
const STREETS = ['Brīvības iela', 'Skolas iela', 'Ozolu iela', 'Dārza iela', 'Rīgas iela'];
const TOWNS = ['Rīga, LV-1010', 'Jelgava, LV-3001', 'Cēsis, LV-4101', 'Liepāja, LV-3401'];

const weighted = <T>(rng: Rng, items: readonly (readonly [T, number])[]): T => {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
};
const addDays = (iso: string, days: number) => dayToIsoDate(isoDateToDay(iso) + days);
const minDate = (a: string, b: string) => (a < b ? a : b);

const CHILD_STATUSES: readonly (readonly [ChildStatus, number])[] = [
  ['available', 50],
  ['record_received', 8],
  ['not_consenting', 25],
  ['offered', 4],
  ['getting_acquainted', 3],
  ['pre_adoption_care', 5],
  ['suspended', 3],
  ['adopted', 2],
];
const ADOPTER_STATUSES: readonly (readonly [AdopterStatus, number])[] = [
  ['waiting', 70],
  ['registered', 10],
  ['information_received', 8],
  ['getting_acquainted', 5],
  ['pre_adoption_care', 5],
  ['suspended', 2],
];

export interface PeopleRefs {
  orphanCourtIds: number[];
  careProviderIds: number[];
  countryIds: number[];
}

/** `count` children; every orphan court and (with enough children) every provider gets some. */
export function syntheticChildren(count: number, refs: PeopleRefs, seed = 'demo-children') {
  const rng = createRng(seed);
  let placed = 0;
  return Array.from({ length: count }, (_, i) => {
    const sex = rng.chance(0.5) ? 'F' : 'M';
    const person = randomPerson(rng, sex);
    // About two thirds are 10–17 (brief, section 8).
    const birthDate = rng.chance(0.66)
      ? rng.date('2008-12-01', '2015-12-31')
      : rng.date('2016-01-01', '2024-12-31');
    const careDecisionDate = minDate(addDays(birthDate, rng.int(30, 2500)), '2025-10-31');
    const recordSheetReceivedOn = addDays(careDecisionDate, rng.int(3, 40));
    const careForm =
      i % 5 < 3 ? 'care_institution' : i % 5 === 3 ? 'foster_family' : 'guardianship';
    const careProviderId =
      careForm === 'care_institution'
        ? refs.careProviderIds[placed++ % refs.careProviderIds.length]!
        : null;
    const row = {
      givenNames: person.givenName,
      surname: person.surname,
      sex: sex === 'F' ? ('female' as const) : ('male' as const),
      personalCode: rng.chance(0.95) ? generatePersonalCode(rng, birthDate) : null,
      birthDate,
      nationalityKind: rng.chance(0.92) ? ('citizen' as const) : ('non_citizen' as const),
      religion: rng.chance(0.3) ? rng.pick(RELIGION) : null,
      recordSheetReceivedOn,
      careForm: careForm as 'care_institution' | 'foster_family' | 'guardianship',
      careOrphanCourtId: refs.orphanCourtIds[i % refs.orphanCourtIds.length]!,
      careDecisionNumber: `BT-${careDecisionDate.slice(0, 4)}/${rng.int(1, 999)}`,
      careDecisionDate,
      careProviderId,
      health: rng.pick(HEALTH),
      furtherTreatment: rng.pick(TREATMENT),
      birthFamilyCharacterisation: rng.pick(FAMILY),
      status: weighted(rng, CHILD_STATUSES),
    };
    return { ...row, ...childDerived(row) };
  });
}

/** `count` adopters, single or spouses, spread over the orphan courts. */
export function syntheticAdopters(count: number, refs: PeopleRefs, seed = 'demo-adopters') {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const applicant = randomPerson(rng);
    const birthDate = rng.date('1968-01-01', '1996-12-31');
    const married = rng.chance(0.6);
    const spouse = married ? randomPerson(rng, applicant.sex === 'F' ? 'M' : 'F') : null;
    const spouseBirthDate = spouse ? rng.date('1968-01-01', '1996-12-31') : null;
    const decisionDate = rng.date('2023-01-01', '2025-09-30');
    const foreign = rng.chance(0.2);
    const row = {
      origin: foreign ? ('foreign' as const) : ('latvian' as const),
      givenNames: applicant.givenName,
      surname: applicant.surname,
      personalCode: foreign ? null : generatePersonalCode(rng, birthDate),
      birthDate,
      spouseGivenNames: spouse?.givenName ?? null,
      spouseSurname: spouse?.surname ?? null,
      spousePersonalCode: spouse && !foreign ? generatePersonalCode(rng, spouseBirthDate!) : null,
      spouseBirthDate,
      declaredAddress: `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${rng.pick(TOWNS)}`,
      phone: `+371 2${rng.int(1000000, 9999999)}`,
      email: `adoptetajs${i + 1}@demo.invalid`,
      preferredLanguage: foreign ? ('en' as const) : ('lv' as const),
      orphanCourtId: refs.orphanCourtIds[i % refs.orphanCourtIds.length]!,
      decisionNumber: `BT-${decisionDate.slice(0, 4)}/A${rng.int(1, 999)}`,
      decisionDate,
      decisionValidUntil: addDays(decisionDate, 365),
      enteredOn: addDays(decisionDate, rng.int(5, 60)),
      status: weighted(rng, ADOPTER_STATUSES),
      countryId: foreign ? refs.countryIds[i % refs.countryIds.length]! : null,
      foreignAuthority: foreign ? 'Accredited adoption agency' : null,
      homeStudyReportDate: foreign ? addDays(decisionDate, -rng.int(30, 200)) : null,
    };
    return { ...row, ...adopterDerived(row) };
  });
}

/** Demo children and adopters on an empty register. */
export async function loadDemoPeople(db: Db, counts = { children: 120, adopters: 45 }) {
  if (await db.selectFrom('children').select('id').limit(1).executeTakeFirst()) return;
  const byId = (t: 'orphanCourts' | 'careProviders' | 'countries') =>
    db.selectFrom(t).select('id').orderBy('id').execute();
  const refs: PeopleRefs = {
    orphanCourtIds: (await byId('orphanCourts')).map((r) => r.id),
    careProviderIds: (await byId('careProviders')).map((r) => r.id),
    countryIds: (await byId('countries')).map((r) => r.id),
  };
  await db.insertInto('children').values(syntheticChildren(counts.children, refs)).execute();
  await db.insertInto('adopters').values(syntheticAdopters(counts.adopters, refs)).execute();
}
