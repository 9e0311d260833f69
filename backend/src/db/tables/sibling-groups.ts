import type { RecordColumns } from './common';

/**
 * Brothers and sisters kept together (brāļi un māsas); members point here with
 * `children.siblingGroupId`. The separation decision is all set when `mayBeSeparated`, else null.
 */
export interface SiblingGroupsTable extends RecordColumns {
  note: string | null;
  /** An orphan court decided the children may be adopted separately. */
  mayBeSeparated: boolean;
  separationOrphanCourtId: number | null;
  separationDecisionNumber: string | null;
  separationDecisionDate: string | null;
}
