// What happens to every column of every table when PROD data is copied to TEST (and, later, to a
// statistics export). One table, so a reviewer reads the whole policy in one place; the
// pseudonymiser follows it (a column it has no handler for stops the run), a test fails when the
// database has a column not listed here, and the refresh refuses such a database too: a new
// migration cannot carry real data into TEST unnoticed. docs/pseudonymisation.md shows it.

export type Treatment = 'keep' | 'pseudonymise' | 'replace' | 'clear' | 'recompute' | 'drop-rows';

/** How a pseudonymised or replaced column gets its value (see docs/pseudonymisation.md). */
export type How =
  | 'given-names'
  | 'surname'
  | 'personal-code'
  | 'birth-date'
  | 'address'
  | 'phone'
  | 'email'
  | 'relatives'
  | 'user-name'
  | 'user-display-name'
  | 'user-email'
  | 'institution-email'
  | 'text'
  | 'document-number'
  | 'religion'
  | 'ethnicity'
  | 'health-conditions'
  | 'refusals'
  | 'need-wishes'
  | 'field-changes'
  | 'field-values'
  | 'file'
  | 'file-name';

export interface ColumnRule {
  treatment: Treatment;
  how?: How;
  /** The adopter's spouse rather than the adopter. */
  spouse?: boolean;
  /** `clear`: the value written. */
  to?: null | boolean | number;
}

export interface TableRule {
  /** keep: rows stay (columns as listed); drop: every row deleted; rebuild: emptied and restarted. */
  rows: 'keep' | 'drop' | 'rebuild';
  /** The register's people live here: the verification collects their codes and names from it. */
  people?: boolean;
  why: string;
  columns: Record<string, ColumnRule>;
}

const keep: ColumnRule = { treatment: 'keep' };
const ps = (how: How, spouse = false): ColumnRule => ({
  treatment: 'pseudonymise',
  how,
  ...(spouse ? { spouse } : {}),
});
const replace = (how: How): ColumnRule => ({ treatment: 'replace', how });
const text = replace('text');
const renumbered = replace('document-number');
const clear = (to: null | boolean | number = null): ColumnRule => ({ treatment: 'clear', to });
const recompute: ColumnRule = { treatment: 'recompute' };
/** Column names, space-separated: the lists stay short enough to read. */
const names = (columns: string) => columns.trim().split(/\s+/);
const all = (columns: string, rule: ColumnRule) =>
  Object.fromEntries(names(columns).map((c) => [c, rule]));
const keepAll = (columns: string) => all(columns, keep);
const dropped = (why: string, columns: string, rows: 'drop' | 'rebuild' = 'drop'): TableRule => ({
  rows,
  why,
  columns: all(columns, { treatment: 'drop-rows' }),
});
const bookkeeping = keepAll('id version created_at updated_at');
const classifierSearch = { search_text: keep, name_sort: keep };

export const CLASSIFICATION: Record<string, TableRule> = {
  kysely_migration: {
    rows: 'keep',
    why: 'schema version',
    columns: keepAll('name timestamp'),
  },
  kysely_migration_lock: {
    rows: 'keep',
    why: 'schema version',
    columns: keepAll('id is_locked'),
  },
  territories: {
    rows: 'keep',
    why: 'public classifier (ATVK)',
    columns: { ...bookkeeping, ...keepAll('atvk_code name kind'), ...classifierSearch },
  },
  countries: {
    rows: 'keep',
    why: 'public classifier (ISO 3166-1)',
    columns: {
      ...bookkeeping,
      ...keepAll('alpha2 alpha3 numeric name_lv name_en hague_adoption1993'),
      ...keepAll('bilateral_adoption_agreement'),
      ...classifierSearch,
    },
  },
  orphan_courts: {
    rows: 'keep',
    why: 'public institutions; e-mail replaced so TEST can never write to a real court',
    columns: {
      ...bookkeeping,
      ...keepAll('name territory_id address phone'),
      email: replace('institution-email'),
      ...classifierSearch,
    },
  },
  care_providers: {
    rows: 'keep',
    why: 'public institutions; e-mail replaced so TEST can never write to a real institution',
    columns: {
      ...bookkeeping,
      ...keepAll('name kind registration_number legal_address territory_id phone'),
      email: replace('institution-email'),
      ...classifierSearch,
    },
  },
  users: {
    rows: 'keep',
    why: "PROD's staff stay as disabled pseudonymous accounts (history rows name them); TEST's own accounts are carried over by the refresh",
    columns: {
      ...bookkeeping,
      ...keepAll('role care_provider_id orphan_court_id preferred_language'),
      username: ps('user-name'),
      display_name: ps('user-display-name'),
      email: ps('user-email'),
      display_name_sort: recompute,
      search_text: recompute,
      password_hash: clear(),
      active: clear(false),
      last_login_at: clear(),
      failed_logins: clear(0),
      last_failed_login_at: clear(),
      locked_at: clear(),
      password_changed_at: clear(),
      totp_secret: clear(),
      totp_pending_secret: clear(),
      totp_last_step: clear(),
      mfa_enabled_at: clear(),
    },
  },
  audit_events: dropped(
    'hash-chained and append-only: emptied and restarted with one event recording the refresh',
    `id occurred_at actor_user_id actor_username actor_role session_id action resource record_id
    record_ids changes detail request_id client_ip prev_hash hash`,
    'rebuild',
  ),
  sessions: dropped(
    'sign-in sessions of PROD',
    'id user_id created_at last_used_at expires_at revoked_at revoked_reason user_agent client_ip',
  ),
  refresh_tokens: dropped(
    'sign-in tokens of PROD',
    'token_hash session_id issued_at expires_at used_at',
  ),
  one_time_tokens: dropped(
    'password links of PROD',
    'token_hash user_id purpose created_at expires_at used_at',
  ),
  recovery_codes: dropped('second-factor codes of PROD', 'code_hash user_id created_at used_at'),
  outbox: dropped(
    'mail of PROD (recipients, contents)',
    `id idempotency_key kind recipient template language data status attempts created_at
    last_attempt_at published_at sent_at last_error next_attempt_at sealed_data`,
  ),
  children: {
    rows: 'keep',
    people: true,
    why: "the child's card",
    columns: {
      ...bookkeeping,
      given_names: ps('given-names'),
      surname: ps('surname'),
      personal_code: ps('personal-code'),
      birth_date: ps('birth-date'),
      relatives: ps('relatives'),
      search_text: recompute,
      name_sort: recompute,
      religion: replace('religion'),
      care_decision_number: renumbered,
      abroad_court_decision_number: renumbered,
      health_conditions: replace('health-conditions'),
      ...all(
        `health further_treatment birth_family_characterisation personality development
        relatives_contact mother_pregnancy disability_source child_opinion legal_status_note`,
        text,
      ),
      ...keepAll(
        `sex nationality_kind record_sheet_received_on care_form care_orphan_court_id
        care_decision_date care_provider_id status sibling_group_id disability_group
        disability_from disability_until consent consent_date does_not_wish_adoption
        cleared_abroad abroad_court_decision_date abroad_commission_opinion_date legally_free`,
      ),
    },
  },
  adopters: {
    rows: 'keep',
    people: true,
    why: 'the adopter (and spouse) record',
    columns: {
      ...bookkeeping,
      given_names: ps('given-names'),
      surname: ps('surname'),
      personal_code: ps('personal-code'),
      birth_date: ps('birth-date'),
      spouse_given_names: ps('given-names', true),
      spouse_surname: ps('surname', true),
      spouse_personal_code: ps('personal-code', true),
      spouse_birth_date: ps('birth-date', true),
      declared_address: ps('address'),
      phone: ps('phone'),
      email: ps('email'),
      search_text: recompute,
      name_sort: recompute,
      religion: replace('religion'),
      wished_religion: replace('religion'),
      ethnicity: replace('ethnicity'),
      decision_number: renumbered,
      training_certificate_number: renumbered,
      motivation: text,
      wishes_note: text,
      refusals: replace('refusals'),
      need_wishes: replace('need-wishes'),
      ...keepAll(
        `origin preferred_language orphan_court_id decision_date decision_valid_until entered_on
        status wished_children_count wished_sex wished_age_from wished_age_to
        accepts_siblings wished_language country_id foreign_authority home_study_report_date
        training_certificate_date`,
      ),
    },
  },
  child_status_changes: {
    rows: 'keep',
    why: 'status history; the reason may name people',
    columns: {
      ...keepAll('id child_id from_status to_status changed_on changed_by created_at'),
      reason: text,
    },
  },
  adopter_status_changes: {
    rows: 'keep',
    why: 'status history; the reason may name people',
    columns: {
      ...keepAll('id adopter_id from_status to_status changed_on changed_by created_at'),
      reason: text,
    },
  },
  sibling_groups: {
    rows: 'keep',
    why: 'brothers and sisters kept together',
    columns: {
      ...bookkeeping,
      ...keepAll('may_be_separated separation_orphan_court_id separation_decision_date'),
      note: text,
      separation_decision_number: renumbered,
    },
  },
  child_attachments: {
    rows: 'keep',
    why: 'photos and documents: replaced by a generated placeholder image or document',
    columns: {
      ...keepAll('id child_id category uploaded_by created_at'),
      content: replace('file'),
      file_name: replace('file-name'),
      media_type: recompute,
      size_bytes: recompute,
      sha256: recompute,
      storage_key: clear(),
      note: text,
    },
  },
  record_changes: {
    rows: 'keep',
    people: true,
    why: "a record's field history: values pseudonymised by field name, as in the record",
    columns: {
      ...keepAll('id resource record_id version source change_request_id'),
      ...keepAll('changed_by changed_at'),
      changes: replace('field-changes'),
    },
  },
  change_requests: {
    rows: 'keep',
    people: true,
    why: 'proposals: values pseudonymised by field name, as in the record',
    columns: {
      ...bookkeeping,
      ...keepAll('resource kind record_id proposed_by care_provider_id'),
      ...keepAll('orphan_court_id status accepted_fields decided_by decided_at'),
      ...keepAll('created_record_id'),
      proposed: replace('field-values'),
      values_at_proposal: replace('field-values'),
      comment: text,
      decision_comment: text,
    },
  },
  selection_parameters: {
    rows: 'keep',
    why: "the selection rules' parameters and their versions (no personal data)",
    columns: keepAll('id values note created_by created_at'),
  },
  // The adoption process of PROD (who was offered which child, reasons, campaigns' recipients):
  // TEST starts without it; the children and adopters keep their statuses.
  selection_runs: dropped(
    'selection runs hold snapshots of children and adopters',
    `id direction adopter_id child_id sibling_group_id run_on parameters_version inputs result
    proposed_count created_by created_at proposed`,
  ),
  override_requests: dropped(
    'overrides name children and reasons',
    `id adopter_id child_ids sibling_group_id selection_run_id reason status requested_by
    decided_by decided_at decision_note version created_at updated_at`,
  ),
  offers: dropped(
    'which child was offered to whom',
    `id adopter_id sibling_group_id status live selection_run_id override_request_id
    foreign_adoption sent_on answer_by closed_on outcome_reason created_by version created_at
    updated_at`,
  ),
  offer_children: dropped('which child was offered to whom', 'offer_id child_id live'),
  offer_events: dropped(
    "the offers' timelines",
    'id offer_id from_status to_status happened_on reason detail created_by created_at',
  ),
  deadlines: dropped(
    "the offers' deadlines",
    `id kind offer_id child_id adopter_id due_on status reminded_on done_on note version
    created_at updated_at`,
  ),
  job_runs: dropped(
    'job runs of PROD',
    `id name boss_job_id status progress message result cancel_requested run_for started_by
    started_at finished_at created_at updated_at version`,
  ),
  mail_campaigns: dropped(
    'mail to adopters',
    `id criteria subject body status recipient_count created_by sent_by sent_at version
    created_at updated_at`,
  ),
  mail_campaign_recipients: dropped('mail to adopters', 'campaign_id adopter_id email outbox_id'),
  register_notes: {
    rows: 'keep',
    why: "why a record's value differs from an external register's; the reason may name people",
    columns: {
      ...keepAll('id resource record_id field created_by created_at'),
      reason: text,
    },
  },
  // PROD's answers of PMLP and VDEĀVK about real people (encrypted, keyed by PROD's key): TEST asks
  // its own (test) registers again.
  register_answers: dropped(
    "the state registers' answers about real people",
    'register lookup_key answer answered_at expires_at',
  ),
  // PROD's values beside the registers' about real people: TEST's own reconciliation finds its own.
  register_differences: dropped(
    "the reconciliation's work queue: our values beside the state registers' about real people",
    'id resource record_id register field kind state ours theirs status found_run_id found_at ' +
      'seen_run_id seen_at assigned_to assigned_at resolution resolution_reason resolved_by ' +
      'resolved_at version',
  ),
};

/** camelCase API field → its column rule in a person table (`spouseGivenNames` → spouse_given_names). */
export function fieldRule(table: 'children' | 'adopters', field: string): ColumnRule | undefined {
  return CLASSIFICATION[table]!.columns[field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

/** Columns of the database missing from the classification, and listed ones the database lacks. */
export function compareWithSchema(columns: readonly { table: string; column: string }[]) {
  const seen = new Set(columns.map((c) => `${c.table}.${c.column}`));
  const listed = Object.entries(CLASSIFICATION).flatMap(([t, rule]) =>
    Object.keys(rule.columns).map((c) => `${t}.${c}`),
  );
  return {
    unclassified: [...seen].filter((c) => !listed.includes(c)).sort(),
    missing: listed.filter((c) => !seen.has(c)).sort(),
  };
}
