import { sql, type Kysely } from 'kysely';

// External registers, slice 3 (issue 15): the nightly reconciliation's work queue. Each row is one
// field of one child or adopter that differs from PMLP or VDEĀVK (or a person the population
// register does not know), found by a run of the job `register-reconciliation` (job_runs). It is
// open until a specialist resolves it (with a reason, or by taking the register's value into the
// card) or a later run finds the difference gone. One open row per record and field; a resolved
// row with the same two values keeps a difference explained once from coming back every night.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table register_differences (
      id integer generated always as identity primary key,
      resource text not null check (resource in ('children', 'adopters')),
      record_id integer not null,
      register text not null check (register in ('population', 'disability')),
      field text not null check (length(field) between 1 and 60),
      kind text not null check (kind in
        ('names', 'birth', 'sex', 'address', 'death', 'spouse', 'disability', 'not_found')),
      state text not null check (state in
        ('different', 'missing_ours', 'missing_theirs', 'not_found')),
      ours text,
      theirs text,
      status text not null default 'open' check (status in ('open', 'resolved')),
      found_run_id integer references job_runs (id) on delete set null,
      found_at timestamptz not null default now(),
      seen_run_id integer references job_runs (id) on delete set null,
      seen_at timestamptz not null default now(),
      assigned_to integer references users (id),
      assigned_at timestamptz,
      resolution text check (resolution in ('taken', 'explained', 'gone')),
      resolution_reason text check (length(resolution_reason) between 1 and 2000),
      resolved_by integer references users (id),
      resolved_at timestamptz,
      version integer not null default 1,
      check ((status = 'open') = (resolution is null)),
      check (status = 'open' or resolved_at is not null)
    )`.execute(db);
  await sql`
    create unique index register_differences_open
      on register_differences (resource, record_id, field) where status = 'open'`.execute(db);
  // The queue's usual view: open items by kind, newest first; "assigned to me".
  await sql`create index register_differences_status on register_differences (status, kind, id desc)`.execute(
    db,
  );
  await sql`
    create index register_differences_assigned
      on register_differences (assigned_to) where status = 'open'`.execute(db);
  // A record's differences (the card, the reconciliation's per-record comparison).
  await sql`create index register_differences_record on register_differences (resource, record_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table register_differences`.execute(db);
}
