/**
 * The register's state machines as the console offers them (mirrors backend/src/children/status.ts
 * and backend/src/adopters/status.ts; the API refuses any other move and says which are allowed).
 * Rows are `[from, to, reason]`; the side moves apply to every non-final status.
 */
export type ReasonRule = 'required' | 'optional';
type Row = readonly [from: string, to: string, reason: ReasonRule];

export interface StatusMachine {
  statuses: readonly string[];
  final: readonly string[];
  moves: Record<string, Record<string, ReasonRule>>;
}

const machine = (
  statuses: readonly string[],
  final: readonly string[],
  rows: readonly Row[],
  fromAnyNonFinal: readonly (readonly [to: string, reason: ReasonRule])[],
): StatusMachine => {
  const moves: Record<string, Record<string, ReasonRule>> = Object.fromEntries(
    statuses.map((s) => [s, {}]),
  );
  const add = (from: string, to: string, reason: ReasonRule) => {
    if (from === to || final.includes(from)) return;
    moves[from]![to] = moves[from]![to] === 'required' ? 'required' : reason;
  };
  for (const [from, to, reason] of rows) add(from, to, reason);
  for (const from of statuses) for (const [to, reason] of fromAnyNonFinal) add(from, to, reason);
  return { statuses, final, moves };
};

// prettier-ignore
export const childStatusMachine = machine(
  ['record_received', 'available', 'offered', 'getting_acquainted', 'pre_adoption_care',
   'best_interests_confirmed', 'permit_issued', 'adopted', 'not_consenting', 'suspended', 'withdrawn'],
  ['adopted', 'withdrawn'],
  [
    ['record_received',          'available',                'optional'],
    ['available',                'offered',                  'optional'],
    ['offered',                  'available',                'required'],
    ['offered',                  'getting_acquainted',       'optional'],
    ['getting_acquainted',       'pre_adoption_care',        'optional'],
    ['getting_acquainted',       'available',                'required'],
    ['pre_adoption_care',        'best_interests_confirmed', 'optional'],
    ['pre_adoption_care',        'available',                'required'],
    ['best_interests_confirmed', 'permit_issued',            'optional'],
    ['best_interests_confirmed', 'adopted',                  'optional'],
    ['permit_issued',            'adopted',                  'optional'],
    ['not_consenting',           'available',                'required'],
    ['suspended',                'available',                'required'],
    ['suspended',                'record_received',          'required'],
  ],
  [['not_consenting', 'required'], ['suspended', 'required'], ['withdrawn', 'required']],
);

// prettier-ignore
export const adopterStatusMachine = machine(
  ['registered', 'waiting', 'information_received', 'getting_acquainted', 'pre_adoption_care',
   'adopted', 'closed', 'suspended', 'status_expired', 'revoked', 'withdrawn'],
  ['closed', 'revoked', 'withdrawn'],
  [
    ['registered',           'waiting',              'optional'],
    ['waiting',              'information_received', 'optional'],
    ['information_received', 'getting_acquainted',   'optional'],
    ['information_received', 'waiting',              'required'],
    ['getting_acquainted',   'pre_adoption_care',    'optional'],
    ['getting_acquainted',   'waiting',              'required'],
    ['pre_adoption_care',    'adopted',              'optional'],
    ['pre_adoption_care',    'waiting',              'required'],
    ['adopted',              'waiting',              'required'],
    ['adopted',              'closed',               'optional'],
    ['suspended',            'waiting',              'required'],
    ['status_expired',       'waiting',              'required'],
  ],
  [['suspended', 'required'], ['status_expired', 'optional'], ['revoked', 'required'],
   ['withdrawn', 'required']],
);

export const statusMachines: Record<'children' | 'adopters', StatusMachine> = {
  children: childStatusMachine,
  adopters: adopterStatusMachine,
};

/** The statuses that may follow `from`, in the order of the status list. */
export const nextStatuses = (m: StatusMachine, from: string): string[] =>
  m.statuses.filter((to) => m.moves[from]?.[to] !== undefined);

/** Whether the move needs a reason (undefined: not allowed). */
export const reasonRule = (m: StatusMachine, from: string, to: string): ReasonRule | undefined =>
  m.moves[from]?.[to];
