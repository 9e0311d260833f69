import { adopterStatuses } from '../adopters/choices';
import { childStatuses } from '../children/choices';
import {
  adopterStatusMachine,
  childStatusMachine,
  nextStatuses,
  reasonRule,
  type StatusMachine,
} from './statusMachine';

describe.each([
  ['child', childStatusMachine, childStatuses],
  ['adopter', adopterStatusMachine, adopterStatuses],
] as [string, StatusMachine, readonly string[]][])('the %s state machine', (_, m, statuses) => {
  it('has the statuses of the choices, a row for each, and only known targets', () => {
    expect([...m.statuses].sort()).toEqual([...statuses].sort());
    expect(Object.keys(m.moves).sort()).toEqual([...statuses].sort());
    for (const targets of Object.values(m.moves)) {
      for (const to of Object.keys(targets)) expect(statuses).toContain(to);
    }
  });

  it('offers nothing from a final status and something from every other', () => {
    for (const s of m.statuses) expect(nextStatuses(m, s).length === 0).toBe(m.final.includes(s));
  });

  it('asks for a reason to withdraw or suspend', () => {
    for (const s of m.statuses.filter((s) => !m.final.includes(s))) {
      for (const to of ['withdrawn', 'suspended']) {
        if (to !== s) expect(reasonRule(m, s, to)).toBe('required');
      }
    }
  });
});

it.each([
  [childStatusMachine, 'record_received', 'available', 'optional'],
  [childStatusMachine, 'offered', 'available', 'required'],
  [childStatusMachine, 'best_interests_confirmed', 'permit_issued', 'optional'],
  [childStatusMachine, 'available', 'adopted', undefined],
  [childStatusMachine, 'adopted', 'available', undefined],
  [adopterStatusMachine, 'adopted', 'waiting', 'required'],
  [adopterStatusMachine, 'waiting', 'revoked', 'required'],
  [adopterStatusMachine, 'revoked', 'waiting', undefined],
] as [StatusMachine, string, string, string | undefined][])(
  'a few moves: %#',
  (m, from, to, rule) => {
    expect(reasonRule(m, from, to)).toBe(rule);
  },
);

it('lists the next statuses in the order of the status list', () => {
  expect(nextStatuses(childStatusMachine, 'best_interests_confirmed')).toEqual([
    'permit_issued',
    'adopted',
    'not_consenting',
    'suspended',
    'withdrawn',
  ]);
});
