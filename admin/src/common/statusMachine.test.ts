import { nextStatuses, reasonRule, type StatusMachine } from './statusMachine';

// The helpers over a machine as `GET /api/status-machines` answers it (the tables themselves are
// tested in the backend: children/status.test.ts, adopters/status.test.ts).
const machine: StatusMachine = {
  statuses: ['registered', 'waiting', 'adopted', 'suspended', 'withdrawn'],
  final: ['withdrawn'],
  moves: {
    registered: { waiting: 'optional', suspended: 'required', withdrawn: 'required' },
    waiting: { adopted: 'optional', suspended: 'required', withdrawn: 'required' },
    adopted: { waiting: 'required', suspended: 'required', withdrawn: 'required' },
    suspended: { waiting: 'required', withdrawn: 'required' },
    withdrawn: {},
  },
};

it('lists the next statuses in the order of the status list, none from a final one', () => {
  expect(nextStatuses(machine, 'adopted')).toEqual(['waiting', 'suspended', 'withdrawn']);
  expect(nextStatuses(machine, 'withdrawn')).toEqual([]);
  expect(nextStatuses(machine, 'unknown')).toEqual([]);
});

it.each([
  ['registered', 'waiting', 'optional'],
  ['adopted', 'waiting', 'required'],
  ['registered', 'adopted', undefined],
  ['withdrawn', 'waiting', undefined],
])('%s → %s needs a reason: %s', (from, to, rule) => {
  expect(reasonRule(machine, from, to)).toBe(rule);
});
