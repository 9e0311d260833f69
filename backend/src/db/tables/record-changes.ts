import type { ColumnType, Generated } from 'kysely';
import type { Json } from './audit-events';

/** 'register': a value taken from an external register (registers/take.ts). */
export const changeSources = ['create', 'update', 'change_request', 'status', 'register'] as const;
export type ChangeSource = (typeof changeSources)[number];

/** `{"field":{"old":…,"new":…}}` with the real values (the audit trail masks some). */
export type FieldChanges = Record<string, { old?: Json; new?: Json }>;

/** One change of a person record's fields: the card's history timeline. */
export interface RecordChangesTable {
  id: Generated<string>;
  resource: 'children' | 'adopters';
  recordId: number;
  /** The record's version after the change. */
  version: number;
  source: ChangeSource;
  changeRequestId: number | null;
  changes: ColumnType<FieldChanges, string, never>;
  changedBy: number;
  changedAt: ColumnType<Date, never, never>;
}
