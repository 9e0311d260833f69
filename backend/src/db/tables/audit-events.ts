import type { ColumnType, Generated } from 'kysely';

/** JSON as stored in a jsonb column. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * One entry of the audit trail (audita notikums). Append-only: the database refuses UPDATE,
 * DELETE and TRUNCATE. `hash` = SHA-256 over the canonical content and `prevHash` (audit/chain.ts).
 */
export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: ColumnType<Date, Date | string | undefined, never>;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  sessionId: string | null;
  /** create, update, delete, read, list, export, login, login_failed, logout, … */
  action: string;
  /** Resource name as in the URL, e.g. `orphan-courts`. */
  resource: string;
  recordId: string | null;
  /** Ids a list page showed (strings). */
  recordIds: ColumnType<string[] | null, string | null, never>;
  /** `{"field":{"old":…,"new":…}}`, sensitive values masked. */
  changes: ColumnType<Record<string, { old?: Json; new?: Json }> | null, string | null, never>;
  detail: ColumnType<Record<string, Json> | null, string | null, never>;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
  hash: string;
}
