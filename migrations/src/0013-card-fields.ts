import { sql, type Kysely } from 'kysely';

// The rest of the child's card and the adopter record (Register issue; domain brief sections 3
// and 4). Sub-lists the law enumerates (the birth family's relatives, health conditions, an
// adopter's refusals) are jsonb arrays validated by the API, so a card stays one record with one
// version for optimistic locking and one diff in the history. The checks here are the last line;
// the API names the field first.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table children
      add column personality text check (length(personality) <= 10000),
      add column development text check (length(development) <= 10000),
      add column relatives_contact text check (length(relatives_contact) <= 10000),
      add column mother_pregnancy text check (length(mother_pregnancy) <= 10000),
      add column health_conditions jsonb not null default '[]' check (jsonb_typeof(health_conditions) = 'array'),
      add column disability_group text check (disability_group in ('child', 'I', 'II', 'III')),
      add column disability_from date,
      add column disability_until date,
      add column disability_source text check (length(disability_source) <= 200),
      add column relatives jsonb not null default '[]' check (jsonb_typeof(relatives) = 'array'),
      add column child_opinion text check (length(child_opinion) <= 10000),
      add column consent text check (consent in ('given', 'refused')),
      add column consent_date date,
      add column does_not_wish_adoption boolean not null default false,
      add column cleared_abroad boolean not null default false,
      add column abroad_court_decision_number text check (length(abroad_court_decision_number) between 1 and 50),
      add column abroad_court_decision_date date,
      add column abroad_commission_opinion_date date,
      add column legally_free boolean not null default false,
      add column legal_status_note text check (length(legal_status_note) <= 1000),
      add constraint children_disability check (
        (disability_group is null and disability_from is null and disability_until is null and disability_source is null)
        or (disability_group is not null and disability_from is not null
            and (disability_until is null or disability_until >= disability_from))),
      add constraint children_consent check ((consent is null) = (consent_date is null)),
      add constraint children_cleared_abroad check (
        case when cleared_abroad
          then abroad_court_decision_number is not null and abroad_court_decision_date is not null
           and abroad_commission_opinion_date is not null
          else abroad_court_decision_number is null and abroad_court_decision_date is null
           and abroad_commission_opinion_date is null
        end)`.execute(db);

  await sql`
    alter table adopters
      add column religion text check (length(religion) <= 200),
      add column ethnicity text check (length(ethnicity) <= 100),
      add column motivation text check (length(motivation) <= 10000),
      add column wished_children_count integer not null default 1 check (wished_children_count between 1 and 10),
      add column wished_sex text not null default 'any' check (wished_sex in ('female', 'male', 'any')),
      add column wished_age_from integer not null default 0 check (wished_age_from between 0 and 17),
      add column wished_age_to integer not null default 17 check (wished_age_to between 0 and 17),
      add column accepted_health jsonb not null default '[]' check (jsonb_typeof(accepted_health) = 'array'),
      add column accepts_siblings boolean not null default false,
      add column wished_religion text check (length(wished_religion) <= 200),
      add column wished_language text check (length(wished_language) <= 100),
      add column wishes_note text check (length(wishes_note) <= 2000),
      add column country_id integer references countries (id),
      add column foreign_authority text check (length(foreign_authority) between 1 and 300),
      add column home_study_report_date date,
      add column training_certificate_number text check (length(training_certificate_number) between 1 and 50),
      add column training_certificate_date date,
      add column refusals jsonb not null default '[]' check (jsonb_typeof(refusals) = 'array'),
      add constraint adopters_wished_ages check (wished_age_from <= wished_age_to),
      add constraint adopters_foreign check (
        case when origin = 'foreign'
          then country_id is not null and foreign_authority is not null and home_study_report_date is not null
          else country_id is null and foreign_authority is null and home_study_report_date is null
        end),
      add constraint adopters_training check ((training_certificate_number is null) = (training_certificate_date is null))`.execute(
    db,
  );
  // Filters a specialist uses in the children list (cleared for abroad, consent).
  await sql`create index children_cleared_abroad on children (cleared_abroad) where cleared_abroad`.execute(
    db,
  );
  await sql`create index adopters_country on adopters (country_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table adopters
      drop column religion, drop column ethnicity, drop column motivation,
      drop column wished_children_count, drop column wished_sex, drop column wished_age_from,
      drop column wished_age_to, drop column accepted_health, drop column accepts_siblings,
      drop column wished_religion, drop column wished_language, drop column wishes_note,
      drop column country_id, drop column foreign_authority, drop column home_study_report_date,
      drop column training_certificate_number, drop column training_certificate_date,
      drop column refusals`.execute(db);
  await sql`
    alter table children
      drop column personality, drop column development, drop column relatives_contact,
      drop column mother_pregnancy, drop column health_conditions, drop column disability_group,
      drop column disability_from, drop column disability_until, drop column disability_source,
      drop column relatives, drop column child_opinion, drop column consent, drop column consent_date,
      drop column does_not_wish_adoption, drop column cleared_abroad,
      drop column abroad_court_decision_number, drop column abroad_court_decision_date,
      drop column abroad_commission_opinion_date, drop column legally_free,
      drop column legal_status_note`.execute(db);
}
