import { childStatusMachine } from '../children/status';
import { adopterStatusMachine } from '../adopters/status';
import { nextStatuses, reasonRule, statusMachine, type StatusMachine } from './status-machine';

function reachable<S extends string>(m: StatusMachine<S>, from: S): Set<S> {
  const seen = new Set<S>([from]);
  const queue = [from];
  while (queue.length) {
    for (const to of nextStatuses(m, queue.shift()!)) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

describe.each([
  ['child', childStatusMachine, 'record_received', ['available', 'record_received']],
  ['adopter', adopterStatusMachine, 'registered', ['waiting']],
] as const)('the %s status machine', (_, m, initial, backStatuses) => {
  const machine = m as StatusMachine<string>;

  it('has a row for every status and only known statuses', () => {
    expect(Object.keys(machine.moves).sort()).toEqual([...machine.statuses].sort());
    for (const targets of Object.values(machine.moves)) {
      for (const to of Object.keys(targets)) expect(machine.statuses).toContain(to);
    }
  });

  it('lets nothing leave a final status and something leave every other', () => {
    for (const s of machine.statuses) {
      expect(nextStatuses(machine, s).length === 0).toBe(machine.final.includes(s));
    }
  });

  it('reaches every status from the first one, and a final status from every status', () => {
    expect([...reachable(machine, initial)].sort()).toEqual([...machine.statuses].sort());
    for (const s of machine.statuses) {
      expect([...reachable(machine, s)].some((r) => machine.final.includes(r))).toBe(true);
    }
  });

  it('requires a reason for closing, suspending and every move back', () => {
    for (const [from, targets] of Object.entries(machine.moves)) {
      for (const [to, rule] of Object.entries(targets)) {
        const back = backStatuses.includes(to as never) && from !== initial;
        if (back || ['withdrawn', 'suspended', 'revoked', 'not_consenting'].includes(to)) {
          expect([from, to, rule]).toEqual([from, to, 'required']);
        }
      }
    }
  });
});

describe('child moves', () => {
  it.each([
    ['record_received', 'available', 'optional'],
    ['offered', 'available', 'required'],
    ['offered', 'getting_acquainted', 'optional'],
    ['pre_adoption_care', 'available', 'required'],
    ['best_interests_confirmed', 'permit_issued', 'optional'],
    ['permit_issued', 'adopted', 'optional'],
    ['suspended', 'record_received', 'required'],
    ['getting_acquainted', 'withdrawn', 'required'],
    ['suspended', 'not_consenting', 'required'],
  ] as const)('allows %s → %s (reason %s)', (from, to, rule) => {
    expect(reasonRule(childStatusMachine, from, to)).toBe(rule);
  });

  it.each([
    ['record_received', 'offered'],
    ['available', 'adopted'],
    ['adopted', 'available'],
    ['withdrawn', 'available'],
    ['not_consenting', 'record_received'],
    ['available', 'available'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(reasonRule(childStatusMachine, from, to)).toBeUndefined();
  });
});

describe('adopter moves', () => {
  it('lists the next statuses in the order of the status list', () => {
    expect(nextStatuses(adopterStatusMachine, 'adopted')).toEqual([
      'waiting',
      'closed',
      'suspended',
      'status_expired',
      'revoked',
      'withdrawn',
    ]);
  });

  it.each([
    ['closed', 'waiting'],
    ['revoked', 'waiting'],
    ['registered', 'adopted'],
    ['waiting', 'getting_acquainted'],
    ['status_expired', 'information_received'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(reasonRule(adopterStatusMachine, from, to)).toBeUndefined();
  });
});

it('refuses a table with a move out of a final status or to itself', () => {
  const build = (rows: [string, string][]) =>
    statusMachine({
      statuses: ['a', 'b'],
      final: ['b'],
      rows: rows.map(([f, t]) => [f, t, 'optional'] as const),
      fromAnyNonFinal: [],
    });
  expect(() => build([['b', 'a']])).toThrow(/final/);
  expect(() => build([['a', 'a']])).toThrow(/itself/);
});
