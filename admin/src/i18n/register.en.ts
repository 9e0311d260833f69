/*
 * English messages of the person registers (children, adopters) and the statistics page, kept
 * apart from en.ts for size; en.ts spreads each block into its place. Same tree in register.lv.ts.
 */

export const registerMenuEn = {
  register: 'Register',
  statistics: 'Statistics',
};

export const registerEnumsEn = {
  child_status: {
    record_received: 'Record sheet received',
    available: 'Available for adoption',
    offered: 'Offered to an adopter',
    getting_acquainted: 'Getting acquainted',
    pre_adoption_care: 'Pre-adoption care',
    best_interests_confirmed: "Adoption confirmed in the child's interests",
    permit_issued: 'Permit for adoption abroad',
    adopted: 'Adopted',
    not_consenting: 'Does not consent to adoption',
    suspended: 'Suspended',
    withdrawn: 'Removed from the register',
  },
  adopter_status: {
    registered: 'Registered',
    waiting: 'Waiting',
    information_received: 'Received information on a child',
    getting_acquainted: 'Getting acquainted',
    pre_adoption_care: 'Pre-adoption care',
    adopted: 'Adopted',
    closed: 'Case closed',
    suspended: 'Suspended',
    status_expired: 'Status expired',
    revoked: 'Status revoked',
    withdrawn: 'Withdrawn',
  },
  sex: {
    female: 'Female',
    male: 'Male',
  },
  nationality_kind: {
    citizen: 'Latvian citizen',
    non_citizen: 'Latvian non-citizen',
    foreigner: 'Foreign national',
    stateless: 'Stateless',
  },
  care_form: {
    care_institution: 'Care institution',
    foster_family: 'Foster family',
    guardianship: 'Guardianship',
  },
  adopter_origin: {
    latvian: 'Adopter in Latvia',
    foreign: 'Adopter abroad',
  },
};

/** The API's field-error codes (providers/fieldErrors.ts) and the same checks made in the forms. */
export const serverValidationEn = {
  server: {
    required: 'Required',
    not_allowed: 'Leave this field empty in this case',
    date_in_future: 'The date cannot be in the future',
    date_order: 'The date cannot be earlier than the date before it',
    same_person: "The spouse's personal code cannot be the adopter's own",
    unique: 'This value is already in the register',
    likely_duplicate:
      'A child with the same name and birth date is already in the register. Check; if this is another child, tick and save again.',
    too_small: 'Required',
    too_big: 'The text is too long',
    personal_code_format: 'A personal code has 11 digits: DDMMYY-NNNNN',
    personal_code_checksum:
      'The last (check) digit of the personal code is wrong: check for a typo',
    personal_code_date: 'The personal code does not start with a real birth date (DDMMYY)',
    personal_code_century: 'The 7th digit (century) of the personal code can only be 0, 1 or 2',
    personal_code_birth_date_mismatch: 'The personal code does not match the birth date',
  },
};

export const registerAppEn = {
  register: {
    tabs: {
      child: 'Child',
      placement: 'Out-of-family care',
      religion_health: 'Religion and health',
      health: 'Health',
      birth_family: 'Birth family',
      adopter: 'Adopter',
      contact: 'Contact details',
      recognition: "Orphan court's decision",
    },
    personal_code_help: 'DDMMYY-NNNNN (with or without the hyphen)',
    validation: {
      before_birth: 'Cannot be earlier than the birth date',
      before_care_decision: "Cannot be earlier than the orphan court's decision",
      before_decision: 'Cannot be earlier than the decision date',
    },
  },
  status_change: {
    button: 'Change status',
    title: 'Change status',
    current: 'Current status: %{status}',
    status: 'New status',
    changed_on: 'Date of the change',
    reason: 'Reason (optional)',
    reason_required: 'Reason',
    reason_help: 'Kept in the status history; not shown in the audit trail.',
    done: 'Status changed',
    timeline: 'Status history',
    timeline_empty: 'The status has not been changed yet.',
  },
  sibling_groups: {
    members: 'Brothers and sisters',
    member_count: 'Children',
    members_help: 'Search by name or personal code',
    save_members: 'Save members',
    members_saved: 'Members of the group saved',
    no_members: 'The group has no child (that you may see) yet.',
    block_title: 'Brothers and sisters',
    open_group: 'Sibling group #%{id}',
    may_be_separated_note: 'An orphan court allowed them to be adopted separately.',
  },
  statistics: {
    title: 'Statistics',
    heading: 'Children in the Adoption Register',
    dimension: 'Group by',
    dimensions: {
      status: 'Status',
      sex: 'Sex',
      ageBand: 'Age',
      careForm: 'Form of out-of-family care',
      nationalityKind: 'Nationality',
    },
    age_band: {
      '0-2': '0–2 years',
      '3-6': '3–6 years',
      '7-9': '7–9 years',
      '10-13': '10–13 years',
      '14-17': '14–17 years',
      '18+': '18 years and older',
    },
    children: 'Children',
    total: 'Total',
    withheld: 'withheld',
    reference_date: 'Figures on %{date}; age in completed years on that date.',
    small_note:
      '"< %{threshold}" means fewer than %{threshold} children: such small counts are not shown, so that no child can be identified from them. Zero is shown. The statistics contain no names or personal codes.',
    protected_note:
      '* Two counts are withheld: one is below %{threshold}, the other is withheld so that the first cannot be worked out from the total (it may be of any size).',
    not_allowed: 'Statistics are not available to your role.',
  },
};

const timestamps = {
  id: 'ID',
  version: 'Version',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

export const registerResourcesEn = {
  children: {
    name: 'Child |||| Children',
    fields: {
      ...timestamps,
      status: 'Status',
      surname: 'Surname',
      givenNames: 'Given names',
      sex: 'Sex',
      personalCode: 'Personal code',
      birthDate: 'Date of birth',
      nationalityKind: 'Nationality',
      confirmLikelyDuplicate:
        'I confirm this is another child (when the register warns of a duplicate)',
      religion: 'Religion',
      recordSheetReceivedOn: 'Record sheet received',
      careForm: 'Form of out-of-family care',
      careOrphanCourtId: 'Orphan court',
      careDecisionNumber: "Orphan court's decision number",
      careDecisionDate: "Orphan court's decision date",
      careProviderId: 'Care institution',
      health: 'Health',
      furtherTreatment: 'Further treatment',
      birthFamilyCharacterisation: 'Birth family',
      q: 'Search',
    },
  },
  adopters: {
    name: 'Adopter |||| Adopters',
    fields: {
      ...timestamps,
      status: 'Status',
      origin: 'Kind of adopter',
      surname: 'Surname',
      givenNames: 'Given names',
      personalCode: 'Personal code',
      birthDate: 'Date of birth',
      spouse: 'Spouse',
      spouseSurname: "Spouse's surname",
      spouseGivenNames: "Spouse's given names",
      spousePersonalCode: "Spouse's personal code",
      spouseBirthDate: "Spouse's date of birth",
      declaredAddress: 'Declared address',
      phone: 'Phone',
      email: 'E-mail',
      preferredLanguage: 'Language for messages',
      orphanCourtId: 'Orphan court',
      decisionNumber: 'Decision number',
      decisionDate: 'Decision date',
      decisionValidUntil: 'Decision valid until',
      enteredOn: 'Entered the register',
      q: 'Search',
    },
  },
  'sibling-groups': {
    name: 'Sibling group |||| Sibling groups',
    fields: {
      ...timestamps,
      children: 'Brothers and sisters',
      members: 'Brothers and sisters',
      complete: 'At least two children',
      note: 'Note',
      mayBeSeparated: 'May be separated (orphan court)',
      separationOrphanCourtId: 'Orphan court that allowed separation',
      separationDecisionNumber: 'Decision number',
      separationDecisionDate: 'Decision date',
    },
  },
};
