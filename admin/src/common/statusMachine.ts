/**
 * The register's state machines, as the API enforces them (`GET /api/status-machines`, from
 * backend/src/children/status.ts and backend/src/adopters/status.ts): the console offers exactly
 * the moves the API allows and keeps no copy of the tables (`useStatusMachine`).
 */
export type ReasonRule = 'required' | 'optional';

export interface StatusMachine {
  statuses: readonly string[];
  final: readonly string[];
  /** from → to → whether the move needs a written reason. */
  moves: Record<string, Record<string, ReasonRule>>;
}

/** The statuses that may follow `from`, in the order of the status list. */
export const nextStatuses = (m: StatusMachine, from: string): string[] =>
  m.statuses.filter((to) => m.moves[from]?.[to] !== undefined);

/** Whether the move needs a reason (undefined: not allowed). */
export const reasonRule = (m: StatusMachine, from: string, to: string): ReasonRule | undefined =>
  m.moves[from]?.[to];
