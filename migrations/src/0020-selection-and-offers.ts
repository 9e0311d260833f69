import { sql, type Kysely } from 'kysely';

// Selection and the adoption process (issue "Selection and the adoption process"):
// - the adopter's health wishes become graded: for each need "can meet / would consider (with a
//   note) / cannot meet" instead of a yes/no list;
// - a country is eligible for adoption abroad with the Hague 1993 Convention *and* a bilateral
//   agreement with Latvia (a flag on the countries classifier);
// - versioned selection parameters, stored selection runs, offers with their children, timeline
//   and deadlines, overrides (two-step), the job runs the console shows, and mail campaigns.

const needs = [
  'minor_conditions',
  'chronic_illness',
  'developmental_delay',
  'disability',
  'infectious_disease',
];

/** The defaults of parameters version 1 (docs/selection.md explains each). */
export const defaultSelectionParameters = {
  consentAge: 12,
  ageGapYears: 18,
  ageGapRelaxedYears: 16,
  nearMissAgeYears: 2,
  answerDays: 30,
  preAdoptionCareMonths: 6,
  courtClaimDays: 60,
  permitIssueMonths: 1,
  permitValidityMonths: 3,
  reportEveryMonthsFirstYears: 6,
  reportFirstYears: 2,
  reminderDaysBefore: 7,
  refusalRule: { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'foreign' },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  // Graded wishes: [{ need, answer, note }]; what was accepted becomes "can meet", the rest
  // "cannot meet".
  await sql`alter table adopters add column need_wishes jsonb not null default '[]'
    check (jsonb_typeof(need_wishes) = 'array')`.execute(db);
  await sql`
    update adopters set need_wishes = (
      select coalesce(jsonb_agg(jsonb_build_object(
        'need', n,
        'answer', case when accepted_health ? n then 'can_meet' else 'cannot_meet' end,
        'note', null) order by ord), '[]'::jsonb)
      from unnest(${sql.raw(`array[${needs.map((n) => `'${n}'`).join(', ')}]`)}::text[])
        with ordinality as t(n, ord))`.execute(db);
  await sql`alter table adopters drop column accepted_health`.execute(db);

  await sql`alter table countries add column bilateral_adoption_agreement boolean not null default false`.execute(
    db,
  );

  // Versioned parameters: a new row per change; a selection run names the version it used.
  await sql`
    create table selection_parameters (
      id integer generated always as identity primary key,
      "values" jsonb not null check (jsonb_typeof("values") = 'object'),
      note text check (length(note) <= 2000),
      created_by integer references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`insert into selection_parameters ("values", note) values (${JSON.stringify(
    defaultSelectionParameters,
  )}::jsonb, 'Sākotnējie parametri')`.execute(db);

  // Every selection run, with its inputs and the whole result as it was shown.
  await sql`
    create table selection_runs (
      id integer generated always as identity primary key,
      direction text not null check (direction in ('for_adopter', 'for_child', 'for_group')),
      adopter_id integer references adopters (id),
      child_id integer references children (id),
      sibling_group_id integer references sibling_groups (id),
      run_on date not null,
      parameters_version integer not null references selection_parameters (id),
      inputs jsonb not null,
      result jsonb not null,
      proposed_count integer not null,
      created_by integer not null references users (id),
      created_at timestamptz not null default now(),
      constraint selection_runs_subject check (
        case direction
          when 'for_adopter' then adopter_id is not null
          when 'for_child' then child_id is not null
          else sibling_group_id is not null
        end
      )
    )`.execute(db);
  await sql`create index selection_runs_adopter on selection_runs (adopter_id, created_at)`.execute(
    db,
  );
  await sql`create index selection_runs_child on selection_runs (child_id, created_at)`.execute(db);
  await sql`create index selection_runs_created on selection_runs (created_at)`.execute(db);

  // Proposing outside the result: a specialist asks with a reason, a head of department decides.
  await sql`
    create table override_requests (
      id integer generated always as identity primary key,
      adopter_id integer not null references adopters (id),
      child_ids jsonb not null check (jsonb_typeof(child_ids) = 'array'),
      sibling_group_id integer references sibling_groups (id),
      selection_run_id integer references selection_runs (id),
      reason text not null check (length(reason) between 1 and 4000),
      status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'used', 'withdrawn')),
      requested_by integer not null references users (id),
      decided_by integer references users (id),
      decided_at timestamptz,
      decision_note text check (length(decision_note) <= 4000),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger touch before update on override_requests for each row execute function touch_record()`.execute(
    db,
  );
  await sql`create index override_requests_status on override_requests (status, created_at)`.execute(
    db,
  );

  // The offer (piedāvājums): one adopter, one child or sibling group.
  await sql`
    create table offers (
      id integer generated always as identity primary key,
      adopter_id integer not null references adopters (id),
      sibling_group_id integer references sibling_groups (id),
      status text not null default 'draft',
      live boolean not null default true,
      selection_run_id integer references selection_runs (id),
      override_request_id integer references override_requests (id),
      foreign_adoption boolean not null default false,
      sent_on date,
      answer_by date,
      closed_on date,
      outcome_reason text check (length(outcome_reason) <= 4000),
      created_by integer not null references users (id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger touch before update on offers for each row execute function touch_record()`.execute(
    db,
  );
  // An adopter considers one child (or group) at a time.
  await sql`create unique index offers_one_live_per_adopter on offers (adopter_id) where live`.execute(
    db,
  );
  await sql`create index offers_status on offers (status, updated_at)`.execute(db);

  await sql`
    create table offer_children (
      offer_id integer not null references offers (id) on delete cascade,
      child_id integer not null references children (id),
      live boolean not null default true,
      primary key (offer_id, child_id)
    )`.execute(db);
  // At most one live offer per child: two specialists racing get one offer and one 409.
  await sql`create unique index offer_children_one_live on offer_children (child_id) where live`.execute(
    db,
  );

  // The offer's timeline: every move with its date, reason and who made it.
  await sql`
    create table offer_events (
      id integer generated always as identity primary key,
      offer_id integer not null references offers (id) on delete cascade,
      from_status text,
      to_status text not null,
      happened_on date not null,
      reason text check (length(reason) <= 4000),
      detail jsonb,
      created_by integer not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index offer_events_offer on offer_events (offer_id, id)`.execute(db);

  // Deadlines of the process; the nightly job marks the overdue and queues reminders.
  await sql`
    create table deadlines (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('answer', 'pre_adoption_care', 'court_claim', 'permit_issue',
        'permit_validity', 'post_adoption_report')),
      offer_id integer references offers (id) on delete cascade,
      child_id integer references children (id),
      adopter_id integer references adopters (id),
      due_on date not null,
      status text not null default 'open' check (status in ('open', 'overdue', 'done', 'cancelled')),
      reminded_on date,
      done_on date,
      note text check (length(note) <= 2000),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger touch before update on deadlines for each row execute function touch_record()`.execute(
    db,
  );
  await sql`create index deadlines_due on deadlines (status, due_on)`.execute(db);
  await sql`create index deadlines_offer on deadlines (offer_id)`.execute(db);

  // Long jobs: progress the console shows, and a cancel flag the job checks.
  await sql`
    create table job_runs (
      id integer generated always as identity primary key,
      name text not null,
      boss_job_id text,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
      progress integer not null default 0 check (progress between 0 and 100),
      message text,
      result jsonb,
      cancel_requested boolean not null default false,
      run_for date,
      started_by integer references users (id),
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger touch before update on job_runs for each row execute function touch_record()`.execute(
    db,
  );
  await sql`create index job_runs_name on job_runs (name, created_at)`.execute(db);
  // A nightly job runs once for its day, whatever the number of processes.
  await sql`create unique index job_runs_once_per_day on job_runs (name, run_for) where run_for is not null`.execute(
    db,
  );

  // "Notify adopters": a campaign to waiting adopters picked by criteria.
  await sql`
    create table mail_campaigns (
      id integer generated always as identity primary key,
      criteria jsonb not null check (jsonb_typeof(criteria) = 'object'),
      subject text not null check (length(subject) between 1 and 200),
      body text not null check (length(body) between 1 and 10000),
      status text not null default 'draft' check (status in ('draft', 'sent')),
      recipient_count integer not null default 0,
      created_by integer not null references users (id),
      sent_by integer references users (id),
      sent_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger touch before update on mail_campaigns for each row execute function touch_record()`.execute(
    db,
  );
  await sql`
    create table mail_campaign_recipients (
      campaign_id integer not null references mail_campaigns (id) on delete cascade,
      adopter_id integer not null references adopters (id),
      email text not null,
      outbox_id integer references outbox (id),
      primary key (campaign_id, adopter_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'mail_campaign_recipients',
    'mail_campaigns',
    'job_runs',
    'deadlines',
    'offer_events',
    'offer_children',
    'offers',
    'override_requests',
    'selection_runs',
    'selection_parameters',
  ])
    await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table countries drop column bilateral_adoption_agreement`.execute(db);
  await sql`alter table adopters add column accepted_health jsonb not null default '[]'
    check (jsonb_typeof(accepted_health) = 'array')`.execute(db);
  await sql`
    update adopters set accepted_health = (
      select coalesce(jsonb_agg(w->'need'), '[]'::jsonb)
      from jsonb_array_elements(need_wishes) w where w->>'answer' = 'can_meet')`.execute(db);
  await sql`alter table adopters drop column need_wishes`.execute(db);
}
