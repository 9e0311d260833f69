import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { adopterCard } from '../test-support/adopter-card';
import { firstId } from '../test-support/reference-data';
import { createRng } from '../latvian/random';
import { createLogger } from '../logger';
import { caseReference } from '../offers/context';
import { deadlinesJob, runDeadlines } from './deadlines';
import { defineJob } from './define';
import { runJob, type RunnerDeps } from './runner';

// The nightly deadline job with a fixed clock (runFor 2026-12-07, reminders 7 days ahead):
// overdue marking with one notice, one reminder per deadline to the right recipient, nothing
// queued when a batch's transaction fails, and a day's run taken once.

const MAILBOX = 'adopcija@lm.example.lv';
const TODAY = '2026-12-07';
let t: TestApp;
let deps: RunnerDeps;
let adopterId: number;
let noMailAdopterId: number;
let offerId: number;
let userId: number;

const d: Record<string, number> = {};

async function newAdopter(over: Record<string, unknown>) {
  const specialist = await t.token('adoption_specialist');
  const courtId = await firstId(t.database.db, 'orphanCourts');
  const res = await t
    .as(specialist)
    .post(
      '/api/adopters',
      adopterCard(
        createRng(Number(over.seed ?? 1)),
        courtId,
        (over.card ?? {}) as Record<string, unknown>,
      ),
    )
    .expect(201);
  return res.body.id as number;
}

async function deadline(kind: string, dueOn: string, over: Record<string, unknown> = {}) {
  const row = await t.database.db
    .insertInto('deadlines')
    .values({
      kind: kind as never,
      offerId,
      adopterId: null,
      dueOn,
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const mails = () =>
  t.database.db
    .selectFrom('outbox')
    .select(['idempotencyKey', 'recipient', 'template', 'language', 'data'])
    .where((eb) =>
      eb.or([
        eb('idempotencyKey', 'like', 'deadline-%'),
        eb('template', 'in', ['offer-deadline-approaching', 'post-adoption-report-due']),
      ]),
    )
    .orderBy('id')
    .execute();

const statusOf = async (id: number) =>
  t.database.db
    .selectFrom('deadlines')
    .select(['status', 'remindedOn'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  deps = {
    db: t.database.db,
    log: createLogger('silent'),
    config: { REGISTER_MAILBOX: MAILBOX },
    now: () => new Date(`${TODAY}T10:00:00Z`),
  };
  adopterId = await newAdopter({
    seed: 11,
    card: {
      givenNames: 'Ērika',
      surname: 'Bērziņa',
      email: 'erika.berzina@example.lv',
      preferredLanguage: 'en',
    },
  });
  noMailAdopterId = await newAdopter({ seed: 12, card: { givenNames: 'Oļegs', surname: 'Šņore' } });
  ({ id: userId } = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'adoption-specialist')
    .executeTakeFirstOrThrow());
  ({ id: offerId } = await t.database.db
    .insertInto('offers')
    .values({ adopterId, status: 'sent', createdBy: userId, sentOn: '2026-11-10' })
    .returning('id')
    .executeTakeFirstOrThrow());
});
afterAll(() => t?.close());

it('queues nothing and changes nothing when a batch’s transaction fails', async () => {
  const failing = defineJob({
    name: 'deadlines-failing',
    title: { lv: 'Kļūda', en: 'Failure' },
    handler: (ctx) =>
      runDeadlines(ctx, {
        beforeCommit: async () => {
          throw new Error('the batch fails before it commits');
        },
      }),
  });
  const id = await deadline('court_claim', '2026-12-09');
  const late = await deadline('pre_adoption_care', '2026-12-01');
  await expect(runJob(failing, deps, { runFor: TODAY }, { id: 'f-1' })).rejects.toThrow(
    /deadlines-failing failed/,
  );
  expect(await mails()).toEqual([]);
  expect(await statusOf(id)).toEqual({ status: 'open', remindedOn: null });
  expect(await statusOf(late)).toEqual({ status: 'open', remindedOn: null });
  const run = await t.database.db
    .selectFrom('jobRuns')
    .selectAll()
    .where('name', '=', 'deadlines-failing')
    .executeTakeFirstOrThrow();
  expect(run).toMatchObject({ status: 'failed', runFor: TODAY });
  expect(run.message).toContain('the batch fails');
  await t.database.db.deleteFrom('deadlines').where('id', 'in', [id, late]).execute();
});

it('marks the overdue, reminds once each, to the adopter or the register’s mailbox', async () => {
  d.answer = await deadline('answer', '2026-12-10', { adopterId });
  d.court = await deadline('court_claim', '2026-12-12');
  d.care = await deadline('pre_adoption_care', '2026-12-01');
  d.later = await deadline('answer', '2026-12-30', { adopterId });
  d.report = await deadline('post_adoption_report', '2026-12-14', { offerId: null, adopterId });
  d.reportNoMail = await deadline('post_adoption_report', '2026-12-13', {
    offerId: null,
    adopterId: noMailAdopterId,
  });
  d.done = await deadline('court_claim', '2026-11-01', { status: 'done', doneOn: '2026-10-30' });
  d.today = await deadline('permit_validity', TODAY);

  expect(await runJob(deadlinesJob, deps, { runFor: TODAY }, { id: 'n-1' })).toBe('done');

  expect(await statusOf(d.care!)).toEqual({ status: 'overdue', remindedOn: null });
  expect(await statusOf(d.answer!)).toEqual({ status: 'open', remindedOn: TODAY });
  expect(await statusOf(d.court!)).toEqual({ status: 'open', remindedOn: TODAY });
  expect(await statusOf(d.today!)).toEqual({ status: 'open', remindedOn: TODAY });
  expect(await statusOf(d.later!)).toEqual({ status: 'open', remindedOn: null });
  expect(await statusOf(d.done!)).toEqual({ status: 'done', remindedOn: null });

  const queued = await mails();
  const ref = caseReference(offerId, '2026-11-10');
  expect(queued).toEqual(
    expect.arrayContaining([
      {
        idempotencyKey: `deadline-overdue:${d.care}:2026-12-01`,
        recipient: MAILBOX,
        template: 'deadline-reminder',
        language: 'lv',
        data: {
          deadlineKind: 'pre_adoption_care',
          dueDate: '2026-12-01',
          caseReference: ref,
          overdue: true,
        },
      },
      {
        idempotencyKey: `deadline-reminder:${d.answer}:2026-12-10`,
        recipient: 'erika.berzina@example.lv',
        template: 'offer-deadline-approaching',
        language: 'en',
        data: { recipientName: 'Ērika Bērziņa', caseReference: ref, deadline: '2026-12-10' },
      },
      expect.objectContaining({
        recipient: MAILBOX,
        template: 'deadline-reminder',
        data: {
          deadlineKind: 'court_claim',
          dueDate: '2026-12-12',
          caseReference: ref,
          overdue: false,
        },
      }),
      expect.objectContaining({
        recipient: 'erika.berzina@example.lv',
        template: 'post-adoption-report-due',
        data: {
          recipientName: 'Ērika Bērziņa',
          caseReference: `TERM-${d.report}`,
          dueDate: '2026-12-14',
        },
      }),
      // An adopter without an e-mail address: the register's mailbox is told instead.
      expect.objectContaining({
        recipient: MAILBOX,
        template: 'deadline-reminder',
        data: expect.objectContaining({ deadlineKind: 'post_adoption_report' }),
      }),
    ]),
  );
  expect(queued).toHaveLength(6);
  // No child's personal data in any letter: codes, dates and the adopter's own name only.
  const text = JSON.stringify(queued);
  const childNames = await t.database.db.selectFrom('children').select('givenNames').execute();
  for (const c of childNames) expect(text).not.toContain(c.givenNames);

  const run = await t.database.db
    .selectFrom('jobRuns')
    .selectAll()
    .where('name', '=', 'deadlines')
    .where('runFor', '=', TODAY)
    .executeTakeFirstOrThrow();
  expect(run).toMatchObject({
    status: 'done',
    progress: 100,
    result: { overdue: 1, reminders: 5, overdueNotices: 1 },
  });
  const trail = await t.database.db
    .selectFrom('auditEvents')
    .select(['action', 'resource', 'recordId', 'recordIds'])
    .where('action', 'in', ['run', 'send'])
    .where('resource', 'in', ['jobs', 'adopters'])
    .orderBy('id')
    .execute();
  expect(trail).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        action: 'send',
        resource: 'adopters',
        recordIds: [String(adopterId)],
      }),
      expect.objectContaining({ action: 'run', resource: 'jobs', recordId: String(run.id) }),
    ]),
  );
});

it('runs a day once: a second run for the day does nothing', async () => {
  const before = (await mails()).length;
  expect(await runJob(deadlinesJob, deps, { runFor: TODAY }, { id: 'n-2' })).toBe('skipped');
  const runs = await t.database.db
    .selectFrom('jobRuns')
    .select(sql<number>`count(*)`.as('n'))
    .where('name', '=', 'deadlines')
    .where('runFor', '=', TODAY)
    .executeTakeFirstOrThrow();
  expect(Number(runs.n)).toBe(1);
  expect(await mails()).toHaveLength(before);
});

it('the next nights: no second reminder; a passed deadline gets its one overdue notice', async () => {
  const before = (await mails()).length;
  await runJob(deadlinesJob, deps, { runFor: '2026-12-08' }, { id: 'n-3' });
  // Only yesterday's deadline (due on the 7th) is new: overdue, told once; no reminder again.
  expect((await mails()).slice(before).map((m) => m.idempotencyKey)).toEqual([
    `deadline-overdue:${d.today}:${TODAY}`,
  ]);

  await runJob(deadlinesJob, deps, { runFor: '2026-12-11' }, { id: 'n-4' });
  expect(await statusOf(d.answer!)).toEqual({ status: 'overdue', remindedOn: TODAY });
  const after = await mails();
  expect(
    after.filter((m) => m.idempotencyKey.startsWith(`deadline-overdue:${d.answer}:`)),
  ).toHaveLength(1);
  // Overdue deadlines stay overdue and are not told again.
  await runJob(deadlinesJob, deps, { runFor: '2026-12-12' }, { id: 'n-5' });
  const again = await mails();
  expect(
    again.filter((m) => m.idempotencyKey.startsWith(`deadline-overdue:${d.answer}:`)),
  ).toHaveLength(1);
  // The offer itself is not moved by the job.
  const offer = await t.database.db
    .selectFrom('offers')
    .select('status')
    .where('id', '=', offerId)
    .executeTakeFirstOrThrow();
  expect(offer.status).toBe('sent');
});
