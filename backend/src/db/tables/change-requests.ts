import type { ColumnType } from 'kysely';
import type { Json } from './audit-events';
import type { RecordColumns } from './common';
import type {
  ChangeRequestKind,
  ChangeRequestResource,
  ChangeRequestStatus,
} from '@adoption/model';

export {
  changeRequestKinds,
  changeRequestResources,
  changeRequestStatuses,
  type ChangeRequestKind,
  type ChangeRequestResource,
  type ChangeRequestStatus,
} from '@adoption/model';

/** `{field: value}` as the resource's input schema parsed it (or as the record held it). */
export type FieldValues = Record<string, Json>;

/**
 * A proposal of a care institution or an orphan court (izmaiņu pieprasījums): new values of some
 * fields of a record, or a whole new record, waiting for an adoption specialist's decision.
 */
export interface ChangeRequestsTable extends RecordColumns {
  resource: ChangeRequestResource;
  kind: ChangeRequestKind;
  /** The record an update is about; null for a new record. */
  recordId: number | null;
  proposedBy: number;
  /** The proposer's organisation (its users see the request). */
  careProviderId: number | null;
  orphanCourtId: number | null;
  proposed: ColumnType<FieldValues, string, never>;
  /** The record's values of the proposed fields when proposed (null for a new record). */
  valuesAtProposal: ColumnType<FieldValues | null, string | null, never>;
  comment: string | null;
  status: ColumnType<ChangeRequestStatus, ChangeRequestStatus | undefined, ChangeRequestStatus>;
  acceptedFields: ColumnType<string[] | null, never, string>;
  decisionComment: string | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  /** The record an accepted `create` made. */
  createdRecordId: number | null;
}
