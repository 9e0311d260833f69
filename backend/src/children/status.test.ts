import { rigaToday } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { firstId } from '../test-support/reference-data';
import { nextStatuses } from '../people/status-machine';
import type { ChildStatus } from '../db/tables/children';
import { childStatusMachine } from './status';

let t: TestApp;
let specialist: string;
let courtId: number;
let providerId: number;

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  const db = t.database.db;
  courtId = await firstId(db, 'orphanCourts');
  providerId = await firstId(db, 'careProviders');
});
afterAll(() => t.close());

const today = rigaToday();

let born = 0;
/** A distinct birth date per child (the same name and birth date would look like a duplicate). */
const birthDate = () =>
  new Date(Date.UTC(2010, 0, 1) + born++ * 86_400_000).toISOString().slice(0, 10);

/** A child without a personal code, placed with the care-institution test user's institution. */
async function child(status?: ChildStatus, over: Record<string, unknown> = {}) {
  const res = await t
    .request()
    .post('/api/children')
    .auth(specialist, { type: 'bearer' })
    .send({
      givenNames: 'Anna',
      surname: 'Kalniņa',
      sex: 'female',
      birthDate: birthDate(),
      nationalityKind: 'citizen',
      recordSheetReceivedOn: '2025-03-03',
      careForm: 'care_institution',
      careOrphanCourtId: courtId,
      careDecisionNumber: 'BT-2025/7',
      careDecisionDate: '2025-02-14',
      careProviderId: providerId,
      // Born 2010–2011: 12 or older, so offering them needs their consent.
      consent: 'given',
      consentDate: '2025-03-01',
      ...over,
    });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const id = res.body.id as number;
  if (status) {
    await t.database.db.updateTable('children').set({ status }).where('id', '=', id).execute();
  }
  return current(id);
}
const current = (id: number) =>
  t.database.db
    .selectFrom('children')
    .select(['id', 'status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const move = (id: number, body: Record<string, unknown>, token = specialist) =>
  t.request().post(`/api/children/${id}/status`).auth(token, { type: 'bearer' }).send(body);
const historyOf = (id: number, token = specialist) =>
  t.request().get(`/api/children/${id}/status-history`).auth(token, { type: 'bearer' });
const paths = (res: { body: { errors?: { path: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.path);

const allowed = Object.entries(childStatusMachine.moves).flatMap(([from, targets]) =>
  Object.entries(targets).map(
    ([to, rule]) => [from, to, rule] as [ChildStatus, ChildStatus, string],
  ),
);

describe('moving a child along the state machine', () => {
  it.each(allowed)('allows %s → %s (reason %s)', async (from, to, rule) => {
    const c = await child(from);
    const reason = rule === 'required' ? 'Adoptētājs atteicās.' : undefined;
    const res = await move(c.id, {
      status: to,
      changedOn: today,
      reason,
      version: c.version,
    }).expect(200);
    expect(res.body).toMatchObject({ id: c.id, status: to, version: c.version + 1 });
    const rows = await t.database.db
      .selectFrom('childStatusChanges')
      .selectAll()
      .where('childId', '=', c.id)
      .execute();
    expect(rows).toMatchObject([
      { fromStatus: from, toStatus: to, changedOn: today, reason: reason ?? null },
    ]);
  });

  it.each([
    ['record_received', 'offered'],
    ['available', 'adopted'],
    ['offered', 'pre_adoption_care'],
    ['not_consenting', 'record_received'],
    ['adopted', 'available'],
    ['withdrawn', 'suspended'],
    ['available', 'available'],
  ] as [ChildStatus, ChildStatus][])(
    'refuses %s → %s naming body.status and the allowed moves',
    async (from, to) => {
      const c = await child(from);
      const res = await move(c.id, {
        status: to,
        changedOn: today,
        reason: 'x',
        version: c.version,
      }).expect(400);
      expect(paths(res)).toEqual(['body.status']);
      expect(res.body.allowed).toEqual(nextStatuses(childStatusMachine, from));
      for (const next of res.body.allowed) expect(res.body.detail).toContain(next);
      expect(await current(c.id)).toEqual(c);
    },
  );

  it('refuses an unknown status and an unknown field', async () => {
    const c = await child();
    const unknown = await move(c.id, {
      status: 'lost',
      changedOn: today,
      version: c.version,
    }).expect(400);
    expect(paths(unknown)).toEqual(['body.status']);
    const extra = await move(c.id, {
      status: 'available',
      changedOn: today,
      version: c.version,
      by: 1,
    }).expect(400);
    expect(paths(extra)).toContain('body.by');
  });
});

describe('reasons and dates', () => {
  it.each([undefined, null, '', '   '])(
    'requires a reason to withdraw (reason %p)',
    async (reason) => {
      const c = await child('available');
      const res = await move(c.id, {
        status: 'withdrawn',
        changedOn: today,
        reason,
        version: c.version,
      }).expect(400);
      expect(paths(res)).toEqual(['body.reason']);
      expect(await current(c.id)).toEqual(c);
      const rows = await t.database.db
        .selectFrom('childStatusChanges')
        .select('id')
        .where('childId', '=', c.id)
        .execute();
      expect(rows).toEqual([]);
    },
  );

  it('takes an optional note on a forward move, stored trimmed', async () => {
    const c = await child();
    await move(c.id, {
      status: 'available',
      changedOn: today,
      reason: '  Dokumenti pilnīgi. ',
      version: c.version,
    }).expect(200);
    const [row] = (await historyOf(c.id).expect(200)).body;
    expect(row.reason).toBe('Dokumenti pilnīgi.');
  });

  it.each([
    ['in the future', '2999-01-01', 'date_in_future'],
    ['before the record sheet was received', '2025-03-02', 'date_order'],
    ['that does not exist', '2025-02-30', undefined],
  ])('refuses a date %s naming body.changedOn', async (_, changedOn, code) => {
    const c = await child();
    const res = await move(c.id, { status: 'available', changedOn, version: c.version }).expect(
      400,
    );
    expect(paths(res)).toEqual(['body.changedOn']);
    if (code) expect(res.body.errors[0].code).toBe(code);
  });

  it('refuses a date before the last change, accepts the same day', async () => {
    const c = await child();
    const first = await move(c.id, {
      status: 'available',
      changedOn: '2025-06-10',
      version: c.version,
    }).expect(200);
    const res = await move(c.id, {
      status: 'offered',
      changedOn: '2025-06-09',
      version: first.body.version,
    }).expect(400);
    expect(paths(res)).toEqual(['body.changedOn']);
    expect(res.body.errors[0].message).toContain('2025-06-10');
    await move(c.id, {
      status: 'offered',
      changedOn: '2025-06-10',
      version: first.body.version,
    }).expect(200);
  });
});

describe('locking, scope and audit', () => {
  it('answers 409 with the current record for a stale version, changing nothing', async () => {
    const c = await child();
    await move(c.id, { status: 'available', changedOn: today, version: c.version }).expect(200);
    const res = await move(c.id, {
      status: 'offered',
      changedOn: today,
      version: c.version,
    }).expect(409);
    expect(res.body.current).toMatchObject({
      id: c.id,
      status: 'available',
      version: c.version + 1,
    });
    expect((await historyOf(c.id)).body).toHaveLength(1);
  });

  it('answers 404 for an id nobody has', async () => {
    await move(2147483000, { status: 'available', changedOn: today, version: 1 }).expect(404);
    await historyOf(2147483000).expect(404);
  });

  it('refuses the care institution a move (403) and a child outside its scope (404)', async () => {
    const care = await t.token('care_institution');
    const own = await child();
    const other = await child(undefined, { careForm: 'foster_family', careProviderId: null });
    await move(
      own.id,
      { status: 'available', changedOn: today, version: own.version },
      care,
    ).expect(403);
    await historyOf(own.id, care).expect(200);
    await historyOf(other.id, care).expect(404);
    await t.request().get(`/api/children/${other.id}/status-history`).expect(401);
  });

  it('writes exactly one audit event, without the reason text', async () => {
    const c = await child('available');
    const events = () =>
      t.database.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('resource', '=', 'children')
        .where('recordId', '=', String(c.id))
        .where('action', '=', 'status_change')
        .execute();
    expect(await events()).toEqual([]);
    const reason = 'Bērns slimnīcā, Rīgas 2. slimnīca.';
    await move(c.id, { status: 'suspended', changedOn: today, reason, version: c.version }).expect(
      200,
    );
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      changes: { status: { old: 'available', new: 'suspended' } },
      detail: { changedOn: today, reasonGiven: true },
    });
    expect(JSON.stringify(event)).not.toContain('slimnīc');
  });

  it('lists the history newest first with who recorded each change', async () => {
    let c = await child();
    const steps: [ChildStatus, string, string?][] = [
      ['available', '2025-04-01'],
      ['offered', '2025-05-01'],
      ['available', '2025-05-01', 'Atteikums.'],
    ];
    for (const [status, changedOn, reason] of steps) {
      await move(c.id, { status, changedOn, reason, version: c.version }).expect(200);
      c = await current(c.id);
    }
    const res = await historyOf(c.id).expect(200);
    expect(res.body).toMatchObject([
      {
        fromStatus: 'offered',
        toStatus: 'available',
        changedOn: '2025-05-01',
        reason: 'Atteikums.',
      },
      { fromStatus: 'available', toStatus: 'offered', changedOn: '2025-05-01', reason: null },
      { fromStatus: 'record_received', toStatus: 'available', changedOn: '2025-04-01' },
    ]);
    expect(res.body[0].changedByName).toBe('Tests adoption_specialist');
  });
});

describe('consent from 12 before the child is offered', () => {
  it('refuses available or offered for a child of 12 or more without consent, naming the status', async () => {
    const c = await child(undefined, { consent: null, consentDate: null });
    const res = await move(c.id, {
      status: 'available',
      changedOn: today,
      version: c.version,
    }).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.status', code: 'consent_required' }),
    ]);
    const refused = await child(undefined, { consent: 'refused' });
    await move(refused.id, {
      status: 'available',
      changedOn: today,
      version: refused.version,
    }).expect(400);
    // The move the table offers instead.
    await move(c.id, {
      status: 'not_consenting',
      changedOn: today,
      reason: 'Nepiekrīt adopcijai.',
      version: c.version,
    }).expect(200);
  });

  it('lets a younger child be offered without consent', async () => {
    const young = await child(undefined, {
      birthDate: '2018-06-01',
      consent: null,
      consentDate: null,
      givenNames: 'Mārīte',
    });
    await move(young.id, { status: 'available', changedOn: today, version: young.version }).expect(
      200,
    );
  });
});

describe('GET /api/status-machines', () => {
  it('answers the tables the moves are checked against, to any signed-in user', async () => {
    await t.request().get('/api/status-machines').expect(401);
    const institution = await t.token('care_institution');
    const res = await t
      .request()
      .get('/api/status-machines')
      .auth(institution, { type: 'bearer' })
      .expect(200);
    expect(res.body.children).toEqual(JSON.parse(JSON.stringify(childStatusMachine)));
    expect(res.body.adopters.final).toEqual(['closed', 'revoked', 'withdrawn']);
    // What it offers from a status is what a move from there may do.
    const { id, version } = await child('offered');
    const offered = Object.keys(res.body.children.moves.offered as object);
    expect(offered).toContain('getting_acquainted');
    expect(offered).not.toContain('adopted');
    await move(id, { status: 'adopted', changedOn: today, version }).expect(400);
    await move(id, { status: 'getting_acquainted', changedOn: today, version }).expect(200);
  });
});
