import { sql, type Kysely } from 'kysely';

// The history of a person record's fields (Register issue, "History"): every create, edit,
// accepted change request and status move keeps the values before and after, who and when. The
// audit trail records the same events but masks special-category values; this table keeps them,
// for the record's keepers to see (field rules apply when it is read).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table record_changes (
      id bigint generated always as identity primary key,
      resource text not null check (resource in ('children', 'adopters')),
      record_id integer not null,
      version integer not null,
      source text not null check (source in ('create', 'update', 'change_request', 'status')),
      change_request_id integer,
      changes jsonb not null check (jsonb_typeof(changes) = 'object'),
      changed_by integer not null references users (id),
      changed_at timestamptz not null default now()
    )`.execute(db);
  // The card's timeline: one record's changes, newest first.
  await sql`create index record_changes_record on record_changes (resource, record_id, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table record_changes`.execute(db);
}
