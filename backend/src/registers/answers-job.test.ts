import { createTestApp, type TestApp } from '../test-support/test-app';
import { createLogger } from '../logger';
import { runJob } from '../jobs/runner';
import { registerAnswersJob, EXPIRED_ANSWERS_KEPT_DAYS } from './answers-job';

// The nightly clean-up of the registers' answers against the real database: answers expired
// longer than EXPIRED_ANSWERS_KEPT_DAYS go, the others stay (an expired one still tells the card
// when the register last answered).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;

it('deletes the answers expired longer than the days kept, and only those', async () => {
  const db = t.database.db;
  const now = new Date('2026-12-08T00:15:00Z');
  const row = (key: string, expiredDaysAgo: number) => ({
    register: 'population' as const,
    lookupKey: key.padEnd(64, '0'),
    answer: 'sealed',
    answeredAt: new Date(now.getTime() - (expiredDaysAgo + 1) * DAY),
    expiresAt: new Date(now.getTime() - expiredDaysAgo * DAY),
  });
  await db
    .insertInto('registerAnswers')
    .values([
      row('a1', EXPIRED_ANSWERS_KEPT_DAYS + 10),
      row('b2', EXPIRED_ANSWERS_KEPT_DAYS - 1),
      row('c3', -1), // still valid
    ])
    .execute();
  const deps = {
    db,
    log: createLogger('silent'),
    config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv' },
    now: () => now,
  };
  expect(await runJob(registerAnswersJob, deps, { runFor: '2026-12-08' }, { id: 'ra-1' })).toBe(
    'done',
  );
  const left = await db
    .selectFrom('registerAnswers')
    .select('lookupKey')
    .where(
      'lookupKey',
      'in',
      ['a1', 'b2', 'c3'].map((k) => k.padEnd(64, '0')),
    )
    .orderBy('lookupKey')
    .execute();
  expect(left.map((r) => r.lookupKey.slice(0, 2))).toEqual(['b2', 'c3']);
  const run = await db
    .selectFrom('jobRuns')
    .select(['status', 'result'])
    .where('name', '=', 'register-answers')
    .where('runFor', '=', '2026-12-08')
    .executeTakeFirstOrThrow();
  expect(run).toEqual({ status: 'done', result: { deleted: 1 } });
  // The night's run once: a second delivery of the day does nothing.
  expect(await runJob(registerAnswersJob, deps, { runFor: '2026-12-08' }, { id: 'ra-2' })).toBe(
    'skipped',
  );
});
