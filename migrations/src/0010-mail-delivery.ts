import { sql, type Kysely } from 'kysely';

// Mail delivery (Messaging issue). `next_attempt_at`: when the in-process deliverer (no broker)
// tries a temporarily failed mail again. `sealed_data`: template values that must not rest in
// the database readable (a one-time link), encrypted, and cleared once the mail is sent.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox add column next_attempt_at timestamptz`.execute(db);
  await sql`alter table outbox add column sealed_data text`.execute(db);
  await sql`create index outbox_due on outbox (next_attempt_at, id) where status in ('queued', 'failed', 'published')`.execute(
    db,
  );
  await sql`create index outbox_created on outbox (created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index outbox_created`.execute(db);
  await sql`drop index outbox_due`.execute(db);
  await sql`alter table outbox drop column sealed_data`.execute(db);
  await sql`alter table outbox drop column next_attempt_at`.execute(db);
}
