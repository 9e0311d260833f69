import { sql } from 'kysely';
import { rigaClock, rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { createLogger } from '../logger';
import { inTransaction } from '../db/transaction';
import { enqueueMail, wakeOutbox } from '../messaging/outbox';
import { defineJob } from './define';
import { startJobs, type JobQueue } from './queue';
import { compareWithSchema } from '../pseudonymise/classification';
import { schemaColumns } from '../pseudonymise/scan';

// The scheduler with TWO processes on one database (two pg-boss instances, each with its own
// connection on PostgreSQL; on PGlite both through the one session): both register the same
// daily schedule and both work the queue, yet the day's job runs once — one job_runs row, one mail.

const MAILBOX = 'adopcija@lm.example.lv';
let t: TestApp;
const queues: JobQueue[] = [];
const log = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A nightly job whose mail key names its run: a second run would queue a second mail. */
function nightly(cron: string) {
  return defineJob({
    name: 'nightly-test',
    title: { lv: 'Nakts pārbaude', en: 'Nightly test' },
    cron,
    handler: async (ctx) => {
      await inTransaction(ctx.db, ctx.log, async (trx, onCommit) => {
        await enqueueMail(trx, {
          idempotencyKey: `nightly-test:${ctx.runId}`,
          recipient: MAILBOX,
          template: 'smoke-test',
          language: 'lv',
          data: {
            displayName: 'Reģistra uzturētāji',
            environment: 'test',
            version: '0.0.0',
            reference: `nightly-${ctx.runId}`,
          },
        });
        onCommit(wakeOutbox);
      });
      return { mailed: 1 };
    },
  });
}

async function until<T>(what: () => Promise<T | undefined>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(300);
  }
}

const runs = () =>
  t.database.db
    .selectFrom('jobRuns')
    .select(['id', 'status', 'runFor', 'result'])
    .where('name', '=', 'nightly-test')
    .execute();
const mails = () =>
  t.database.db
    .selectFrom('outbox')
    .select(sql<number>`count(*)`.as('n'))
    .where('idempotencyKey', 'like', 'nightly-test:%')
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const q of queues) await q.stop(5000);
  await t?.close();
});

it('two processes with the same schedule run the day’s job once', async () => {
  // The schedule is this minute in Riga (a daily "m h * * *", as production's), so the cron fires
  // now; near a minute's end it waits for the next. The 03:00–04:00 hour cannot be scheduled:
  // then the test sends the day's job from both processes instead of waiting for the cron.
  let now = rigaClock(new Date());
  if (new Date().getSeconds() > 45) {
    await sleep((61 - new Date().getSeconds()) * 1000);
    now = rigaClock(new Date());
  }
  const [hour, minute] = now.time.split(':').map(Number) as [number, number];
  const cronUsable = hour !== 3;
  const job = nightly(cronUsable ? `${minute} ${hour} * * *` : '30 2 * * *');
  for (let i = 0; i < 2; i++) {
    queues.push(
      await startJobs({
        database: t.database,
        config: { REGISTER_MAILBOX: MAILBOX },
        log,
        jobs: [job],
        work: true,
        cronMonitorIntervalSeconds: 1,
        pollingIntervalSeconds: 0.5,
      }),
    );
  }
  const day = rigaToday();
  if (!cronUsable) {
    await Promise.all(queues.map((q) => q.send(t.database.db, job.name, { runFor: day })));
  }
  const [first] = await until(async () => {
    const rows = await runs();
    return rows.some((r) => r.status === 'done') ? rows : undefined;
  });
  expect(first).toMatchObject({ status: 'done', runFor: day, result: { mailed: 1 } });

  // Both processes now also get the same day's job (as a retried or doubled send would): the
  // job_runs (name, run_for) row answers them, nothing runs again.
  await Promise.all(queues.map((q) => q.send(t.database.db, job.name, { runFor: day })));
  await until(async () => {
    const { n } = await sql<{
      n: number;
    }>`select count(*)::int as n from pgboss.job where name = 'nightly-test' and state = 'completed'`
      .execute(t.database.db)
      .then((r) => r.rows[0]!);
    return n >= 3 ? n : undefined;
  });
  await sleep(1500);
  expect(await runs()).toHaveLength(1);
  expect(await mails()).toBe(1);

  // One schedule row, in Riga time.
  const schedules = await sql<{
    name: string;
    cron: string;
    timezone: string;
  }>`select name, cron, timezone from pgboss.schedule`.execute(t.database.db);
  expect(schedules.rows).toEqual([
    { name: 'nightly-test', cron: job.cron, timezone: 'Europe/Riga' },
  ]);
}, 120_000);

it('keeps pg-boss in its own schema: the pseudonymisation and the migrations see only public', async () => {
  const tables = await sql<{ schema: string; n: number }>`
    select table_schema as schema, count(*)::int as n from information_schema.tables
    where table_schema in ('public', 'pgboss') group by 1 order by 1`.execute(t.database.db);
  expect(tables.rows.map((r) => r.schema)).toEqual(['pgboss', 'public']);
  const columns = await schemaColumns(t.database.db);
  expect(columns.some((c) => c.table === 'job' || c.table === 'schedule')).toBe(false);
  const { unclassified, missing } = compareWithSchema(columns);
  expect(unclassified).toEqual([]);
  expect(missing).toEqual([]);
  const { rows } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(t.database.db);
  expect(rows.map((r) => r.name)).toContain('0023-job-run-version');
  expect(rows.every((r) => /^\d{4}-/.test(r.name))).toBe(true);
});
