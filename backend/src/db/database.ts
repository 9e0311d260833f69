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
}

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * A select on a table chosen at run time (lists, record scopes, filters): Kysely cannot type it,
 * so the resource's record schema keeps the output honest.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyQuery = SelectQueryBuilder<any, any, any>;
