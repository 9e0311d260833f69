import { sql, type Kysely } from 'kysely';

// The register's two kinds of person records, with the columns record scopes and field rules
// need (Security issue): who placed the child where (care provider, orphan court) and which
// orphan court recognised the adopter. The Register issue adds the rest of the card.

const childStatuses = [
  'record_received',
  'available',
  'offered',
  'getting_acquainted',
  'pre_adoption_care',
  'best_interests_confirmed',
  'permit_issued',
  'adopted',
  'not_consenting',
  'suspended',
  'withdrawn',
];
const adopterStatuses = [
  'registered',
  'waiting',
  'information_received',
  'getting_acquainted',
  'pre_adoption_care',
  'adopted',
  'closed',
  'suspended',
  'status_expired',
  'revoked',
  'withdrawn',
];
const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table children (
      id integer generated always as identity primary key,
      given_names text not null check (length(given_names) between 1 and 200),
      surname text not null check (length(surname) between 1 and 200),
      sex text not null check (sex in ('female', 'male')),
      personal_code text unique check (personal_code ~ '^[0-9]{11}$'),
      birth_date date not null,
      nationality_kind text not null check (nationality_kind in ('citizen', 'non_citizen', 'foreigner', 'stateless')),
      religion text check (length(religion) <= 200),
      record_sheet_received_on date not null,
      care_form text not null check (care_form in ('care_institution', 'foster_family', 'guardianship')),
      care_orphan_court_id integer not null references orphan_courts (id),
      care_decision_number text not null check (length(care_decision_number) between 1 and 50),
      care_decision_date date not null,
      care_provider_id integer references care_providers (id),
      health text check (length(health) <= 10000),
      further_treatment text check (length(further_treatment) <= 10000),
      birth_family_characterisation text check (length(birth_family_characterisation) <= 10000),
      status text not null default 'record_received' check (status in (${list(childStatuses)})),
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (birth_date <= care_decision_date and care_decision_date <= record_sheet_received_on),
      check ((care_form = 'care_institution') = (care_provider_id is not null))
    )`.execute(db);

  await sql`
    create table adopters (
      id integer generated always as identity primary key,
      origin text not null check (origin in ('latvian', 'foreign')),
      given_names text not null check (length(given_names) between 1 and 200),
      surname text not null check (length(surname) between 1 and 200),
      personal_code text unique check (personal_code ~ '^[0-9]{11}$'),
      birth_date date not null,
      spouse_given_names text check (length(spouse_given_names) between 1 and 200),
      spouse_surname text check (length(spouse_surname) between 1 and 200),
      spouse_personal_code text unique check (spouse_personal_code ~ '^[0-9]{11}$'),
      spouse_birth_date date,
      declared_address text not null check (length(declared_address) between 1 and 300),
      phone text check (length(phone) <= 40),
      email text check (length(email) <= 254),
      preferred_language text not null default 'lv' check (preferred_language in ('lv', 'en')),
      orphan_court_id integer not null references orphan_courts (id),
      decision_number text not null check (length(decision_number) between 1 and 50),
      decision_date date not null,
      decision_valid_until date,
      entered_on date not null,
      status text not null default 'registered' check (status in (${list(adopterStatuses)})),
      search_text text not null,
      name_sort text collate "C" not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((spouse_given_names is null) = (spouse_surname is null)
         and (spouse_given_names is null) = (spouse_birth_date is null)),
      check (spouse_personal_code is null or spouse_given_names is not null),
      check (decision_date <= entered_on),
      check (decision_valid_until is null or decision_valid_until >= decision_date)
    )`.execute(db);

  for (const table of ['children', 'adopters']) {
    await sql`create trigger touch before update on ${sql.table(table)} for each row execute function touch_record()`.execute(
      db,
    );
    await sql`create index ${sql.id(`${table}_search`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index ${sql.id(`${table}_name_sort`)} on ${sql.table(table)} (name_sort, id)`.execute(
      db,
    );
  }
  // The record scopes filter on these (a care institution's children, an orphan court's cases).
  await sql`create index children_care_provider on children (care_provider_id)`.execute(db);
  await sql`create index children_care_orphan_court on children (care_orphan_court_id)`.execute(db);
  await sql`create index adopters_orphan_court on adopters (orphan_court_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table adopters`.execute(db);
  await sql`drop table children`.execute(db);
}
