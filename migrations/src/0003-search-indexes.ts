import { sql, type Kysely } from 'kysely';

// Substring search (`search_text LIKE '%token%'`) needs trigram indexes, or every search with a
// leading wildcard reads the whole table. pg_trgm is a trusted extension (PostgreSQL ≥ 13) and is
// built into PGlite's contrib set, so both database paths get the same plans.

const tables = ['territories', 'orphan_courts', 'care_providers', 'countries', 'users'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const table of tables) {
    await sql`create index ${sql.id(`${table}_search`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await sql`drop index ${sql.id(`${table}_search`)}`.execute(db);
  // The extension stays: other schemas on the server may use it, and dropping it needs ownership.
}
