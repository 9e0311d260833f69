import { createTestApp, type TestApp } from '../test-support/test-app';
import { createLogger } from '../logger';
import { runJob } from '../jobs/runner';
import { registerReconciliationJob } from './reconcile';

// The reconciliation's work queue over HTTP: the list contract with its filters, who may read and
// work it, assigning and resolving with the version the caller read, and every bad input a 4xx
// naming the field.

let t: TestApp;
let specialist: string;
let head: string;
let specialistId: number;

const list = (query: string, token = specialist) =>
  t.as(token).get(`/api/register-differences${query}`);
const q = (filter: object, extra = '') =>
  `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;
/** The newest audit event of an action (and resource). */
const lastEvent = (action: string, resource = 'register-differences') =>
  t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', action)
    .where('resource', '=', resource)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const errorPaths = (body: { errors?: { path: string }[] }) => body.errors?.map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  head = await t.token('head_of_department');
  ({ id: specialistId } = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'adoption-specialist')
    .executeTakeFirstOrThrow());
  await runJob(
    registerReconciliationJob,
    {
      db: t.database.db,
      log: createLogger('silent'),
      config: { REGISTER_MAILBOX: 'adopcija@lm.example.lv' },
      now: () => t.clock.now(),
      registers: () => t.app.registers,
    },
    { runFor: '2026-12-01' },
    { id: 'queue-1' },
  );
});
afterAll(() => t?.close());

describe('the list', () => {
  it('answers a page of open items with the record’s name, newest first, and the total', async () => {
    const res = await list(q({ status: 'open' }, '&range=[0,2]')).expect(200);
    const total = Number(/\/(\d+)$/.exec(String(res.headers['content-range']))![1]);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(res.body).toHaveLength(3);
    expect(res.body[0].id).toBeGreaterThan(res.body[1].id);
    for (const item of res.body) {
      expect(item).toMatchObject({
        status: 'open',
        recordName: expect.any(String),
        withheld: false,
        assignedTo: null,
        resolution: null,
        foundAt: expect.any(String),
      });
    }
  });

  it('filters by kind of difference, register and resource', async () => {
    const address = await list(q({ kind: 'address' })).expect(200);
    expect(address.body.length).toBeGreaterThan(0);
    for (const i of address.body)
      expect(i).toMatchObject({ kind: 'address', resource: 'adopters' });
    const disability = await list(q({ register: 'disability' })).expect(200);
    expect(disability.body.length).toBeGreaterThan(0);
    for (const i of disability.body) expect(i).toMatchObject({ resource: 'children' });
    const none = await list(q({ kind: 'address', resource: 'children' })).expect(200);
    expect(none.body).toEqual([]);
  });

  it('refuses an unknown kind or filter, naming it', async () => {
    const bad = await list(q({ kind: 'shoe_size' })).expect(400);
    expect(errorPaths(bad.body)).toEqual(['query.filter.kind']);
    const unknown = await list(q({ colour: 'red' })).expect(400);
    expect(errorPaths(unknown.body)).toEqual(['query.filter.colour']);
  });

  it('audits the page with the children and adopters it showed', async () => {
    const res = await list(q({ kind: 'names' })).expect(200);
    const event = await lastEvent('list');
    expect(event.recordIds).toEqual(res.body.map((i: { id: number }) => String(i.id)));
    expect(event.detail).toMatchObject({
      records: { adopters: expect.any(Array), children: expect.any(Array) },
    });
  });

  it.each(['orphan_court', 'care_institution', 'analyst', 'administrator', 'auditor'] as const)(
    'is not for the %s (403)',
    async (role) => {
      await list('', await t.token(role)).expect(403);
    },
  );
});

describe('working an item', () => {
  const openItem = async () => {
    const res = await list(q({ status: 'open', unassigned: true }, '&range=[0,0]')).expect(200);
    return res.body[0] as { id: number; version: number };
  };

  it('assigns to a specialist, shows it under their name, and finds it by who has it', async () => {
    const item = await openItem();
    const res = await t
      .as(head)
      .post(`/api/register-differences/${item.id}/assign`, {
        userId: specialistId,
        version: item.version,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      assignedTo: specialistId,
      assignedToName: expect.any(String),
      version: item.version + 1,
    });
    const mine = await list(q({ assignedTo: specialistId })).expect(200);
    expect(mine.body.map((i: { id: number }) => i.id)).toContain(item.id);
    const unassigned = await list(q({ unassigned: true }, '&range=[0,999]')).expect(200);
    expect(unassigned.body.map((i: { id: number }) => i.id)).not.toContain(item.id);
    // And back to nobody.
    await t
      .as(head)
      .post(`/api/register-differences/${item.id}/assign`, {
        userId: null,
        version: item.version + 1,
      })
      .expect(200);
  });

  it('refuses a stale version (409) and a user who does not work the queue (400 naming userId)', async () => {
    const item = await openItem();
    const stale = await t
      .as(specialist)
      .post(`/api/register-differences/${item.id}/assign`, {
        userId: specialistId,
        version: item.version + 7,
      })
      .expect(409);
    expect(stale.body).toMatchObject({ field: 'version' });
    const court = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'orphan_court')
      .executeTakeFirstOrThrow();
    const wrong = await t
      .as(specialist)
      .post(`/api/register-differences/${item.id}/assign`, {
        userId: court.id,
        version: item.version,
      })
      .expect(400);
    expect(errorPaths(wrong.body)).toEqual(['body.userId']);
    const after = await t.as(specialist).get(`/api/register-differences/${item.id}`).expect(200);
    expect(after.body).toMatchObject({ assignedTo: null, version: item.version });
  });

  it('resolves with a reason once; an empty reason is refused naming it', async () => {
    const item = await openItem();
    const empty = await t
      .as(specialist)
      .post(`/api/register-differences/${item.id}/resolve`, { reason: '  ', version: item.version })
      .expect(400);
    expect(errorPaths(empty.body)).toEqual(['body.reason']);
    const done = await t
      .as(specialist)
      .post(`/api/register-differences/${item.id}/resolve`, {
        reason: 'Bāriņtiesas lēmums vēl nav spēkā',
        version: item.version,
      })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'resolved', resolution: 'explained' });
    const event = await lastEvent('resolve');
    expect(event).toMatchObject({ resource: 'register-differences', recordId: String(item.id) });
    expect(JSON.stringify(event.detail)).not.toContain('Bāriņtiesas');
    const again = await t
      .as(specialist)
      .post(`/api/register-differences/${item.id}/resolve`, {
        reason: 'Vēlreiz',
        version: item.version + 1,
      })
      .expect(409);
    expect(again.body).toMatchObject({ field: 'status' });
    const resolved = await list(q({ status: 'resolved', resolution: 'explained' })).expect(200);
    expect(resolved.body.map((i: { id: number }) => i.id)).toContain(item.id);
  });

  it('answers 404 for an item that does not exist', async () => {
    await t.as(specialist).get('/api/register-differences/999999').expect(404);
    await t
      .as(specialist)
      .post('/api/register-differences/999999/resolve', { reason: 'x', version: 1 })
      .expect(404);
  });
});
