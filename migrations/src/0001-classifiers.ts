import { sql, type Kysely } from 'kysely';

// Classifiers (klasifikatori): territories, orphan courts, care providers, countries.
// Shared conventions start here: identity ids, `version` for optimistic locking bumped by a
// trigger on every update (so no code path can forget it), `updated_at` kept by the same trigger,
// app-computed `search_text` (folded) and `name_sort` (Latvian collation key, compared as "C").

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function touch_record() returns trigger language plpgsql as $$
    begin
      new.updated_at := now();
      new.version := old.version + 1;
      return new;
    end $$`.execute(db);

  await sql`
    create table territories (
      id integer generated always as identity primary key,
      atvk_code text not null unique check (atvk_code ~ '^[0-9]{7}$'),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('state_city', 'municipality')),
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table orphan_courts (
      id integer generated always as identity primary key,
      name text not null check (length(name) between 1 and 200),
      territory_id integer not null references territories (id),
      address text not null check (length(address) between 1 and 300),
      phone text check (length(phone) <= 40),
      email text check (length(email) <= 254),
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table care_providers (
      id integer generated always as identity primary key,
      name text not null check (length(name) between 1 and 300),
      kind text not null check (kind in ('children_care_institution', 'social_care_centre', 'family_type_home', 'crisis_centre')),
      registration_number text unique check (registration_number ~ '^[0-9]{11}$'),
      legal_address text not null check (length(legal_address) between 1 and 300),
      territory_id integer not null references territories (id),
      phone text check (length(phone) <= 40),
      email text check (length(email) <= 254),
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table countries (
      id integer generated always as identity primary key,
      alpha2 text not null unique check (alpha2 ~ '^[A-Z]{2}$'),
      alpha3 text not null unique check (alpha3 ~ '^[A-Z]{3}$'),
      numeric text not null unique check (numeric ~ '^[0-9]{3}$'),
      name_lv text not null check (length(name_lv) between 1 and 200),
      name_en text not null check (length(name_en) between 1 and 200),
      hague_adoption1993 boolean not null default false,
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  for (const table of ['territories', 'orphan_courts', 'care_providers', 'countries']) {
    await sql`create trigger touch before update on ${sql.table(table)} for each row execute function touch_record()`.execute(
      db,
    );
    // The console's default list order is by name.
    await sql`create index ${sql.id(`${table}_name_sort`)} on ${sql.table(table)} (name_sort, id)`.execute(
      db,
    );
  }
  await sql`create index orphan_courts_territory on orphan_courts (territory_id)`.execute(db);
  await sql`create index care_providers_territory on care_providers (territory_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['countries', 'care_providers', 'orphan_courts', 'territories']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function touch_record()`.execute(db);
}
