/**
 * db/: the database layer — the Kysely `Database` interface (this file; one table type per file in
 * tables/), `AnyQuery`, connections to PostgreSQL or PGlite, the migrator, availability (503 when
 * the database is away), transactions with onCommit, secret-box encryption at rest. The migrations
 * themselves are the migrations/ package; what a table means belongs to its domain folder.
 */
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { TerritoriesTable } from './tables/territories';
import type { OrphanCourtsTable } from './tables/orphan-courts';
import type { CareProvidersTable } from './tables/care-providers';
import type { CountriesTable } from './tables/countries';
import type { UsersTable } from './tables/users';
import type { AuditEventsTable } from './tables/audit-events';
import type { RefreshTokensTable, SessionsTable } from './tables/sessions';
import type { OneTimeTokensTable } from './tables/one-time-tokens';
import type { OutboxTable } from './tables/outbox';
import type { RecoveryCodesTable } from './tables/recovery-codes';
import type { ChildrenTable } from './tables/children';
import type { AdoptersTable } from './tables/adopters';
import type { AdopterStatusChangesTable, ChildStatusChangesTable } from './tables/status-changes';
import type { SiblingGroupsTable } from './tables/sibling-groups';
import type { ChildAttachmentsTable } from './tables/child-attachments';
import type { RecordChangesTable } from './tables/record-changes';
import type { ChangeRequestsTable } from './tables/change-requests';
import type {
  DeadlinesTable,
  OfferChildrenTable,
  OfferEventsTable,
  OffersTable,
  OverrideRequestsTable,
  SelectionParametersTable,
  SelectionRunsTable,
} from './tables/selection';
import type { JobRunsTable, MailCampaignRecipientsTable, MailCampaignsTable } from './tables/jobs';
import type { RegisterAnswersTable } from './tables/register-answers';
import type { RegisterNotesTable } from './tables/register-notes';
import type { RegisterDifferencesTable } from './tables/register-differences';

/** The typed schema: one table type per file under ./tables (camelCase; snake_case in SQL). */
export interface Database {
  territories: TerritoriesTable;
  orphanCourts: OrphanCourtsTable;
  careProviders: CareProvidersTable;
  countries: CountriesTable;
  users: UsersTable;
  auditEvents: AuditEventsTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  oneTimeTokens: OneTimeTokensTable;
  outbox: OutboxTable;
  recoveryCodes: RecoveryCodesTable;
  children: ChildrenTable;
  adopters: AdoptersTable;
  childStatusChanges: ChildStatusChangesTable;
  adopterStatusChanges: AdopterStatusChangesTable;
  siblingGroups: SiblingGroupsTable;
  childAttachments: ChildAttachmentsTable;
  recordChanges: RecordChangesTable;
  changeRequests: ChangeRequestsTable;
  selectionParameters: SelectionParametersTable;
  selectionRuns: SelectionRunsTable;
  overrideRequests: OverrideRequestsTable;
  offers: OffersTable;
  offerChildren: OfferChildrenTable;
  offerEvents: OfferEventsTable;
  deadlines: DeadlinesTable;
  jobRuns: JobRunsTable;
  mailCampaigns: MailCampaignsTable;
  mailCampaignRecipients: MailCampaignRecipientsTable;
  registerAnswers: RegisterAnswersTable;
  registerNotes: RegisterNotesTable;
  registerDifferences: RegisterDifferencesTable;
}

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * A select over a table chosen at run time (list filters, record scopes): Kysely cannot type it,
 * the record schemas keep the answers honest.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuery = SelectQueryBuilder<any, any, any>;
