import { sql, type Kysely } from 'kysely';

// Sign-in sessions. A session is one refresh-token family: every refresh rotates the token, and
// presenting a used one revokes the whole session. Refresh tokens are stored only as SHA-256
// hashes. Users gain the lockout counters and the time of the last password change.
//
// The counters change on every failed sign-in; so that this does not bump the user record's
// `version` (and make an administrator's open edit form stale), the users trigger ignores changes
// that touch only sign-in bookkeeping columns.

const SIGN_IN_COLUMNS = [
  'failed_logins',
  'last_failed_login_at',
  'locked_at',
  'password_changed_at',
  'password_hash',
  'last_login_at',
  'version',
  'updated_at',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column failed_logins integer not null default 0 check (failed_logins >= 0),
      add column last_failed_login_at timestamptz,
      add column locked_at timestamptz,
      add column password_changed_at timestamptz`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      user_id integer not null references users (id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_reason text check (length(revoked_reason) <= 64),
      user_agent text check (length(user_agent) <= 512),
      client_ip text check (length(client_ip) <= 64),
      constraint sessions_revoked_reason check ((revoked_at is null) = (revoked_reason is null))
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id) where revoked_at is null`.execute(db);

  await sql`
    create table refresh_tokens (
      token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
      session_id uuid not null references sessions (id) on delete cascade,
      issued_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index refresh_tokens_session on refresh_tokens (session_id)`.execute(db);

  await sql`
    create function touch_user() returns trigger language plpgsql as $$
    begin
      if (to_jsonb(new) - ${sql.lit(`{${SIGN_IN_COLUMNS.join(',')}}`)}::text[])
         is distinct from (to_jsonb(old) - ${sql.lit(`{${SIGN_IN_COLUMNS.join(',')}}`)}::text[]) then
        new.updated_at := now();
        new.version := old.version + 1;
      end if;
      return new;
    end $$`.execute(db);
  await sql`drop trigger touch on users`.execute(db);
  await sql`create trigger touch before update on users for each row execute function touch_user()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger touch on users`.execute(db);
  await sql`create trigger touch before update on users for each row execute function touch_record()`.execute(
    db,
  );
  await sql`drop function touch_user()`.execute(db);
  await sql`drop table refresh_tokens`.execute(db);
  await sql`drop table sessions`.execute(db);
  await sql`
    alter table users
      drop column failed_logins,
      drop column last_failed_login_at,
      drop column locked_at,
      drop column password_changed_at`.execute(db);
}
