import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const timestamps = {
  id: 'ID',
  version: 'Version',
  createdAt: 'Created',
  updatedAt: 'Updated',
};

/** Our own messages (the same tree in `lv.ts`). */
const appEnglish = {
  app: {
    title: 'Adoption Register',
    session: {
      logout_all: 'Sign out of all sessions',
      logout_all_failed: 'Could not sign out of all sessions. Please try again.',
    },
    menu: {
      classifiers: 'Classifiers',
      administration: 'Administration',
    },
    environment: {
      test: 'TEST ENVIRONMENT — not real data',
      dev: 'DEVELOPMENT',
      prod: 'Production',
      version: 'Version %{version} (%{commit})',
    },
    dashboard: {
      greeting: 'Hello, %{name}!',
      greeting_anonymous: 'Hello!',
      intro:
        "The Adoption Register is the national register kept by Latvia's Ministry of Welfare. It records children who can be adopted and the persons an orphan court has recognised as adopters, and it supports finding a family for a child and following each adoption through its steps.",
      restricted:
        "The register's content is restricted-access information. Every access to a child's or an adopter's record is logged.",
      classifiers: 'Classifiers',
      open_list: 'Open the list',
      cards: {
        territories: 'State cities and municipalities with their ATVK codes',
        orphan_courts: 'Orphan courts and their contact details',
        care_providers: "Children's care institutions and other out-of-family care providers",
        countries: 'Countries and their membership of the 1993 Hague Adoption Convention',
      },
    },
    sections: {
      orphan_courts_in_territory: 'Orphan courts in this territory',
      care_providers_in_territory: 'Care providers in this territory',
    },
    validation: {
      digits: 'Must be exactly %{count} digits',
      upper_letters: 'Must be exactly %{count} capital Latin letters',
      phone: 'Must be a phone number such as +371 67 123 456',
      username: 'User name: 3–64 lowercase Latin letters, digits, dot, underscore or hyphen',
    },
    users: {
      send_reset_link: 'Send password reset link',
      reset_link_sent: "A link to set a password was sent to the user's e-mail",
      unlock: 'Unlock',
      unlocked: 'Account unlocked',
      revoke_sessions: 'End all sessions',
      sessions_revoked: "All the user's sessions were ended",
      reset_mfa: 'Reset second factor',
      mfa_reset: 'The second factor was removed: the user sets it up again at the next sign-in',
    },
    mfa: {
      required: 'A second factor is needed',
      verify_title: 'Two-step sign-in',
      code: 'Authentication code',
      code_help: 'The 6-digit code from your authenticator app',
      verify: 'Verify',
      use_recovery: 'Use a recovery code',
      use_code: 'Use the authenticator app',
      recovery_code: 'Recovery code',
      back: 'Back',
      enrol_title: 'Set up the second factor',
      enrol_intro:
        'Your role requires a second factor. Scan the QR code with an authenticator app, then enter the code it shows.',
      enrol_manual: 'Or enter this key in the app manually:',
      qr_alt: 'QR code for the authenticator app',
      confirm: 'Confirm',
      recovery_title: 'Recovery codes',
      recovery_intro:
        'Keep these codes in a safe place: each one signs you in once if you lose your phone. They are shown only now.',
      continue: 'Continue',
    },
    password: {
      set_title: 'Set your password',
      for_user: 'User name: %{username}',
      forgot_title: 'Forgot your password?',
      policy:
        'The password must be at least 12 characters long, must not be a commonly used password and must not contain the user name.',
      new: 'New password',
      repeat: 'New password again',
      save: 'Save password',
      mismatch: 'The passwords do not match',
      set_done: 'Password saved. You can sign in now.',
      link_invalid: 'The link is not valid: it has expired or was already used. Ask for a new one.',
      send_link: 'Send link',
      reset_sent:
        'If the account exists, a link to set a new password was sent to its e-mail address.',
      rules: {
        too_short: 'The password must be at least 12 characters long',
        common_password: 'This password is too commonly used',
        contains_username: 'The password must not contain the user name',
      },
    },
    audit: {
      history_title: 'Who has seen or changed this',
      history_all: 'All events of this record',
      history_empty: 'No events for this record yet.',
      export_csv: 'Export CSV',
      export_failed: 'The export could not be made',
      field: 'Field',
      old: 'Old value',
      new: 'New value',
      masked: 'hidden',
      no_changes: 'No changes',
      actions: {
        create: 'Create',
        update: 'Update',
        delete: 'Delete',
        read: 'View',
        list: 'List view',
        export: 'Export',
        login: 'Sign-in',
        login_failed: 'Failed sign-in',
        logout: 'Sign-out',
      },
      resources: {
        territories: 'Territories',
        'orphan-courts': 'Orphan courts',
        'care-providers': 'Care providers',
        countries: 'Countries',
        users: 'Users',
        'audit-events': 'Audit trail',
      },
    },
    enums: {
      territory_kind: {
        state_city: 'State city',
        municipality: 'Municipality',
      },
      care_provider_kind: {
        children_care_institution: "Children's care institution",
        social_care_centre: 'Social care centre',
        family_type_home: 'Family-like care service',
        crisis_centre: 'Crisis centre',
      },
      role: {
        administrator: 'Administrator',
        adoption_specialist: 'Adoption specialist',
        head_of_department: 'Head of department',
        care_institution: 'Care institution',
        orphan_court: 'Orphan court',
        analyst: 'Analyst',
        auditor: 'Auditor',
      },
    },
  },
  resources: {
    'audit-events': {
      name: 'Audit event |||| Audit trail',
      fields: {
        id: 'ID',
        occurredAt: 'Time',
        actorUserId: 'User ID',
        actorUsername: 'User',
        actorRole: 'Role',
        sessionId: 'Session',
        action: 'Action',
        resource: 'Kind of data',
        recordId: 'Record ID',
        recordIds: 'Records shown in a list',
        changes: 'Changes',
        detail: 'Details',
        requestId: 'Request ID',
        clientIp: 'IP address',
        prevHash: 'Hash of the previous event',
        hash: 'Hash',
        occurredAt_gte: 'From date',
        occurredAt_lte: 'To date',
        q: 'Search',
      },
    },
    territories: {
      name: 'Territory |||| Territories',
      fields: {
        ...timestamps,
        atvkCode: 'ATVK code',
        name: 'Name',
        kind: 'Kind',
      },
    },
    'orphan-courts': {
      name: 'Orphan court |||| Orphan courts',
      fields: {
        ...timestamps,
        name: 'Name',
        territoryId: 'Territory',
        address: 'Address',
        phone: 'Phone',
        email: 'E-mail',
      },
    },
    'care-providers': {
      name: 'Care provider |||| Care providers',
      fields: {
        ...timestamps,
        name: 'Name',
        kind: 'Kind',
        registrationNumber: 'Registration number',
        legalAddress: 'Legal address',
        territoryId: 'Territory',
        phone: 'Phone',
        email: 'E-mail',
      },
    },
    countries: {
      name: 'Country |||| Countries',
      fields: {
        id: 'ID',
        alpha2: 'Alpha-2 code',
        alpha3: 'Alpha-3 code',
        numeric: 'Numeric code',
        nameLv: 'Name in Latvian',
        nameEn: 'Name in English',
        hagueAdoption1993: 'Party to the 1993 Hague Convention',
        version: 'Version',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        displayName: 'Name',
        username: 'User name',
        email: 'E-mail',
        role: 'Role',
        careProviderId: 'Care provider',
        orphanCourtId: 'Orphan court',
        preferredLanguage: 'Language for messages',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        q: 'Search',
        ...timestamps,
      },
    },
  },
};

const en: TranslationMessages = { ...englishMessages, ...appEnglish };

export default en;
