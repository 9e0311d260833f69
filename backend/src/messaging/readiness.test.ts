import { messagingChecks, type MessagingFacts } from './readiness';

// When a relay or mail worker says it is not ready, and why.

const now = 1_000_000;
const base: MessagingFacts = {
  now,
  stallMs: 60_000,
  broker: { connected: true },
  worker: { channel: true, consuming: true, paused: {}, waiting: 0, lastProgressAt: now - 1000 },
  relay: { queuedRows: 0, lastRelayAt: now - 1000 },
};
const failing = (c: Record<string, string>) =>
  Object.entries(c).filter(([, v]) => v.startsWith('failing'));

it('is ready while connected, consuming and keeping up', () => {
  expect(failing(messagingChecks(base))).toEqual([]);
  expect(messagingChecks(base).worker).toBe('ok (consuming, 0 waiting)');
});

it.each<[string, Partial<MessagingFacts>, string, RegExp]>([
  [
    'no broker connection',
    { broker: { connected: false, lastError: 'ECONNREFUSED' } },
    'broker',
    /ECONNREFUSED/,
  ],
  [
    'no channel',
    { worker: { ...base.worker!, channel: false, consuming: false } },
    'worker',
    /no channel/,
  ],
  ['not consuming', { worker: { ...base.worker!, consuming: false } }, 'worker', /not consuming/],
  [
    'paused: the mail server is away',
    { worker: { ...base.worker!, consuming: false, paused: { smtp: '451 busy' } } },
    'worker',
    /paused, mail server away \(451 busy\)/,
  ],
  [
    'stalled: messages wait, none handled for a minute',
    { worker: { ...base.worker!, waiting: 12, lastProgressAt: now - 61_000 } },
    'worker',
    /12 messages wait and none was handled for 61 s/,
  ],
  [
    'relay stalled',
    { relay: { queuedRows: 40, lastRelayAt: now - 90_000 } },
    'relay',
    /40 outbox rows wait and nothing was published for 90 s/,
  ],
  [
    'in-process, mail server away',
    {
      broker: undefined,
      worker: undefined,
      relay: undefined,
      local: { smtp: 'open', reason: 'refused' },
    },
    'delivery',
    /mail server away \(refused\)/,
  ],
])('is unready when %s', (_, over, check, text) => {
  const checks = messagingChecks({ ...base, ...over });
  expect(failing(checks).map(([k]) => k)).toEqual([check]);
  expect(checks[check]).toMatch(text);
});

it('is not stalled by a queue that was idle and just got a message', () => {
  const checks = messagingChecks({
    ...base,
    worker: { ...base.worker!, waiting: 0, lastProgressAt: now - 3_600_000 },
  });
  expect(failing(checks)).toEqual([]);
});
