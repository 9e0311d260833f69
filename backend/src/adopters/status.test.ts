import { rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { nextStatuses } from '../people/status-machine';
import type { AdopterStatus } from '../db/tables/adopters';
import { adopterStatusMachine } from './status';

let t: TestApp;
let specialist: string;
let courts: number[];

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  courts = (
    await t.database.db.selectFrom('orphanCourts').select('id').orderBy('id').limit(2).execute()
  ).map((c) => c.id);
});
afterAll(() => t.close());

const today = rigaToday();
let born = 0;
/** A distinct birth date per adopter (the same name and birth date would look like a duplicate). */
const birthDate = () =>
  new Date(Date.UTC(1975, 0, 1) + born++ * 86_400_000).toISOString().slice(0, 10);

/** An adopter recognised by the orphan-court test user's court (or `court`). */
async function adopter(status?: AdopterStatus, court = courts[0]) {
  const res = await t.request().post('/api/adopters').auth(specialist, { type: 'bearer' }).send({
    origin: 'latvian',
    givenNames: 'Inese',
    surname: 'Ozoliņa',
    personalCode: null,
    birthDate: birthDate(),
    declaredAddress: 'Dārza iela 3, Jelgava, LV-3001',
    orphanCourtId: court,
    decisionNumber: 'BT-2025/A1',
    decisionDate: '2025-04-01',
    enteredOn: '2025-04-20',
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const id = res.body.id as number;
  if (status) {
    await t.database.db.updateTable('adopters').set({ status }).where('id', '=', id).execute();
  }
  return current(id);
}
const current = (id: number) =>
  t.database.db
    .selectFrom('adopters')
    .select(['id', 'status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const move = (id: number, body: Record<string, unknown>, token = specialist) =>
  t.request().post(`/api/adopters/${id}/status`).auth(token, { type: 'bearer' }).send(body);
const historyOf = (id: number, token = specialist) =>
  t.request().get(`/api/adopters/${id}/status-history`).auth(token, { type: 'bearer' });
const paths = (res: { body: { errors?: { path: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.path);

const allowed = Object.entries(adopterStatusMachine.moves).flatMap(([from, targets]) =>
  Object.entries(targets).map(
    ([to, rule]) => [from, to, rule] as [AdopterStatus, AdopterStatus, string],
  ),
);

describe('moving an adopter along the state machine', () => {
  it.each(allowed)('allows %s → %s (reason %s)', async (from, to, rule) => {
    const a = await adopter(from);
    const reason = rule === 'required' ? 'Bāriņtiesas lēmums.' : undefined;
    const res = await move(a.id, { status: to, changedOn: today, reason, version: a.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: a.id, status: to, version: a.version + 1 });
    const [row] = (await historyOf(a.id).expect(200)).body;
    expect(row).toMatchObject({ fromStatus: from, toStatus: to, reason: reason ?? null });
  });

  it.each([
    ['registered', 'information_received'],
    ['waiting', 'adopted'],
    ['closed', 'waiting'],
    ['revoked', 'waiting'],
    ['withdrawn', 'suspended'],
  ] as [AdopterStatus, AdopterStatus][])('refuses %s → %s naming body.status', async (from, to) => {
    const a = await adopter(from);
    const res = await move(a.id, { status: to, changedOn: today, reason: 'x', version: a.version });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.status']);
    expect(res.body.allowed).toEqual(nextStatuses(adopterStatusMachine, from));
    expect(await current(a.id)).toEqual(a);
  });

  it('requires a reason to revoke and to go back to waiting', async () => {
    for (const [from, to] of [
      ['waiting', 'revoked'],
      ['information_received', 'waiting'],
    ] as [AdopterStatus, AdopterStatus][]) {
      const a = await adopter(from);
      const res = await move(a.id, { status: to, changedOn: today, version: a.version });
      expect([res.status, paths(res)]).toEqual([400, ['body.reason']]);
    }
  });

  it('refuses a date before the adopter was entered or in the future', async () => {
    const a = await adopter();
    for (const changedOn of ['2025-04-19', '2999-01-01']) {
      const res = await move(a.id, { status: 'waiting', changedOn, version: a.version });
      expect([res.status, paths(res)]).toEqual([400, ['body.changedOn']]);
    }
  });

  it('answers 409 with the current record for a stale version', async () => {
    const a = await adopter();
    await move(a.id, { status: 'waiting', changedOn: today, version: a.version }).expect(200);
    const res = await move(a.id, {
      status: 'information_received',
      changedOn: today,
      version: a.version,
    }).expect(409);
    expect(res.body.current).toMatchObject({ status: 'waiting', version: a.version + 1 });
  });
});

describe('scope and audit', () => {
  it('refuses the orphan court a move (403) and another court’s adopter (404)', async () => {
    const court = await t.token('orphan_court');
    const own = await adopter();
    const other = await adopter(undefined, courts[1]);
    await move(own.id, { status: 'waiting', changedOn: today, version: own.version }, court).expect(
      403,
    );
    await historyOf(own.id, court).expect(200);
    await historyOf(other.id, court).expect(404);
    await move(other.id, { status: 'waiting', changedOn: today, version: 1 }, court).expect(403);
  });

  it('writes one audit event without the reason and lists the history newest first', async () => {
    let a = await adopter();
    const steps: [AdopterStatus, string, string?][] = [
      ['waiting', '2025-05-01'],
      ['suspended', '2025-06-01', 'Ģimenes apstākļi mainījušies.'],
      ['waiting', '2025-07-01', 'Apstākļi atjaunoti.'],
    ];
    for (const [status, changedOn, reason] of steps) {
      await move(a.id, { status, changedOn, reason, version: a.version }).expect(200);
      a = await current(a.id);
    }
    const events = await t.database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('resource', '=', 'adopters')
      .where('recordId', '=', String(a.id))
      .where('action', '=', 'status_change')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.changes)).toEqual([
      { status: { old: 'registered', new: 'waiting' } },
      { status: { old: 'waiting', new: 'suspended' } },
      { status: { old: 'suspended', new: 'waiting' } },
    ]);
    expect(events[1]!.detail).toEqual({ changedOn: '2025-06-01', reasonGiven: true });
    expect(JSON.stringify(events)).not.toContain('apstākļi');
    const res = await historyOf(a.id).expect(200);
    expect(res.body.map((r: { toStatus: string }) => r.toStatus)).toEqual([
      'waiting',
      'suspended',
      'waiting',
    ]);
    expect(res.body[0]).toMatchObject({
      fromStatus: 'suspended',
      changedOn: '2025-07-01',
      changedByName: 'Tests adoption_specialist',
    });
  });
});
