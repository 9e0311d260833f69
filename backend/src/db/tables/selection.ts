import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  deadlineKinds,
  deadlineStatuses,
  OfferStatus,
  overrideStatuses,
  selectionDirections,
} from '@adoption/model';

// Selection and the adoption process: migration 0020-selection-and-offers.

type Created = ColumnType<Date, never, never>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

/** Versioned selection parameters: a new row per change (the id is the version). */
export interface SelectionParametersTable {
  id: Generated<number>;
  values: Json<Record<string, unknown>>;
  note: string | null;
  createdBy: number | null;
  createdAt: Created;
}

/** A stored selection run: who, when, the parameters' version, inputs and the whole result. */
export interface SelectionRunsTable {
  id: Generated<number>;
  direction: (typeof selectionDirections)[number];
  adopterId: number | null;
  childId: number | null;
  siblingGroupId: number | null;
  runOn: string;
  parametersVersion: number;
  inputs: Json<Record<string, unknown>>;
  /** The stored form (selection/stored.ts): `expandResult` gives the engine's result back. */
  result: Json<Record<string, unknown>>;
  /** What an offer checks against the run (selection/stored.ts `ProposedIndex`); null before 0025. */
  proposed: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  proposedCount: number;
  createdBy: number;
  createdAt: Created;
}

/** Proposing a child outside the result: a specialist's reasoned request, a head's decision. */
export interface OverrideRequestsTable {
  id: Generated<number>;
  adopterId: number;
  childIds: Json<number[]>;
  siblingGroupId: number | null;
  selectionRunId: number | null;
  reason: string;
  status: ColumnType<
    (typeof overrideStatuses)[number],
    (typeof overrideStatuses)[number] | undefined
  >;
  requestedBy: number;
  decidedBy: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  version: Generated<number>;
  createdAt: Created;
  updatedAt: ColumnType<Date, never, Date>;
}

/** The offer (piedāvājums): one adopter, one child or sibling group. */
export interface OffersTable {
  id: Generated<number>;
  adopterId: number;
  siblingGroupId: number | null;
  status: ColumnType<OfferStatus, OfferStatus | undefined, OfferStatus>;
  /** Holds the child and the adopter (partial unique indexes); false once the offer has ended. */
  live: ColumnType<boolean, boolean | undefined, boolean>;
  selectionRunId: number | null;
  overrideRequestId: number | null;
  foreignAdoption: ColumnType<boolean, boolean | undefined, boolean>;
  sentOn: string | null;
  answerBy: string | null;
  closedOn: string | null;
  outcomeReason: string | null;
  createdBy: number;
  version: Generated<number>;
  createdAt: Created;
  updatedAt: ColumnType<Date, never, Date>;
}

export interface OfferChildrenTable {
  offerId: number;
  childId: number;
  live: ColumnType<boolean, boolean | undefined, boolean>;
}

/** The offer's timeline. */
export interface OfferEventsTable {
  id: Generated<number>;
  offerId: number;
  fromStatus: OfferStatus | null;
  toStatus: OfferStatus;
  happenedOn: string;
  reason: string | null;
  detail: Json<Record<string, unknown>> | null;
  createdBy: number;
  createdAt: Created;
}

export interface DeadlinesTable {
  id: Generated<number>;
  kind: (typeof deadlineKinds)[number];
  offerId: number | null;
  childId: number | null;
  adopterId: number | null;
  dueOn: string;
  status: ColumnType<
    (typeof deadlineStatuses)[number],
    (typeof deadlineStatuses)[number] | undefined
  >;
  remindedOn: string | null;
  doneOn: string | null;
  note: string | null;
  version: Generated<number>;
  createdAt: Created;
  updatedAt: ColumnType<Date, never, Date>;
}
