import { sql, type Kysely } from 'kysely';

// Jobs (issue 14): `job_runs` has the `touch` trigger every record table has (touch_record sets
// updated_at and counts the version), but 0020 gave it no `version` column, so any update of a
// run failed. The column makes progress, cancel and the end of a run writable, and versioned.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table job_runs add column version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table job_runs drop column version`.execute(db);
}
