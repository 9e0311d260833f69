import type { ColumnType, Generated } from 'kysely';
import type {
  registerDifferenceKinds,
  registerDifferenceResolutions,
  registerDifferenceStates,
} from '@adoption/model';

// The nightly reconciliation's work queue: migration 0028-register-differences
// (registers/reconcile.ts, registers/differences-routes.ts).

export interface RegisterDifferencesTable {
  id: Generated<number>;
  resource: 'children' | 'adopters';
  recordId: number;
  register: 'population' | 'disability';
  /** The compared field (registers/compare.ts); `person` for a person the register does not know. */
  field: string;
  kind: (typeof registerDifferenceKinds)[number];
  state: (typeof registerDifferenceStates)[number];
  ours: string | null;
  theirs: string | null;
  status: ColumnType<'open' | 'resolved', 'open' | 'resolved' | undefined>;
  foundRunId: number | null;
  foundAt: ColumnType<Date, Date | undefined, Date>;
  seenRunId: number | null;
  seenAt: ColumnType<Date, Date | undefined, Date>;
  assignedTo: number | null;
  assignedAt: Date | null;
  resolution: (typeof registerDifferenceResolutions)[number] | null;
  resolutionReason: string | null;
  /** Who resolved it; null with resolution `gone`: a reconciliation found it no longer differs. */
  resolvedBy: number | null;
  resolvedAt: Date | null;
  version: ColumnType<number, number | undefined, number>;
}
