import { createTestApp, type TestApp } from '../test-support/test-app';

// An orphan court's sibling-separation decision as a change request: it proposes for a group with
// one of its children only, its own decision in full; the group is unchanged until a specialist
// accepts, through the same writer as the sibling-group routes; a change made meanwhile is a 409.

let t: TestApp;
let specialist: string;
let court: string;
let institution: string;
let courtId: number;
let otherCourtId: number;
let ownGroup: { id: number; version: number };
let otherGroup: { id: number; version: number };

async function child(givenNames: string, surname: string, birthDate: string, careCourt: number) {
  const res = await t
    .as(specialist)
    .post('/api/children', {
      givenNames,
      surname,
      sex: givenNames.endsWith('a') ? 'female' : 'male',
      birthDate,
      nationalityKind: 'citizen',
      recordSheetReceivedOn: '2025-06-02',
      careForm: 'foster_family',
      careOrphanCourtId: careCourt,
      careDecisionNumber: 'BT-2025/77',
      careDecisionDate: '2025-05-20',
      health: 'Vesels.',
      birthFamilyCharacterisation: 'Vecākiem atņemtas aizgādības tiesības.',
      confirmLikelyDuplicate: true,
    })
    .expect(201);
  return res.body.id as number;
}

async function group(childIds: number[]) {
  const created = await t.as(specialist).post('/api/sibling-groups', { note: null }).expect(201);
  const res = await t
    .as(specialist)
    .put(`/api/sibling-groups/${created.body.id}/members`, {
      childIds,
      version: created.body.version,
    })
    .expect(200);
  return res.body as { id: number; version: number };
}

const decision = (over: Record<string, unknown> = {}) => ({
  mayBeSeparated: true,
  separationOrphanCourtId: courtId,
  separationDecisionNumber: 'BT-2026/14',
  separationDecisionDate: '2026-03-02',
  ...over,
});
const propose = (token: string, recordId: number, changes: object) =>
  t.as(token).post('/api/change-requests', { resource: 'sibling-groups', recordId, changes });

beforeAll(async () => {
  t = await createTestApp();
  [specialist, court, institution] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('orphan_court'),
    t.token('care_institution'),
  ]);
  const courts = await t.database.db
    .selectFrom('orphanCourts')
    .select('id')
    .orderBy('id')
    .execute();
  courtId = courts[0]!.id;
  otherCourtId = courts[1]!.id;
  await t.database.db
    .updateTable('users')
    .set({ orphanCourtId: courtId, email: 'ilze.berzina@bt.example.lv' })
    .where('username', '=', 'orphan-court')
    .execute();
  ownGroup = await group([
    await child('Elza', 'Kalniņa', '2015-04-11', courtId),
    await child('Jānis', 'Kalniņš', '2018-09-23', courtId),
  ]);
  otherGroup = await group([
    await child('Marta', 'Ozoliņa', '2016-01-30', otherCourtId),
    await child('Pēteris', 'Ozoliņš', '2019-07-04', otherCourtId),
  ]);
});
afterAll(() => t.close());

it('is a proposal until a specialist accepts it; then the group carries the decision', async () => {
  const { body: request } = await propose(court, ownGroup.id, decision()).expect(201);
  expect(request).toMatchObject({
    resource: 'sibling-groups',
    kind: 'update',
    recordId: ownGroup.id,
    status: 'pending',
    orphanCourtId: courtId,
    recordName: 'Kalniņa Elza, Kalniņš Jānis',
    fields: [
      'mayBeSeparated',
      'separationOrphanCourtId',
      'separationDecisionNumber',
      'separationDecisionDate',
    ],
  });
  const before = await t.as(specialist).get(`/api/sibling-groups/${ownGroup.id}`).expect(200);
  expect(before.body).toMatchObject({ mayBeSeparated: false, separationDecisionNumber: null });

  const shown = await t.as(court).get(`/api/change-requests/${request.id}`).expect(200);
  expect(shown.body).toMatchObject({
    proposed: decision(),
    valuesAtProposal: {
      mayBeSeparated: false,
      separationOrphanCourtId: null,
      separationDecisionNumber: null,
      separationDecisionDate: null,
    },
    current: { mayBeSeparated: false },
    changedSinceProposal: [],
  });

  const accepted = await t
    .as(specialist)
    .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
    .expect(200);
  expect(accepted.body).toMatchObject({ status: 'accepted', current: decision() });
  const after = await t.as(specialist).get(`/api/sibling-groups/${ownGroup.id}`).expect(200);
  expect(after.body).toMatchObject({ ...decision(), version: before.body.version + 1 });
  expect(after.body.children).toHaveLength(2);

  // One update event of the group names the request (the others set its members); the proposer
  // is told.
  const events = await t.database.db
    .selectFrom('auditEvents')
    .select(['action', 'changes', 'detail'])
    .where('resource', '=', 'sibling-groups')
    .where('recordId', '=', String(ownGroup.id))
    .where('action', '=', 'update')
    .execute();
  expect(events.filter((e) => e.detail !== null)).toEqual([
    expect.objectContaining({
      changes: expect.objectContaining({ mayBeSeparated: { old: false, new: true } }),
      detail: { changeRequestId: request.id },
    }),
  ]);
  const mail = await t.database.db
    .selectFrom('outbox')
    .select('template')
    .where('idempotencyKey', '=', `change-request-${request.id}-decided`)
    .executeTakeFirst();
  expect(mail).toEqual({ template: 'change-request-accepted' });
});

it('refuses an incomplete decision, another court’s decision and fields that are not the court’s', async () => {
  // The group may be separated now (the first test): the decision cannot lose its date.
  const incomplete = await propose(court, ownGroup.id, { separationDecisionDate: null }).expect(
    400,
  );
  expect(incomplete.body.errors).toEqual([
    expect.objectContaining({ path: 'body.changes.separationDecisionDate', code: 'required' }),
  ]);
  const notOwn = await propose(court, ownGroup.id, {
    separationOrphanCourtId: otherCourtId,
  }).expect(400);
  expect(notOwn.body.errors).toEqual([
    expect.objectContaining({ path: 'body.changes.separationOrphanCourtId', code: 'out_of_scope' }),
  ]);
  const note = await propose(court, ownGroup.id, { note: 'Jāšķir.' }).expect(400);
  expect(note.body.errors).toEqual([
    expect.objectContaining({ path: 'body.changes.note', code: 'not_responsible' }),
  ]);
  const create = await t
    .as(court)
    .post('/api/change-requests', {
      resource: 'sibling-groups',
      kind: 'create',
      changes: decision(),
    })
    .expect(400);
  expect(create.body.errors).toEqual([
    expect.objectContaining({ path: 'body.kind', code: 'not_responsible' }),
  ]);
  const byInstitution = await propose(institution, ownGroup.id, decision()).expect(400);
  expect(byInstitution.body.errors).toEqual([
    expect.objectContaining({ path: 'body.resource', code: 'not_responsible' }),
  ]);
});

it('a group without one of the court’s children does not exist for it', async () => {
  await propose(court, otherGroup.id, decision()).expect(404);
  await propose(court, 999999, decision()).expect(404);
});

it('a specialist’s change of the decision meanwhile is a conflict to resolve', async () => {
  const current = await t.as(specialist).get(`/api/sibling-groups/${ownGroup.id}`).expect(200);
  const { body: request } = await propose(court, ownGroup.id, {
    separationDecisionNumber: 'BT-2026/20',
    separationDecisionDate: '2026-04-01',
  }).expect(201);
  await t
    .as(specialist)
    .put(`/api/sibling-groups/${ownGroup.id}`, {
      ...current.body,
      separationDecisionNumber: 'BT-2026/19',
    })
    .expect(200);
  const conflict = await t
    .as(specialist)
    .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
    .expect(409);
  expect(conflict.body).toMatchObject({
    code: 'changed_since_proposal',
    fields: ['separationDecisionNumber'],
    current: { separationDecisionNumber: 'BT-2026/19' },
  });
  await t
    .as(specialist)
    .post(`/api/change-requests/${request.id}/accept`, {
      version: request.version,
      override: true,
    })
    .expect(200);
  const after = await t.as(specialist).get(`/api/sibling-groups/${ownGroup.id}`).expect(200);
  expect(after.body).toMatchObject({
    separationDecisionNumber: 'BT-2026/20',
    separationDecisionDate: '2026-04-01',
  });
});
