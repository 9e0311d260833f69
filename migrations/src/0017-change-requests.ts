import { sql, type Kysely } from 'kysely';

// Change requests (Register issue, "Proposals"): care institutions and orphan courts propose
// changes of the fields the law makes them responsible for, or a new record; nothing reaches the
// register until an adoption specialist accepts the proposal (wholly or field by field). The
// proposer's organisation is kept on the row, so its users see their requests even after the
// record has left their scope (a child moved to another institution).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table change_requests (
      id integer generated always as identity primary key,
      resource text not null check (resource in ('children', 'adopters')),
      kind text not null check (kind in ('create', 'update')),
      record_id integer,
      proposed_by integer not null references users (id),
      care_provider_id integer references care_providers (id),
      orphan_court_id integer references orphan_courts (id),
      proposed jsonb not null check (jsonb_typeof(proposed) = 'object'),
      values_at_proposal jsonb check (jsonb_typeof(values_at_proposal) = 'object'),
      comment text check (length(comment) <= 2000),
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'partially_accepted', 'returned', 'withdrawn')),
      accepted_fields jsonb check (jsonb_typeof(accepted_fields) = 'array'),
      decision_comment text check (length(decision_comment) <= 2000),
      decided_by integer references users (id),
      decided_at timestamptz,
      created_record_id integer,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- An update names its record and what the record held; a new record has neither.
      constraint change_requests_record check (
        case kind
          when 'update' then record_id is not null and values_at_proposal is not null
          else record_id is null and values_at_proposal is null
        end
      ),
      -- Decided (or withdrawn) exactly when it is no longer pending.
      constraint change_requests_decision check (
        (status = 'pending') = (decided_at is null)
        and (status = 'pending') = (decided_by is null)
        and (status in ('accepted', 'partially_accepted')) = (accepted_fields is not null)
      )
    )`.execute(db);
  await sql`create trigger touch before update on change_requests for each row execute function touch_record()`.execute(
    db,
  );
  // The specialist's inbox: pending first, oldest first.
  await sql`create index change_requests_inbox on change_requests (status, created_at)`.execute(db);
  // A proposer's list (its organisation's requests), newest first.
  await sql`create index change_requests_care_provider on change_requests (care_provider_id, created_at)`.execute(
    db,
  );
  await sql`create index change_requests_orphan_court on change_requests (orphan_court_id, created_at)`.execute(
    db,
  );
  // The requests about one record (the card's "proposed changes").
  await sql`create index change_requests_record on change_requests (resource, record_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table change_requests`.execute(db);
}
