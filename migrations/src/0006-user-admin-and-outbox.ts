import { sql, type Kysely } from 'kysely';

// User administration: one-time links to set or reset a password (stored only as hashes), the
// user's preferred language for mail, and the transactional outbox. Whoever wants a message sent
// inserts an outbox row in the same transaction as the business change; the Messaging issue's
// relay delivers it, so a rolled-back change never sends anything.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column preferred_language text not null default 'lv' check (preferred_language in ('lv', 'en'))`.execute(
    db,
  );

  await sql`
    create table one_time_tokens (
      token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
      user_id integer not null references users (id),
      purpose text not null check (purpose in ('set_password', 'reset_password')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index one_time_tokens_user on one_time_tokens (user_id)`.execute(db);

  await sql`
    create table outbox (
      id bigint generated always as identity primary key,
      idempotency_key text not null unique,
      kind text not null check (kind in ('mail')),
      recipient text not null check (length(recipient) between 3 and 254),
      template text not null,
      language text not null check (language in ('lv', 'en')),
      data jsonb not null default '{}',
      status text not null default 'queued'
        check (status in ('queued', 'published', 'sent', 'failed', 'dead_lettered')),
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      last_attempt_at timestamptz,
      published_at timestamptz,
      sent_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index outbox_pending on outbox (id) where status = 'queued'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table outbox`.execute(db);
  await sql`drop table one_time_tokens`.execute(db);
  await sql`alter table users drop column preferred_language`.execute(db);
}
