import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

type ReferenceTable = 'orphanCourts' | 'careProviders' | 'territories' | 'countries';

/** The lowest id in a reference table: a court, provider… every seeded test database has. */
export async function firstId(db: Kysely<Database>, table: ReferenceTable): Promise<number> {
  const row = await db
    .selectFrom(table as 'orphanCourts')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
