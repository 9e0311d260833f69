import type { ColumnType, Generated } from 'kysely';
import type { ChildStatus } from './children';
import type { AdopterStatus } from './adopters';

/** One move of a person record's status (append-only history, newest by `changedOn`, `id`). */
interface StatusChangeColumns<S extends string> {
  id: Generated<number>;
  fromStatus: S;
  toStatus: S;
  /** The date the change happened (may be before the day it was recorded). */
  changedOn: string;
  /** Why (required for some moves, see children/status.ts, adopters/status.ts). */
  reason: string | null;
  /** The user who recorded it. */
  changedBy: number;
  createdAt: ColumnType<Date, never, never>;
}

export interface ChildStatusChangesTable extends StatusChangeColumns<ChildStatus> {
  childId: number;
}

export interface AdopterStatusChangesTable extends StatusChangeColumns<AdopterStatus> {
  adopterId: number;
}
