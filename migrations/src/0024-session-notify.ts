import { sql, type Kysely } from 'kysely';

// Every API process keeps a short cache of the sessions it has found live (backend/src/auth/
// session-cache.ts), so that a request no longer costs a session look-up in the database. What
// ends or narrows a session must reach every process: these triggers send a NOTIFY on the channel
// `session_changed` whenever a session's revocation or expiry changes or it is deleted (payload:
// `s:<session id>`), and whenever a user's name, role, activity or institution changes or the user
// is deleted (payload: `u:<user id>`). A trigger catches every writer (sign-out, sign-out
// everywhere, refresh-token reuse, password change or reset, role change, deactivation, an
// administrator's revocation, and plain SQL); NOTIFY is transactional, so a notification is
// delivered when the change commits and never for a rollback.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_session_changed() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'sessions' then
        perform pg_notify('session_changed', 's:' || coalesce(new.id, old.id)::text);
      else
        perform pg_notify('session_changed', 'u:' || coalesce(new.id, old.id)::text);
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger sessions_notify_changed
    after update of revoked_at, expires_at, user_id or delete on sessions
    for each row execute function notify_session_changed()`.execute(db);
  await sql`
    create trigger users_notify_changed
    after update of username, role, active, care_provider_id, orphan_court_id or delete on users
    for each row execute function notify_session_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger users_notify_changed on users`.execute(db);
  await sql`drop trigger sessions_notify_changed on sessions`.execute(db);
  await sql`drop function notify_session_changed()`.execute(db);
}
