/**
 * demo/: data for an empty database — the real reference classifiers every environment needs
 * (municipalities, countries; this file) and, with DEMO_DATA, synthetic orphan courts, care
 * providers, demo users and generated children and adopters (people.ts), never real people.
 * The Latvian names come from latvian/, the schema from migrations/.
 */
import type { Config } from '../config/config';
import type { Db } from '../db/database';
import { nameColumns } from '../classifiers/common';
import { territories } from './data/territories';
import { countries } from './data/countries';
import { orphanCourts } from './data/orphan-courts';
import { careProviders } from './data/care-providers';
import { countUsers, findUserByUsername, insertUser } from '../users/repository';
import { generatePassword, hashPassword } from '../auth/password';
import type { Role } from '../policies/roles';
import { loadDemoPeople } from './people';
import { loadDemoOffers } from './offers-generator';

const isEmpty = async (
  db: Db,
  table: 'territories' | 'countries' | 'orphanCourts' | 'careProviders',
) => !(await db.selectFrom(table).select('id').limit(1).executeTakeFirst());

/** Real reference classifiers every environment needs: municipalities (ATVK) and countries (ISO 3166-1). */
export async function loadReferenceData(db: Db): Promise<void> {
  if (await isEmpty(db, 'territories')) {
    await db
      .insertInto('territories')
      .values(
        territories.map((t) => ({
          atvkCode: t.atvkCode,
          name: t.name,
          kind: t.kind,
          ...nameColumns(t.name, t.atvkCode),
        })),
      )
      .execute();
  }
  if (await isEmpty(db, 'countries')) {
    await db
      .insertInto('countries')
      .values(
        countries.map((c) => ({
          alpha2: c.alpha2,
          alpha3: c.alpha3,
          numeric: c.numeric,
          nameLv: c.nameLv,
          nameEn: c.nameEn,
          hagueAdoption1993: c.hagueAdoption1993,
          // Demo only: LM keeps the real list of bilateral agreements in this classifier.
          bilateralAdoptionAgreement: DEMO_BILATERAL_AGREEMENTS.includes(c.alpha2),
          ...nameColumns(c.nameLv, c.nameEn, c.alpha2, c.alpha3),
        })),
      )
      .execute();
  }
}

/** Countries the demo marks as having a bilateral adoption agreement (Spain left out on purpose). */
const DEMO_BILATERAL_AGREEMENTS = ['FR', 'IT', 'US'];

async function territoryIds(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('territories').select(['id', 'atvkCode']).execute();
  return new Map(rows.map((r) => [r.atvkCode, r.id]));
}

/**
 * Synthetic demo content for a fresh development or demo database: orphan courts and care
 * providers with invented contacts, children and adopters, and one user per role. Nothing here
 * is a real person.
 */
export async function loadDemoData(db: Db, demoPassword: string | undefined): Promise<string[]> {
  const ids = await territoryIds(db);
  const territoryOf = (atvk: string) => {
    const id = ids.get(atvk);
    if (!id) throw new Error(`Demo data names unknown ATVK code ${atvk}`);
    return id;
  };
  if (await isEmpty(db, 'orphanCourts')) {
    await db
      .insertInto('orphanCourts')
      .values(
        orphanCourts.map((c) => ({
          name: c.name,
          territoryId: territoryOf(c.atvkCode),
          address: c.address,
          phone: c.phone,
          email: c.email,
          ...nameColumns(c.name, c.address),
        })),
      )
      .execute();
  }
  if (await isEmpty(db, 'careProviders')) {
    await db
      .insertInto('careProviders')
      .values(
        careProviders.map((p) => ({
          name: p.name,
          kind: p.kind,
          registrationNumber: p.registrationNumber,
          legalAddress: p.legalAddress,
          territoryId: territoryOf(p.atvkCode),
          phone: p.phone,
          email: p.email,
          ...nameColumns(p.name, p.legalAddress, p.registrationNumber),
        })),
      )
      .execute();
  }

  await loadDemoPeople(db);

  const created =
    !demoPassword || (await countUsers(db)) > 1 ? [] : await loadDemoUsers(db, demoPassword);
  // The offer history names a user as its author: the demo specialist, else the administrator;
  // a database without users (the API tests' seed) gets none.
  await loadDemoOffers(db);
  return created;
}

async function loadDemoUsers(db: Db, demoPassword: string): Promise<string[]> {
  const created: string[] = [];
  const firstCourt = await db
    .selectFrom('orphanCourts')
    .select('id')
    .orderBy('nameSort')
    .executeTakeFirstOrThrow();
  const firstProvider = await db
    .selectFrom('careProviders')
    .select('id')
    .orderBy('nameSort')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(demoPassword);
  const demoUsers: {
    username: string;
    displayName: string;
    role: Role;
    careProviderId?: number;
    orphanCourtId?: number;
  }[] = [
    { username: 'specialiste', displayName: 'Ilze Bērziņa', role: 'adoption_specialist' },
    { username: 'vaditaja', displayName: 'Māra Kalniņa', role: 'head_of_department' },
    {
      username: 'iestade',
      displayName: 'Gunta Ozola',
      role: 'care_institution',
      careProviderId: firstProvider.id,
    },
    {
      username: 'barintiesa',
      displayName: 'Jānis Liepiņš',
      role: 'orphan_court',
      orphanCourtId: firstCourt.id,
    },
    { username: 'analitikis', displayName: 'Edgars Krūmiņš', role: 'analyst' },
    { username: 'auditors', displayName: 'Līga Vītola', role: 'auditor' },
  ];
  for (const u of demoUsers) {
    if (await findUserByUsername(db, u.username)) continue;
    await insertUser(db, { ...u, email: `${u.username}@demo.invalid`, passwordHash: hash });
    created.push(u.username);
  }
  return created;
}

/**
 * The first administrator. Its password is BOOTSTRAP_ADMIN_PASSWORD, or generated and returned
 * so the caller can print it once (it is never logged).
 */
export async function ensureBootstrapAdmin(
  db: Db,
  config: Config,
): Promise<{ username: string; password?: string } | undefined> {
  const username = config.BOOTSTRAP_ADMIN_USER;
  if (await findUserByUsername(db, username)) return undefined;
  const password = config.BOOTSTRAP_ADMIN_PASSWORD ?? generatePassword();
  await insertUser(db, {
    username,
    displayName: 'Sistēmas administrators',
    role: 'administrator',
    passwordHash: await hashPassword(password),
  });
  return { username, password: config.BOOTSTRAP_ADMIN_PASSWORD ? undefined : password };
}
