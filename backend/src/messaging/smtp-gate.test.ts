import fc from 'fast-check';
import { SmtpGate } from './smtp-gate';
import { backoffMs } from './backoff';

// The mail server's circuit breaker: an outage pauses delivery, one mail's trouble does not.

function gate() {
  const calls: string[] = [];
  const g = new SmtpGate({
    threshold: 3,
    onOpen: (why) => calls.push(`open:${why}`),
    onHalfOpen: () => calls.push('half-open'),
    onClose: () => calls.push('close'),
  });
  return { g, calls };
}

it('lets mails through while the server delivers', async () => {
  const { g } = gate();
  expect(await g.admit()).toBe('go');
  g.answered();
  expect(g.state).toBe('closed');
});

it('keeps one mail failing again and again a retry of that mail (its own problem)', () => {
  const { g } = gate();
  for (let i = 0; i < 10; i++)
    expect(g.temporaryFailure('451 later', false, 'mail-a')).toBe('retry');
  expect(g.state).toBe('closed');
});

it('opens after three different mails fail in a row, and a success in between resets the count', () => {
  const { g, calls } = gate();
  expect(g.temporaryFailure('451', false, 'a')).toBe('retry');
  expect(g.temporaryFailure('451', false, 'b')).toBe('retry');
  g.answered();
  expect(g.temporaryFailure('451', false, 'c')).toBe('retry');
  expect(g.temporaryFailure('451', false, 'd')).toBe('retry');
  expect(g.temporaryFailure('451 busy', false, 'e')).toBe('hold');
  expect(g.state).toBe('open');
  expect(g.reason).toBe('451 busy');
  expect(calls).toEqual(['open:451 busy']);
});

it('opens at once on a server-wide failure (refused connection, 421, bad credentials)', async () => {
  const { g } = gate();
  expect(g.temporaryFailure('connect ECONNREFUSED', true, 'a')).toBe('hold');
  expect(g.state).toBe('open');
  expect(await g.admit()).toBe('hold');
  expect(g.temporaryFailure('again', false, 'b')).toBe('hold');
});

it('half-open lets exactly one mail try; the others wait for its answer', async () => {
  const { g, calls } = gate();
  g.temporaryFailure('refused', true, 'a');
  g.halfOpen();
  expect(g.state).toBe('half-open');
  expect(await g.admit()).toBe('go'); // the probe
  const waiting = [g.admit(), g.admit(), g.admit()];
  let settled = false;
  void Promise.all(waiting).then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 10));
  expect(settled).toBe(false);
  g.answered(); // the probe was delivered
  expect(await Promise.all(waiting)).toEqual(['go', 'go', 'go']);
  expect(g.state).toBe('closed');
  expect(calls).toEqual(['open:refused', 'half-open', 'close']);
});

it('a failed probe opens the gate again and holds the waiting mails', async () => {
  const { g } = gate();
  g.temporaryFailure('refused', true, 'a');
  g.halfOpen();
  expect(await g.admit()).toBe('go');
  const waiting = [g.admit(), g.admit()];
  expect(g.temporaryFailure('451', false, 'probe')).toBe('hold');
  expect(await Promise.all(waiting)).toEqual(['hold', 'hold']);
  expect(g.state).toBe('open');
});

it('a probe mail that never reached the server frees the slot for the next one', async () => {
  const { g } = gate();
  g.temporaryFailure('refused', true, 'a');
  g.halfOpen();
  expect(await g.admit()).toBe('go');
  const next = g.admit();
  g.release(); // that mail could not be built: no answer from the server either way
  expect(await next).toBe('go'); // the next mail is the probe now
  expect(g.state).toBe('half-open');
});

it('keeps the time of the outage across open → half-open → open', () => {
  const { g } = gate();
  g.temporaryFailure('refused', true, 'a', 1000);
  g.halfOpen();
  g.temporaryFailure('refused', true, 'b', 5000);
  expect(g.openedAt).toBe(1000);
});

it('backs off doubling from the first delay, never beyond the cap, with jitter in the upper half', () => {
  fc.assert(
    fc.property(
      fc.nat(100),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (n, r) => {
        const d = backoffMs(n, 500, 5000, () => r);
        const full = Math.min(500 * 2 ** n, 5000);
        return d <= 5000 && d >= full / 2 - 1 && d <= full;
      },
    ),
  );
  expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, 500, 5000, () => 1))).toEqual([
    500, 1000, 2000, 4000, 5000, 5000,
  ]);
});

it('does not count a mail that was under way before the failures began as proof the server works', () => {
  const { g } = gate();
  g.temporaryFailure('451', false, 'a', 1000);
  g.temporaryFailure('451', false, 'b', 1001);
  g.answered(999); // handed over before the first failure, answered after: proves nothing now
  expect(g.temporaryFailure('451', false, 'c', 1002)).toBe('hold');
  g.answered(1001); // nor does one in flight when the gate opened
  expect(g.state).toBe('open');
  g.halfOpen();
  g.answered(2000); // the probe, sent after the gate opened
  expect(g.state).toBe('closed');
});
