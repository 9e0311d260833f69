/**
 * Status machines of the person registers (brief section 6): which status may follow which, and
 * whether the move needs a written reason. A table is a list of rows `[from, to, reason]` read
 * like the brief; side states (suspension, withdrawal…) are added for every non-final status.
 * Pure: the routes (people/status-routes.ts) and the tests read the same table.
 */

/** `required`: the specialist must write why (it is kept in the status history). */
export type ReasonRule = 'required' | 'optional';

export type MoveRow<S extends string> = readonly [from: S, to: S, reason: ReasonRule];

export interface StatusMachine<S extends string> {
  statuses: readonly S[];
  /** Statuses nothing leaves. */
  final: readonly S[];
  /** from → to → whether a reason is required. */
  moves: Readonly<Record<S, Readonly<Partial<Record<S, ReasonRule>>>>>;
}

/**
 * Builds a machine from the main rows and the side moves allowed from every non-final status
 * (except to itself). A side row listed in `rows` too keeps the stricter reason rule.
 */
export function statusMachine<S extends string>(spec: {
  statuses: readonly S[];
  final: readonly S[];
  rows: readonly MoveRow<S>[];
  fromAnyNonFinal: readonly (readonly [to: S, reason: ReasonRule])[];
}): StatusMachine<S> {
  const moves = Object.fromEntries(spec.statuses.map((s) => [s, {}])) as Record<
    S,
    Partial<Record<S, ReasonRule>>
  >;
  const add = (from: S, to: S, reason: ReasonRule) => {
    if (spec.final.includes(from)) throw new Error(`final status ${from} cannot have moves`);
    if (from === to) throw new Error(`no move from ${from} to itself`);
    const before = moves[from][to];
    moves[from][to] = before === 'required' ? before : reason;
  };
  for (const [from, to, reason] of spec.rows) add(from, to, reason);
  for (const from of spec.statuses) {
    if (spec.final.includes(from)) continue;
    for (const [to, reason] of spec.fromAnyNonFinal) if (to !== from) add(from, to, reason);
  }
  return { statuses: spec.statuses, final: spec.final, moves };
}

/** The statuses that may follow `from`, in the order of the status list. */
export function nextStatuses<S extends string>(m: StatusMachine<S>, from: S): S[] {
  return m.statuses.filter((to) => m.moves[from]?.[to] !== undefined);
}

/** `undefined` when the move is not allowed. */
export function reasonRule<S extends string>(
  m: StatusMachine<S>,
  from: S,
  to: S,
): ReasonRule | undefined {
  return m.moves[from]?.[to];
}
