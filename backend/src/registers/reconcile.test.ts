import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { createLogger } from '../logger';
import { runJob, type RunnerDeps } from '../jobs/runner';
import { renderMail } from '../messaging/templates';
import type { Differences } from './simulator/people';
import { registerReconciliationJob, RECONCILE_PURPOSE } from './reconcile';

// The nightly reconciliation against the app's own register simulator (the demo register's people
// with its deliberate differences), run through the job runner as pg-boss would: what it finds goes
// into the work queue once, stays there until resolved, is not reopened once explained, goes away
// by itself when the register and the card agree again; a register that does not answer resolves
// nothing; the day's run happens once however many processes get it; the specialists get counts.

const MAILBOX = 'adopcija@lm.example.lv';
let t: TestApp;
let diff: Differences;
let deps: RunnerDeps;
let specialist: string;
let specialistId: number;
let day = 1;

/** A run for the next day (a day's run happens once). */
const run = async () => {
  const runFor = `2026-11-${String(day++).padStart(2, '0')}`;
  const outcome = await runJob(
    registerReconciliationJob,
    deps,
    { runFor },
    { id: `rec-${runFor}` },
  );
  const row = await t.database.db
    .selectFrom('jobRuns')
    .selectAll()
    .where('name', '=', 'register-reconciliation')
    .where('runFor', '=', runFor)
    .executeTakeFirstOrThrow();
  return { outcome, row, result: row.result as Record<string, number> };
};
const idOf = async (table: 'children' | 'adopters', personalCode: string) =>
  (
    await t.database.db
      .selectFrom(table)
      .select('id')
      .where('personalCode', '=', personalCode)
      .executeTakeFirstOrThrow()
  ).id;
const items = (
  where: { resource?: string; recordId?: number; status?: 'open' | 'resolved' } = {},
) => {
  let q = t.database.db.selectFrom('registerDifferences').selectAll().orderBy('id');
  if (where.resource) q = q.where('resource', '=', where.resource as 'children');
  if (where.recordId) q = q.where('recordId', '=', where.recordId);
  if (where.status) q = q.where('status', '=', where.status);
  return q.execute();
};
const active = async () => {
  const [c, a] = await Promise.all([
    t.database.db
      .selectFrom('children')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', 'not in', ['adopted', 'withdrawn'])
      .where('personalCode', 'is not', null)
      .executeTakeFirstOrThrow(),
    t.database.db
      .selectFrom('adopters')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', 'not in', ['adopted', 'closed', 'revoked'])
      .where('personalCode', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { children: Number(c.n), adopters: Number(a.n) };
};
const summaries = (runId: number) =>
  t.database.db
    .selectFrom('outbox')
    .select(['idempotencyKey', 'recipient', 'template', 'language', 'data'])
    .where('idempotencyKey', 'like', `register-reconciliation:${runId}:%`)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  diff = t.registers!.differences;
  deps = {
    db: t.database.db,
    log: createLogger('silent'),
    config: {
      REGISTER_MAILBOX: MAILBOX,
      REGISTER_PARALLEL: 3,
      PUBLIC_URL: 'https://ar.example.lv',
    },
    now: () => t.clock.now(),
    registers: () => t.app.registers,
  };
  specialist = await t.token('adoption_specialist');
  ({ id: specialistId } = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'adoption-specialist')
    .executeTakeFirstOrThrow());
  // Two specialists with an address get the summary; one without does not.
  await t.database.db
    .updateTable('users')
    .set({ email: sql`username || '@lm.example.lv'` })
    .where('role', 'in', ['adoption_specialist', 'head_of_department'])
    .execute();
});
afterAll(() => t?.close());

describe('the first night', () => {
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    first = await run();
  });

  it('checks every active child and adopter with a personal code, and says so in its result', async () => {
    const n = await active();
    expect(first.outcome).toBe('done');
    expect(first.row).toMatchObject({ status: 'done', progress: 100 });
    expect(first.result.checked).toBe(n.children + n.adopters);
    expect(first.result.unavailable).toBe(0);
    expect(first.result.opened).toBeGreaterThanOrEqual(5);
    expect(first.result.opened).toBe((await items({ status: 'open' })).length);
    expect(first.row.message).toContain(`Pārbaudīti ${first.result.checked}`);
  });

  it('queues each deliberate difference with its kind, ours and the register’s value', async () => {
    const married = await items({
      resource: 'adopters',
      recordId: await idOf('adopters', diff.marriedSurname!),
    });
    expect(married).toEqual([
      expect.objectContaining({
        field: 'surname',
        kind: 'names',
        state: 'different',
        status: 'open',
      }),
    ]);
    expect(married[0]!.theirs).toBe(`${married[0]!.ours}-${married[0]!.theirs!.split('-')[1]}`);
    const moved = await items({
      resource: 'adopters',
      recordId: await idOf('adopters', diff.moved!),
    });
    expect(moved).toEqual([
      expect.objectContaining({
        field: 'declaredAddress',
        kind: 'address',
        theirs: 'Ozolu iela 7-12, Valmiera, LV-4201',
      }),
    ]);
    const died = await items({
      resource: 'adopters',
      recordId: await idOf('adopters', diff.died!),
    });
    expect(died).toEqual([
      expect.objectContaining({ field: 'deathDate', kind: 'death', ours: null }),
    ]);
    const ended = await items({
      resource: 'children',
      recordId: await idOf('children', diff.disabilityEnded!),
    });
    expect(ended.map((i) => [i.register, i.field, i.kind])).toContainEqual([
      'disability',
      'disabilityUntil',
      'disability',
    ]);
    const unknownTable = (await t.database.db
      .selectFrom('children')
      .select('id')
      .where('personalCode', '=', diff.unknown!)
      .executeTakeFirst())
      ? 'children'
      : 'adopters';
    const unknown = await items({
      resource: unknownTable,
      recordId: await idOf(unknownTable, diff.unknown!),
    });
    expect(unknown).toEqual([
      expect.objectContaining({ field: 'person', kind: 'not_found', state: 'not_found' }),
    ]);
    for (const i of await items()) {
      expect(i).toMatchObject({ foundRunId: first.row.id, seenRunId: first.row.id });
    }
  });

  it('audits every query with the record, the purpose and the run, never the personal code', async () => {
    const n = await active();
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select(['detail', 'actorUserId'])
      .where('action', '=', 'register_query')
      .where(sql`detail->>'runId'`, '=', String(first.row.id))
      .execute();
    // Population for everyone, disability for the children too.
    expect(events).toHaveLength(n.adopters + 2 * n.children);
    for (const e of events) {
      expect(e.actorUserId).toBeNull();
      expect(e.detail).toMatchObject({
        job: 'register-reconciliation',
        purpose: RECONCILE_PURPOSE,
        recordResource: expect.stringMatching(/^(children|adopters)$/),
        recordId: expect.any(Number),
      });
    }
    expect(JSON.stringify(events)).not.toContain(diff.marriedSurname!);
  });

  it('mails each specialist and head of department the counts and a link, no names', async () => {
    const mails = await summaries(first.row.id);
    const users = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('role', 'in', ['adoption_specialist', 'head_of_department'])
      .where('active', '=', true)
      .where('email', 'is not', null)
      .execute();
    expect(mails.map((m) => m.recipient).sort()).toEqual(users.map((u) => u.email).sort());
    expect(first.result.mailed).toBe(mails.length);
    for (const m of mails) {
      expect(m.template).toBe('register-differences-summary');
      expect(m.data).toMatchObject({
        newCount: first.result.opened,
        openCount: first.result.opened,
        assignedCount: 0,
        link: 'https://ar.example.lv/#/register-differences',
      });
      const letter = renderMail('register-differences-summary', m.language as 'lv', m.data);
      expect(letter.text).toContain(String(first.result.opened));
    }
    const lv = renderMail('register-differences-summary', 'lv', mails[0]!.data);
    expect(lv.subject).toContain('jaunas atšķirības');
    const names = await t.database.db.selectFrom('adopters').select('surname').execute();
    for (const m of mails) {
      for (const { surname } of names) expect(JSON.stringify(m.data)).not.toContain(surname);
    }
  });
});

describe('the nights after', () => {
  it('keeps one item per difference: seen again, not opened again; no news, no mail', async () => {
    const before = await items({ status: 'open' });
    const second = await run();
    expect(second.result).toMatchObject({ opened: 0, stillOpen: before.length, gone: 0 });
    const after = await items({ status: 'open' });
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    for (const i of after) expect(i.seenRunId).toBe(second.row.id);
    expect(await summaries(second.row.id)).toEqual([]);
  });

  it('an item assigned to a specialist brings that specialist a mail though nothing is new', async () => {
    const [item] = await items({ status: 'open' });
    await t
      .as(specialist)
      .post(`/api/register-differences/${item!.id}/assign`, {
        userId: specialistId,
        version: item!.version,
      })
      .expect(200);
    const next = await run();
    const mails = await summaries(next.row.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      idempotencyKey: `register-reconciliation:${next.row.id}:u${specialistId}`,
      data: expect.objectContaining({ newCount: 0, assignedCount: 1 }),
    });
  });

  it('an explained difference does not come back while the two values stay the same', async () => {
    const id = await idOf('adopters', diff.marriedSurname!);
    const [item] = await items({ resource: 'adopters', recordId: id, status: 'open' });
    const res = await t
      .as(specialist)
      .post(`/api/register-differences/${item!.id}/resolve`, {
        reason: 'Laulības apliecība vēl nav iesniegta',
        version: item!.version,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'resolved',
      resolution: 'explained',
      resolutionReason: 'Laulības apliecība vēl nav iesniegta',
      resolvedBy: specialistId,
      resolvedByName: expect.any(String),
    });
    // The card's check shows the same reason beside the field.
    const check = await t.as(specialist).post(`/api/adopters/${id}/register-check`, {}).expect(200);
    expect(
      check.body.fields.find((f: { field: string }) => f.field === 'surname').note,
    ).toMatchObject({ reason: 'Laulības apliecība vēl nav iesniegta' });
    const next = await run();
    expect(next.result.opened).toBe(0);
    expect(await items({ resource: 'adopters', recordId: id, status: 'open' })).toEqual([]);
  });

  it('taking the register’s value on the card resolves the item as taken', async () => {
    const id = await idOf('adopters', diff.moved!);
    const [item] = await items({ resource: 'adopters', recordId: id, status: 'open' });
    const { version } = await t.database.db
      .selectFrom('adopters')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await t
      .as(specialist)
      .post(`/api/adopters/${id}/register-check/take`, { field: 'declaredAddress', version })
      .expect(200);
    const [after] = await items({ resource: 'adopters', recordId: id });
    expect(after).toMatchObject({
      id: item!.id,
      status: 'resolved',
      resolution: 'taken',
      resolvedBy: specialistId,
    });
  });

  it('a difference the register no longer shows is resolved as gone', async () => {
    const id = await idOf('children', diff.disabilityEnded!);
    const open = await items({ resource: 'children', recordId: id, status: 'open' });
    expect(open.length).toBeGreaterThan(0);
    // The card corrected outside the queue (say, an edit): the values agree again.
    const set = Object.fromEntries(open.map((i) => [i.field, i.theirs]));
    await t.database.db.updateTable('children').set(set).where('id', '=', id).execute();
    const next = await run();
    expect(next.result.gone).toBeGreaterThanOrEqual(open.length);
    for (const i of await items({ resource: 'children', recordId: id })) {
      expect(i).toMatchObject({ status: 'resolved', resolution: 'gone', resolvedBy: null });
    }
  });

  it('a register that does not answer resolves nothing; the run counts the people it could not check', async () => {
    const open = await items({ status: 'open' });
    // Past the cache's hour: the register itself is asked.
    t.clock.advance(2 * 3600_000);
    t.registers!.sim.setSwitch({ mode: 'status', status: 503 });
    try {
      const down = await run();
      expect(down.outcome).toBe('done');
      expect(down.result.unavailable).toBe(down.result.checked);
      expect(down.result).toMatchObject({ opened: 0, gone: 0 });
      expect((await items({ status: 'open' })).map((i) => i.id)).toEqual(open.map((i) => i.id));
    } finally {
      t.registers!.sim.clearSwitches();
      // The breaker opened: let its cooldown pass on the app's clock.
      t.clock.advance(10 * 60_000);
    }
  });

  it('runs once for a day when two processes get the same day’s job', async () => {
    const runFor = '2026-11-28';
    const outcomes = await Promise.all([
      runJob(registerReconciliationJob, { ...deps }, { runFor }, { id: 'proc-a' }),
      runJob(registerReconciliationJob, { ...deps }, { runFor }, { id: 'proc-b' }),
    ]);
    expect(outcomes.sort()).toEqual(['done', 'skipped']);
    const rows = await t.database.db
      .selectFrom('jobRuns')
      .select('id')
      .where('name', '=', 'register-reconciliation')
      .where('runFor', '=', runFor)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('without a population register it checks nothing and says why', async () => {
    const none = await runJob(
      registerReconciliationJob,
      { ...deps, registers: () => undefined },
      { runFor: '2026-11-29' },
      { id: 'none' },
    );
    expect(none).toBe('done');
    const row = await t.database.db
      .selectFrom('jobRuns')
      .select(['result', 'message'])
      .where('runFor', '=', '2026-11-29')
      .where('name', '=', 'register-reconciliation')
      .executeTakeFirstOrThrow();
    expect(row.result).toMatchObject({ checked: 0, notConfigured: true });
    expect(row.message).toContain('nav konfigurēts');
  });
});
