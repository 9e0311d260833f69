import { sql, type Kysely } from 'kysely';

// Status history of the person registers (Register issue, brief section 6): every move of a
// child's or adopter's status along its state machine, with the date it happened, the reason
// (may hold personal data, so it stays here and not in the audit trail) and who recorded it.

const histories = [
  ['child_status_changes', 'child_id', 'children'],
  ['adopter_status_changes', 'adopter_id', 'adopters'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column, parent] of histories) {
    await sql`
      create table ${sql.table(table)} (
        id integer generated always as identity primary key,
        ${sql.id(column)} integer not null references ${sql.table(parent)} (id) on delete cascade,
        from_status text not null check (length(from_status) between 1 and 50),
        to_status text not null check (length(to_status) between 1 and 50),
        changed_on date not null,
        reason text check (length(reason) between 1 and 2000),
        changed_by integer not null references users (id),
        created_at timestamptz not null default now(),
        check (from_status <> to_status)
      )`.execute(db);
    await sql`create index ${sql.id(`${table}_record`)} on ${sql.table(table)} (${sql.id(column)}, changed_on desc, id desc)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table adopter_status_changes`.execute(db);
  await sql`drop table child_status_changes`.execute(db);
}
