import { sql, type Kysely } from 'kysely';

// Second factor: a TOTP secret per user (pending until the first code confirms it), the last time
// step used (a code works once), and single-use recovery codes stored as hashes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column totp_secret text check (totp_secret ~ '^[A-Z2-7]{32}$')`.execute(
    db,
  );
  await sql`alter table users add column totp_pending_secret text check (totp_pending_secret ~ '^[A-Z2-7]{32}$')`.execute(
    db,
  );
  await sql`alter table users add column totp_last_step bigint`.execute(db);
  await sql`alter table users add column mfa_enabled_at timestamptz`.execute(db);
  await sql`
    create table recovery_codes (
      code_hash text primary key check (code_hash ~ '^[0-9a-f]{64}$'),
      user_id integer not null references users (id),
      created_at timestamptz not null default now(),
      used_at timestamptz
    )`.execute(db);
  await sql`create index recovery_codes_user on recovery_codes (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table recovery_codes`.execute(db);
  for (const column of ['mfa_enabled_at', 'totp_last_step', 'totp_pending_secret', 'totp_secret']) {
    await sql`alter table users drop column ${sql.id(column)}`.execute(db);
  }
}
