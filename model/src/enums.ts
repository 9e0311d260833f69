/*
 * The register's enumerations: the values the API accepts and answers, in the order the console
 * offers them (and the OpenAPI document lists them). Labels are in ./labels.ts.
 */

/** Roles of the register's users (lomas). */
export const roles = [
  'administrator', // system administrator (administrators)
  'adoption_specialist', // LM Children and Family Policy Dept. specialist (adopcijas speciālists)
  'head_of_department', // approves overrides, signs letters (nodaļas vadītājs)
  'care_institution', // care institution, foster family, guardian (aprūpes iestāde)
  'orphan_court', // orphan court (bāriņtiesa)
  'analyst', // statistics, aggregated data only (analītiķis)
  'auditor', // data-protection officer / auditor: audit trail only (auditors)
] as const;
export type Role = (typeof roles)[number];

/** Languages of the console, the letters and the exported files. */
export const languages = ['lv', 'en'] as const;
export type Language = (typeof languages)[number];

// The child's card (bērna kartīte).

/** The child's way through the register, in the order a case usually goes. */
export const childStatuses = [
  'record_received', // uzskaites lapa saņemta
  'available', // var piedāvāt adoptētājiem
  'offered', // informācija nosūtīta vienam adoptētājam
  'getting_acquainted', // iepazīšanās
  'pre_adoption_care', // pirmsadopcijas aprūpe
  'best_interests_confirmed', // bāriņtiesa atzinusi adopciju bērna interesēs
  'permit_issued', // ministra atļauja adopcijai uz ārvalstīm
  'adopted',
  'not_consenting', // bērns nepiekrīt adopcijai
  'suspended',
  'withdrawn', // izslēgts no reģistra bez adopcijas
] as const;
export type ChildStatus = (typeof childStatuses)[number];

export const sexes = ['female', 'male'] as const;
export type Sex = (typeof sexes)[number];
export const nationalityKinds = ['citizen', 'non_citizen', 'foreigner', 'stateless'] as const;
/** Out-of-family care form (ārpusģimenes aprūpes forma). */
export const careForms = ['care_institution', 'foster_family', 'guardianship'] as const;
/** Disability as VDEĀVK determines it: under 18 without a group (`child`), adults I–III. */
export const disabilityGroups = ['child', 'I', 'II', 'III'] as const;
export const consents = ['given', 'refused'] as const;
/** Members of the birth family the record sheet lists (Reg. 794 point 3). */
export const relativeKinds = [
  'mother',
  'father',
  'sister',
  'brother',
  'half_sister',
  'half_brother',
  'grandmother',
  'grandfather',
  'other',
] as const;

// The adopter (adoptētājs).

export const adopterStatuses = [
  'registered', // reģistrēts (rindas datums)
  'waiting',
  'information_received', // saņēmis informāciju par bērnu
  'getting_acquainted',
  'pre_adoption_care',
  'adopted',
  'closed',
  'suspended',
  'status_expired',
  'revoked',
  'withdrawn',
] as const;
export type AdopterStatus = (typeof adopterStatuses)[number];
export const adopterOrigins = ['latvian', 'foreign'] as const;
export const wishedSexes = ['female', 'male', 'any'] as const;
/** Health conditions and disabilities an adopter declares acceptable. */
export const healthAcceptances = [
  'minor_conditions',
  'chronic_illness',
  'developmental_delay',
  'disability',
  'infectious_disease',
] as const;

/** How an adopter answers each need of a child (graded wishes, not yes/no). */
export const needAnswers = [
  'can_meet', // var nodrošināt
  'consider', // varētu apsvērt (with a written note)
  'cannot_meet', // nevar nodrošināt
] as const;
export type NeedAnswer = (typeof needAnswers)[number];

// Selection and the adoption process (atlase, piedāvājumi).

/** The offer's way (brief section 6): one adopter, one child or sibling group. */
export const offerStatuses = [
  'draft',
  'sent', // informācija par bērnu nosūtīta
  'accepted_to_meet', // piekrīt iepazīties
  'declined', // atteicās (reason)
  'expired', // no answer by the deadline
  'meeting_referral_issued', // nosūtījums iepazīties
  'care_decision', // bāriņtiesas lēmums par pirmsadopcijas aprūpi
  'care_terminated',
  'best_interests_decision', // bāriņtiesa atzīst adopciju bērna interesēs
  'permit_issued', // ministra atļauja adopcijai uz ārvalstīm
  'court_approved', // tiesa apstiprina adopciju
  'closed',
  'withdrawn', // withdrawn before an answer, or the acquaintance ended without a care decision
] as const;
export type OfferStatus = (typeof offerStatuses)[number];
/** Offer statuses that hold the child and the adopter (the partial unique indexes' `live`). */
export const liveOfferStatuses: readonly OfferStatus[] = [
  'draft',
  'sent',
  'accepted_to_meet',
  'meeting_referral_issued',
  'care_decision',
  'best_interests_decision',
  'permit_issued',
];
export const selectionDirections = ['for_adopter', 'for_child', 'for_group'] as const;
export const overrideStatuses = ['pending', 'approved', 'refused', 'used', 'withdrawn'] as const;
export const deadlineKinds = [
  'answer', // adoptētāja atbilde
  'pre_adoption_care', // pirmsadopcijas aprūpes ilgums
  'court_claim', // prasības iesniegšana tiesā
  'permit_issue', // atļaujas izsniegšana (one month)
  'permit_validity', // atļaujas derīgums (three months)
  'post_adoption_report', // pēcadopcijas ziņojums
] as const;
export const deadlineStatuses = ['open', 'overdue', 'done', 'cancelled'] as const;
export const jobRunStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const campaignStatuses = ['draft', 'sent'] as const;

// Classifiers.

export const territoryKinds = ['state_city', 'municipality'] as const;
export const careProviderKinds = [
  'children_care_institution',
  'social_care_centre',
  'family_type_home',
  'crisis_centre',
] as const;
export type CareProviderKind = (typeof careProviderKinds)[number];

// Change requests (izmaiņu pieprasījumi).

export const changeRequestResources = ['children', 'adopters', 'sibling-groups'] as const;
export type ChangeRequestResource = (typeof changeRequestResources)[number];
export const changeRequestKinds = ['create', 'update'] as const;
export type ChangeRequestKind = (typeof changeRequestKinds)[number];
export const changeRequestStatuses = [
  'pending',
  'accepted',
  'partially_accepted',
  'returned',
  'withdrawn',
] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

// Outgoing mail and the audit trail.

/** Outbox statuses, in the order a mail passes through them. */
export const outboxStatuses = ['queued', 'published', 'sent', 'failed', 'dead_lettered'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** The mail templates (the API's `mailTemplates` has exactly these). */
export const mailTemplateNames = [
  'set-password',
  'reset-password',
  'account-locked',
  'child-information-ready',
  'offer-deadline-approaching',
  'report-due',
  'change-request-accepted',
  'change-request-returned',
  'smoke-test',
  'deadline-reminder',
  'post-adoption-report-due',
  'adopter-notice',
  'register-differences-summary',
] as const;
export type MailTemplateName = (typeof mailTemplateNames)[number];

/** Actions the audit trail records, as its filter offers them (the API accepts any lowercase name). */
export const auditActions = [
  'create',
  'update',
  'delete',
  'read',
  'list',
  'export',
  'login',
  'login_failed',
  'logout',
  'logout_all',
  'account_locked',
  'mfa_failed',
  'mfa_enrolled',
  'recovery_code_used',
  'mfa_recovery_codes_renewed',
  'session_reuse_detected',
  'password_changed',
  'set_password',
  'request_reset_link',
  'send_reset_link',
  'unlock',
  'revoke_sessions',
  'reset_mfa',
  'retry',
  'status_change',
  'attach',
  'detach',
  'select',
  'propose',
  'move',
  'approve',
  'refuse',
  'send',
  'cancel',
  'run',
  'register_query',
  'register_note',
  'assign',
  'resolve',
] as const;

/** Resources that write to the audit trail. */
export const auditResources = [
  'children',
  'adopters',
  'territories',
  'orphan-courts',
  'care-providers',
  'countries',
  'users',
  'sessions',
  'audit-events',
  'outgoing-mail',
  'sibling-groups',
  'change-requests',
  'selections',
  'selection-parameters',
  'offers',
  'override-requests',
  'mail-campaigns',
  'jobs',
  'registers',
  'register-differences',
] as const;

// The nightly reconciliation's work queue (registers/, docs/integrations.md).

/** What kind of difference a queue item is (the queue's filter). */
export const registerDifferenceKinds = [
  'names', // vārds, uzvārds
  'birth', // dzimšanas datums
  'sex',
  'address', // deklarētā adrese
  'death', // miršanas fakts
  'spouse', // laulātais
  'disability', // invaliditāte (VDEĀVK)
  'not_found', // reģistrs personu nepazīst
] as const;
export type RegisterDifferenceKind = (typeof registerDifferenceKinds)[number];
/** How ours and the register's value stand (as the card's register check says it). */
export const registerDifferenceStates = [
  'different',
  'missing_ours',
  'missing_theirs',
  'not_found',
] as const;
export const registerDifferenceStatuses = ['open', 'resolved'] as const;
/** taken: the register's value went into the card; explained: a reason why ours differs;
 * gone: a later reconciliation found no difference any more. */
export const registerDifferenceResolutions = ['taken', 'explained', 'gone'] as const;

/** The statistics' age bands (years completed on the reference date). */
export const ageBands = ['0-2', '3-6', '7-9', '10-13', '14-17', '18+'] as const;
export type AgeBand = (typeof ageBands)[number];
