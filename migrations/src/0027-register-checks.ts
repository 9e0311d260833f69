import { sql, type Kysely } from 'kysely';

// External registers, slice 2 (issue 15): the register check on the card. A value taken from
// PMLP or VDEĀVK into a record is written by the record writer like any edit, but its field
// history says where it came from (source 'register'). `register_notes` keeps why a specialist
// left our value as it is although the register says otherwise; the newest note per field is
// shown beside that field the next time the record is checked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table record_changes drop constraint record_changes_source_check`.execute(db);
  await sql`
    alter table record_changes add constraint record_changes_source_check
      check (source in ('create', 'update', 'change_request', 'status', 'register'))`.execute(db);
  await sql`
    create table register_notes (
      id bigint generated always as identity primary key,
      resource text not null check (resource in ('children', 'adopters')),
      record_id integer not null,
      field text not null check (length(field) between 1 and 60),
      reason text not null check (length(reason) between 1 and 2000),
      created_by integer not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  // The check's "newest note per field" of one record.
  await sql`create index register_notes_record on register_notes (resource, record_id, field, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table register_notes`.execute(db);
  // The old constraint has no 'register': those history rows become what they are, edits.
  await sql`alter table record_changes drop constraint record_changes_source_check`.execute(db);
  await sql`update record_changes set source = 'update' where source = 'register'`.execute(db);
  await sql`
    alter table record_changes add constraint record_changes_source_check
      check (source in ('create', 'update', 'change_request', 'status'))`.execute(db);
}
