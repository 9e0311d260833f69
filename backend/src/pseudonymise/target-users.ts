import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { schemaColumns } from './scan';
import { userDerived } from '../users/repository';

// TEST's own accounts (testers, the smoke-test account, TEST's administrator) survive a refresh:
// they are read from TEST before its content is replaced and added to the pseudonymised copy,
// with their passwords, second factors (sealed with TEST's DATA_ENCRYPTION_KEY) and recovery codes.
// Their organisation is found again by registration number or name. PROD's accounts arrive only
// as disabled pseudonyms (`pseudonym-<id>`), which a later refresh does not carry.

type Row = Record<string, unknown>;

export interface UsersSnapshot {
  users: Row[];
  recoveryCodes: Row[];
  careProviders: Row[];
  orphanCourts: Row[];
}

const EMPTY: UsersSnapshot = { users: [], recoveryCodes: [], careProviders: [], orphanCourts: [] };
const PSEUDONYM = /^pseudonym-\d+$/;

export async function snapshotUsers(db: Kysely<Database>, wanted: boolean): Promise<UsersSnapshot> {
  if (!wanted) return EMPTY;
  const tables = new Set((await schemaColumns(db)).map((c) => c.table));
  if (!tables.has('users')) return EMPTY;
  const raw = db.withoutPlugins();
  const all = async (table: string, columns = sql`*`) =>
    tables.has(table)
      ? (await sql<Row>`select ${columns} from ${sql.table(table)} order by 1`.execute(raw)).rows
      : [];
  const users = (await all('users')).filter((u) => !PSEUDONYM.test(String(u.username)));
  return {
    users,
    recoveryCodes: await all('recovery_codes'),
    careProviders: await all('care_providers', sql`id, registration_number, name`),
    orphanCourts: await all('orphan_courts', sql`id, name`),
  };
}

/** Adds the snapshot's accounts to the (pseudonymised) database; returns how many. */
export async function carryOverUsers(
  db: Kysely<Database>,
  snap: UsersSnapshot,
  log: (line: string) => void,
): Promise<number> {
  if (snap.users.length === 0) return 0;
  const raw = db.withoutPlugins();
  const columns = new Set(
    (await schemaColumns(db)).filter((c) => c.table === 'users').map((c) => c.column),
  );
  const providers = (
    await sql<Row>`select id, registration_number, name from care_providers`.execute(raw)
  ).rows;
  const courts = (await sql<Row>`select id, name from orphan_courts`.execute(raw)).rows;
  const taken = new Set(
    (await sql<{ username: string }>`select username from users`.execute(raw)).rows.map(
      (r) => r.username,
    ),
  );
  const providerId = (id: unknown) => {
    const old = snap.careProviders.find((p) => p.id === id);
    const match =
      providers.find(
        (p) =>
          old?.registration_number != null && p.registration_number === old.registration_number,
      ) ?? providers.find((p) => p.name === old?.name);
    return match?.id ?? null;
  };
  const courtId = (id: unknown) =>
    courts.find((c) => c.name === snap.orphanCourts.find((o) => o.id === id)?.name)?.id ?? null;

  let carried = 0;
  return raw.transaction().execute(async (trx) => {
    for (const user of snap.users) {
      const name = String(user.username);
      const values: Row = {};
      for (const [k, v] of Object.entries(user)) if (k !== 'id' && columns.has(k)) values[k] = v;
      // Derived from the account's own name, never copied: stale search text (a name the
      // account had before) must not travel with it.
      const derived = userDerived({
        displayName: String(user.display_name ?? ''),
        username: name,
        email: user.email == null ? null : String(user.email),
      });
      if (columns.has('display_name_sort')) values.display_name_sort = derived.displayNameSort;
      if (columns.has('search_text')) values.search_text = derived.searchText;
      if (user.care_provider_id != null)
        values.care_provider_id = providerId(user.care_provider_id);
      if (user.orphan_court_id != null) values.orphan_court_id = courtId(user.orphan_court_id);
      const lostScope =
        (user.care_provider_id != null && values.care_provider_id === null) ||
        (user.orphan_court_id != null && values.orphan_court_id === null);
      if (lostScope || taken.has(name)) {
        log(
          `TEST account ${name} not carried over: ${lostScope ? 'its organisation is not in the copy' : 'the name is taken'}`,
        );
        continue;
      }
      const entries = Object.entries(values);
      const { rows } = await sql<{ id: number }>`
        insert into users (${sql.join(entries.map(([k]) => sql.ref(k)))})
        values (${sql.join(entries.map(([, v]) => sql`${v}`))}) returning id`.execute(trx);
      for (const code of snap.recoveryCodes.filter((c) => c.user_id === user.id)) {
        await sql`insert into recovery_codes (code_hash, user_id, created_at, used_at)
          values (${code.code_hash}, ${rows[0]!.id}, ${code.created_at}, ${code.used_at})`.execute(
          trx,
        );
      }
      taken.add(name);
      carried++;
    }
    log(`TEST accounts carried over: ${carried} of ${snap.users.length}`);
    return carried;
  });
}
