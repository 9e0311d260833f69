import { sql, type Kysely } from 'kysely';

// Users and their roles. Scope columns tie external users to their care provider or orphan court.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id integer generated always as identity primary key,
      username text not null check (username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text not null check (length(display_name) between 1 and 200),
      display_name_sort text collate "C" not null,
      email text check (length(email) <= 254),
      role text not null check (role in ('administrator', 'adoption_specialist', 'head_of_department',
        'care_institution', 'orphan_court', 'analyst', 'auditor')),
      care_provider_id integer references care_providers (id),
      orphan_court_id integer references orphan_courts (id),
      password_hash text,
      active boolean not null default true,
      last_login_at timestamptz,
      search_text text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_care_institution_scope check (role <> 'care_institution' or care_provider_id is not null),
      constraint users_orphan_court_scope check (role <> 'orphan_court' or orphan_court_id is not null)
    )`.execute(db);
  await sql`create unique index users_username on users (username)`.execute(db);
  await sql`create index users_display_name_sort on users (display_name_sort, id)`.execute(db);
  await sql`create trigger touch before update on users for each row execute function touch_record()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table users`.execute(db);
}
