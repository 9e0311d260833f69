import type { Db } from '../db/database';
import {
  generateChildren,
  type ChildCard,
  type GeneratedChildren,
  type PeopleRefs,
} from './children-generator';
import { generateAdopters, type AdopterCard } from './adopters-generator';
import { FOREIGN_COUNTRIES } from './phrases';

// Synthetic children and adopters for demos, tests and benchmarks: reproducible (seeded), every
// personal code valid and unique, every card within the API's rules, texts generic, so nothing
// here describes a real person. The generators hold the proportions (children-generator.ts,
// adopters-generator.ts); this file reads the references they need and writes them in bulk.

export { generateChildren, generateAdopters };
export type { AdopterCard, ChildCard, GeneratedChildren, PeopleRefs };

/** The demo register: as many as the end-to-end tests count on (the statistics page shows 120). */
export const DEMO_COUNTS = { children: 120, adopters: 45 };

/**
 * Orphan courts, care providers and the foreign adopters' countries, by id. With `firstOf`, the
 * courts and providers listed there come first, so the generators' turn-taking gives them
 * children and adopters even in a small set.
 */
export async function peopleRefs(
  db: Db,
  firstOf: { orphanCourtIds?: number[]; careProviderIds?: number[] } = {},
): Promise<PeopleRefs> {
  const ids = async (t: 'orphanCourts' | 'careProviders') =>
    (await db.selectFrom(t).select('id').orderBy('id').execute()).map((r) => r.id);
  const prioritised = (all: number[], first: number[] = []) => [
    ...new Set([...first.filter((id) => all.includes(id)), ...all]),
  ];
  const countries = await db
    .selectFrom('countries')
    .select(['id', 'alpha2'])
    .where('alpha2', 'in', FOREIGN_COUNTRIES)
    .execute();
  const byCode = new Map(countries.map((c) => [c.alpha2, c.id]));
  return {
    orphanCourtIds: prioritised(await ids('orphanCourts'), firstOf.orphanCourtIds),
    careProviderIds: prioritised(await ids('careProviders'), firstOf.careProviderIds),
    countryIds: FOREIGN_COUNTRIES.map((a) => byCode.get(a)).filter((id) => id !== undefined),
  };
}

/** A generated child as a row: the sub-lists as JSON text, the group index as its id. */
export function childRow({ siblingGroup, ...card }: ChildCard, groupIds: readonly number[]) {
  return {
    ...card,
    healthConditions: JSON.stringify(card.healthConditions),
    relatives: JSON.stringify(card.relatives),
    siblingGroupId: siblingGroup === null ? null : groupIds[siblingGroup]!,
  };
}

export function adopterRow(card: AdopterCard) {
  return {
    ...card,
    needWishes: JSON.stringify(card.needWishes),
    refusals: JSON.stringify(card.refusals),
  };
}

/**
 * Multi-row inserts, `batch` rows a statement (about 45 columns a row: 1,000 rows stay under
 * PostgreSQL's 65,535 parameters). Groups first, for the children's sibling_group_id.
 */
export async function insertChildren(db: Db, generated: GeneratedChildren, batch = 1000) {
  const groupIds: number[] = [];
  for (let i = 0; i < generated.siblingGroups.length; i += batch) {
    const rows = await db
      .insertInto('siblingGroups')
      .values(generated.siblingGroups.slice(i, i + batch))
      .returning('id')
      .execute();
    // Identity values follow the VALUES order within one statement.
    groupIds.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  for (let i = 0; i < generated.children.length; i += batch) {
    const rows = generated.children.slice(i, i + batch).map((c) => childRow(c, groupIds));
    await db.insertInto('children').values(rows).execute();
  }
}

export async function insertAdopters(db: Db, adopters: readonly AdopterCard[], batch = 1000) {
  for (let i = 0; i < adopters.length; i += batch) {
    await db
      .insertInto('adopters')
      .values(adopters.slice(i, i + batch).map(adopterRow))
      .execute();
  }
}

/**
 * Demo children and adopters on an empty register. The courts and the provider the demo users
 * (seed.ts: first by name) and the test users (test-app.ts: first by id) belong to come first.
 */
export async function loadDemoPeople(db: Db, counts = DEMO_COUNTS) {
  if (await db.selectFrom('children').select('id').limit(1).executeTakeFirst()) return;
  const first = async (t: 'orphanCourts' | 'careProviders') =>
    [
      ...(await db.selectFrom(t).select('id').orderBy('id').limit(1).execute()),
      ...(await db.selectFrom(t).select('id').orderBy('nameSort').limit(1).execute()),
    ].map((r) => r.id);
  const refs = await peopleRefs(db, {
    orphanCourtIds: await first('orphanCourts'),
    careProviderIds: await first('careProviders'),
  });
  await insertChildren(db, generateChildren(counts.children, 'demo-children', refs));
  await insertAdopters(db, generateAdopters(counts.adopters, 'demo-adopters', refs));
}
