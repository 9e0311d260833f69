import { sql, type Kysely } from 'kysely';

// The audit trail (auditācijas žurnāls): one row per audited action, written in the same
// transaction as the change it records. Tamper evidence: every row carries the SHA-256 of its
// content and of the previous row's hash (`prev_hash`, 64 zeros for the first row), computed by
// the application (backend/src/audit/chain.ts). The database refuses UPDATE, DELETE and TRUNCATE
// for every role, so the trail is append-only; rows outlive the users they name (no foreign key).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id integer,
      actor_username text check (length(actor_username) <= 64),
      actor_role text check (length(actor_role) <= 64),
      session_id text check (length(session_id) <= 64),
      action text not null check (action ~ '^[a-z][a-z0-9_]{1,39}$'),
      resource text not null check (resource ~ '^[a-z][a-z0-9_-]{0,63}$'),
      record_id text check (length(record_id) between 1 and 100),
      record_ids jsonb check (record_ids is null or jsonb_typeof(record_ids) = 'array'),
      changes jsonb check (changes is null or jsonb_typeof(changes) = 'object'),
      detail jsonb check (detail is null or jsonb_typeof(detail) = 'object'),
      request_id text check (length(request_id) <= 128),
      client_ip text check (length(client_ip) <= 64),
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`create index audit_events_record on audit_events (resource, record_id)`.execute(db);
  await sql`create index audit_events_actor on audit_events (actor_user_id, occurred_at)`.execute(
    db,
  );
  await sql`create index audit_events_occurred_at on audit_events (occurred_at)`.execute(db);
  await sql`create index audit_events_record_ids on audit_events using gin (record_ids jsonb_path_ops)`.execute(
    db,
  );

  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is refused (the audit trail cannot be changed or removed)', tg_op
        using errcode = '42501', hint = 'Audit events can only be added.';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_no_update_delete before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_events`.execute(db);
  await sql`drop function audit_events_append_only()`.execute(db);
}
