import { createTestApp, type TestApp } from '../test-support/test-app';
import { createLogger } from '../logger';
import { defineJob } from './define';
import { startJobs, type JobQueue } from './queue';
import { runJob } from './runner';

// /api/jobs against the real queue (pg-boss on the test database): an administrator starts a
// job now, follows its progress, cancels it between steps; specialists only look; every start
// and cancel is audited.

let t: TestApp;
let queue: JobQueue;
let admin: string;
let specialist: string;
const log = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const title = { lv: 'Pārbaude', en: 'Test' };
/** Ten steps of 250 ms, reporting progress and checking the cancel flag between them. */
const steps = defineJob({
  name: 'steps-test',
  title,
  handler: async (ctx) => {
    for (let i = 1; i <= 10; i++) {
      await ctx.checkCancelled();
      await sleep(250);
      await ctx.progress(i * 10, `Solis ${i} no 10`);
    }
    return { steps: 10 };
  },
});
const quick = defineJob({ name: 'quick-test', title, handler: async () => ({ answer: 42 }) });
const idle = defineJob({ name: 'idle-test', title, handler: async () => undefined });

async function until<T>(what: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(200);
  }
}
const runOf = async (id: number) => (await t.as(admin).get(`/api/jobs/${id}`).expect(200)).body;

beforeAll(async () => {
  t = await createTestApp();
  queue = await startJobs({
    database: t.database,
    config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv' },
    log,
    jobs: [steps, quick],
    pollingIntervalSeconds: 0.5,
  });
  t.app.jobs = queue;
  admin = await t.token('administrator');
  specialist = await t.token('adoption_specialist');
});
afterAll(async () => {
  await queue?.stop(5000);
  await t?.close();
});

it('runs a job now, with its result; lists and shows runs', async () => {
  const started = await t.as(admin).post('/api/jobs/quick-test/run').expect(202);
  expect(started.body).toMatchObject({ name: 'quick-test', status: 'queued', runFor: null });
  const done = await until(async () => {
    const run = await runOf(started.body.id);
    return run.status === 'done' ? run : undefined;
  });
  expect(done).toMatchObject({ progress: 100, result: { answer: 42 }, cancelRequested: false });
  expect(done.startedBy).toEqual(expect.any(Number));
  // Who started it, by name (the console shows the name).
  expect(done.startedByName).toBe('Tests administrator');

  const list = await t
    .as(specialist)
    .get('/api/jobs?filter={"name":"quick-test","status":"done"}')
    .expect(200);
  expect(list.headers['content-range']).toBe('jobs 0-0/1');
  expect(list.body[0].id).toBe(started.body.id);
  expect(list.body[0].startedByName).toBe('Tests administrator');
  const defs = await t.as(specialist).get('/api/job-definitions').expect(200);
  expect(defs.body.map((d: { name: string }) => d.name)).toEqual(['steps-test', 'quick-test']);
});

it('reports progress and stops at the next step when cancelled', async () => {
  const { body } = await t.as(admin).post('/api/jobs/steps-test/run').expect(202);
  const running = await until(async () => {
    const run = await runOf(body.id);
    return run.status === 'running' && run.progress >= 20 ? run : undefined;
  });
  expect(running.message).toMatch(/^Solis \d+ no 10$/);
  const cancelled = await t.as(admin).post(`/api/jobs/${body.id}/cancel`).expect(200);
  expect(cancelled.body.cancelRequested).toBe(true);
  const ended = await until(async () => {
    const run = await runOf(body.id);
    return run.status === 'cancelled' ? run : undefined;
  });
  expect(ended.progress).toBeLessThan(100);
  expect(ended.finishedAt).toEqual(expect.any(String));
  // Only a queued or running run can be cancelled.
  const again = await t.as(admin).post(`/api/jobs/${body.id}/cancel`).expect(409);
  expect(again.body.code).toBe('not_running');
});

it('cancels a queued run before it starts', async () => {
  // A queue that only sends: nobody works `idle-test`, so the run waits queued.
  const sender = await startJobs({
    database: t.database,
    config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv' },
    log,
    jobs: [idle],
    work: false,
  });
  t.app.jobs = sender;
  try {
    const { body } = await t.as(admin).post('/api/jobs/idle-test/run').expect(202);
    const res = await t.as(admin).post(`/api/jobs/${body.id}/cancel`).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelRequested: true });
  } finally {
    t.app.jobs = queue;
    await sender.stop(1000);
  }
});

it('only administrators start and cancel; unknown jobs are 404; every act is audited', async () => {
  await t.as(specialist).post('/api/jobs/quick-test/run').expect(403);
  await t.as(specialist).post('/api/jobs/1/cancel').expect(403);
  await t.as(admin).post('/api/jobs/no-such-job/run').expect(404);
  await t.as(admin).get('/api/jobs/999999').expect(404);
  await t
    .as(await t.token('care_institution'))
    .get('/api/jobs')
    .expect(403);
  const trail = await t.database.db
    .selectFrom('auditEvents')
    .select(['action', 'actorUsername'])
    .where('resource', '=', 'jobs')
    .where('action', 'in', ['run', 'cancel'])
    .where('actorUsername', '=', 'administrator')
    .execute();
  expect(trail.filter((e) => e.action === 'run')).toHaveLength(3);
  expect(trail.filter((e) => e.action === 'cancel')).toHaveLength(2);
});

it('answers 503 for a registered job when this process has no job queue, 404 for any other name', async () => {
  t.app.jobs = undefined;
  try {
    await t.as(admin).post('/api/jobs/deadlines/run').expect(503);
    await t.as(admin).post('/api/jobs/quick-test/run').expect(404);
    await t.as(admin).post('/api/jobs/constructor/run').expect(404);
  } finally {
    t.app.jobs = queue;
  }
});

it('takes over a run left running by a process that died, when pg-boss delivers the same job again', async () => {
  const db = t.database.db;
  const deps = {
    db,
    log,
    config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv' },
    now: () => new Date(),
  };
  // A started run and a nightly run, each `running` under a pg-boss job whose process stopped.
  const started = await db
    .insertInto('jobRuns')
    .values({ name: 'quick-test', status: 'running', startedAt: new Date(), bossJobId: 'died-1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('jobRuns')
    .values({ name: 'quick-test', status: 'running', runFor: '2020-02-29', bossJobId: 'died-2' })
    .execute();
  // Another job (a second process, a second send) does not take a running run.
  expect(await runJob(quick, deps, { jobRunId: started.id }, { id: 'other-1' })).toBe('skipped');
  expect(await runJob(quick, deps, { runFor: '2020-02-29' }, { id: 'other-2' })).toBe('skipped');
  // The same job again (pg-boss redelivers only an expired or failed attempt): it runs to the end.
  expect(await runJob(quick, deps, { jobRunId: started.id }, { id: 'died-1' })).toBe('done');
  expect(await runJob(quick, deps, { runFor: '2020-02-29' }, { id: 'died-2' })).toBe('done');
  const rows = await db
    .selectFrom('jobRuns')
    .select(['status', 'result'])
    .where((eb) => eb.or([eb('id', '=', started.id), eb('runFor', '=', '2020-02-29')]))
    .execute();
  expect(rows).toEqual([
    { status: 'done', result: { answer: 42 } },
    { status: 'done', result: { answer: 42 } },
  ]);
});
