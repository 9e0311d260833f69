import { sql, type Kysely } from 'kysely';

// Sibling groups (brāļi un māsas): children kept together in selection unless an orphan court
// decided they may be separated (domain brief, sections 3 and 5). A child is in at most one
// group; deleting a group unlinks its children.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sibling_groups (
      id integer generated always as identity primary key,
      note text check (length(note) <= 2000),
      may_be_separated boolean not null default false,
      separation_orphan_court_id integer references orphan_courts (id),
      separation_decision_number text check (length(separation_decision_number) between 1 and 50),
      separation_decision_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint sibling_groups_separation_decision check (
        case when may_be_separated
          then separation_orphan_court_id is not null
           and separation_decision_number is not null
           and separation_decision_date is not null
          else separation_orphan_court_id is null
           and separation_decision_number is null
           and separation_decision_date is null
        end
      )
    )`.execute(db);
  await sql`create trigger touch before update on sibling_groups for each row execute function touch_record()`.execute(
    db,
  );
  await sql`create index sibling_groups_separation_orphan_court on sibling_groups (separation_orphan_court_id)`.execute(
    db,
  );
  await sql`
    alter table children
      add column sibling_group_id integer references sibling_groups (id) on delete set null`.execute(
    db,
  );
  // Members of a group, and the record scopes' "a group with one of my children" (an exists).
  await sql`create index children_sibling_group on children (sibling_group_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table children drop column sibling_group_id`.execute(db);
  await sql`drop table sibling_groups`.execute(db);
}
