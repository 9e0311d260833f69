import { createTestApp, type TestApp } from '../test-support/test-app';
import { adopterCard } from '../test-support/adopter-card';
import { firstId } from '../test-support/reference-data';
import { createRng } from '../latvian/random';
import { formatPersonalCode, generatePersonalCode } from '../latvian/personal-code';

// An orphan court's proposals: the record sheet of a new child (created through the children's
// writer, likely-duplicate guard included), its own decisions on a child, and an adopter it
// recognised. Nothing is in the register before a specialist accepts.

let t: TestApp;
let specialist: string;
let court: string;
let courtId: number;
let otherCourtId: number;
let providerId: number;
const rng = createRng('change-requests-orphan-court');

const sheet = (over: Record<string, unknown> = {}) => ({
  givenNames: 'Krišjānis',
  surname: 'Vītoliņš',
  sex: 'male',
  personalCode: formatPersonalCode(generatePersonalCode(rng, '2019-08-30')),
  birthDate: '2019-08-30',
  nationalityKind: 'citizen',
  religion: null,
  recordSheetReceivedOn: '2026-01-12',
  careForm: 'foster_family',
  careOrphanCourtId: courtId,
  careDecisionNumber: 'BT-2025/301',
  careDecisionDate: '2025-12-01',
  health: 'Vesels.',
  birthFamilyCharacterisation: 'Māte atteikusies no bērna.',
  relatives: [{ kind: 'mother', givenNames: 'Inga', surname: 'Vītoliņa', birthDate: '1998-02-03' }],
  ...over,
});
const proposeChild = (changes: object) =>
  t.as(court).post('/api/change-requests', { resource: 'children', kind: 'create', changes });
const countChildren = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('children')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  [specialist, court] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('orphan_court'),
  ]);
  const db = t.database.db;
  const courts = await db.selectFrom('orphanCourts').select('id').orderBy('id').execute();
  courtId = courts[0]!.id;
  otherCourtId = courts[1]!.id;
  providerId = await firstId(db, 'careProviders');
  await db
    .updateTable('users')
    .set({ email: 'janis.liepins@bt.example.lv', preferredLanguage: 'en' })
    .where('username', '=', 'orphan-court')
    .execute();
});
afterAll(() => t.close());

describe("an orphan court's new child", () => {
  it('is only a proposal until a specialist accepts it, then a child created by the writer', async () => {
    const before = await countChildren();
    const { body: request } = await proposeChild(sheet()).expect(201);
    expect(request).toMatchObject({
      kind: 'create',
      recordId: null,
      status: 'pending',
      orphanCourtId: courtId,
      recordName: 'Vītoliņš Krišjānis',
    });
    expect(await countChildren()).toBe(before);

    const shown = await t.as(specialist).get(`/api/change-requests/${request.id}`).expect(200);
    expect(shown.body).toMatchObject({
      proposed: { surname: 'Vītoliņš', healthConditions: [], careProviderId: null },
      valuesAtProposal: null,
      current: null,
    });

    // A new record is accepted whole.
    const partial = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, {
        version: request.version,
        fields: ['surname'],
      })
      .expect(400);
    expect(partial.body.errors[0]).toMatchObject({ path: 'body.fields', code: 'whole_record' });

    const accepted = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const childId = accepted.body.createdRecordId as number;
    const child = await t.as(specialist).get(`/api/children/${childId}`).expect(200);
    expect(child.body).toMatchObject({
      surname: 'Vītoliņš',
      status: 'record_received',
      relatives: [expect.objectContaining({ kind: 'mother', surname: 'Vītoliņa' })],
    });
    const history = await t.as(specialist).get(`/api/children/${childId}/changes`).expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ source: 'change_request', changeRequestId: request.id }),
    ]);
    // The court now sees the child (its care decision) and the outcome, in English.
    await t.as(court).get(`/api/children/${childId}`).expect(200);
    const [mail] = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', '=', `change-request-${request.id}-decided`)
      .execute();
    expect(mail).toMatchObject({ template: 'change-request-accepted', language: 'en' });
    expect(mail!.data).toMatchObject({ acceptedCount: accepted.body.fields.length, comment: null });
  });

  it('meets the likely-duplicate guard: the specialist confirms when accepting', async () => {
    const first = sheet({ givenNames: 'Roberts', surname: 'Zariņš', personalCode: null });
    await t.as(specialist).post('/api/children', first).expect(201);
    // The court cannot be told about a child outside its scope: the proposal goes through.
    const { body: request } = await proposeChild({
      ...first,
      givenNames: 'roberts',
      surname: 'ZARINS',
    }).expect(201);
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'likely_duplicate' });
    expect((await t.as(specialist).get(`/api/change-requests/${request.id}`)).body.status).toBe(
      'pending',
    );
    const accepted = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, {
        version: request.version,
        confirmLikelyDuplicate: true,
      })
      .expect(200);
    expect(accepted.body.createdRecordId).toEqual(expect.any(Number));
  });

  it('must be a child whose care the court decided', async () => {
    const res = await proposeChild(sheet({ careOrphanCourtId: otherCourtId })).expect(400);
    expect(res.body.errors[0]).toMatchObject({
      path: 'body.changes.careOrphanCourtId',
      code: 'out_of_scope',
    });
  });

  it.each([
    ['a missing surname', { surname: undefined }, 'body.changes.surname'],
    [
      'a decision before birth',
      { careDecisionDate: '2019-01-01' },
      'body.changes.careDecisionDate',
    ],
    ['a bad personal code', { personalCode: '300819-00000' }, 'body.changes.personalCode'],
  ])('is refused with %s, naming the field', async (_, over, path) => {
    const res = await proposeChild(sheet(over)).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('is refused with a care provider for a foster family', async () => {
    const res = await proposeChild(sheet({ careProviderId: providerId })).expect(400);
    expect(res.body.errors[0]).toMatchObject({
      path: 'body.changes.careProviderId',
      code: 'not_allowed',
    });
  });
});

describe("an orphan court's decisions on a child", () => {
  it('proposes clearance for adoption abroad; health is not its to propose', async () => {
    const { body: child } = await t
      .as(specialist)
      .post('/api/children', sheet({ givenNames: 'Oskars', personalCode: null }))
      .expect(201);
    const propose = (changes: object) =>
      t.as(court).post('/api/change-requests', {
        resource: 'children',
        recordId: child.id,
        changes,
      });
    const health = await propose({ health: 'Cits.' }).expect(400);
    expect(health.body.errors[0]).toMatchObject({
      path: 'body.changes.health',
      code: 'not_responsible',
    });
    // Clearance without its decision cannot be accepted: refused at once.
    const incomplete = await propose({ clearedAbroad: true }).expect(400);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toContain(
      'body.changes.abroadCourtDecisionNumber',
    );
    // The Commission's opinion date is not the court's: the specialist completes it on accepting.
    const { body: request } = await propose({
      clearedAbroad: true,
      abroadCourtDecisionNumber: 'BT-2026/7',
      abroadCourtDecisionDate: '2026-01-05',
      legallyFree: true,
    }).expect(201);
    const accept = (body: object) =>
      t.as(specialist).post(`/api/change-requests/${request.id}/accept`, {
        version: request.version,
        ...body,
      });
    const incompleteAccept = await accept({}).expect(400);
    expect(incompleteAccept.body.errors[0]).toMatchObject({
      path: 'body.abroadCommissionOpinionDate',
      code: 'required',
    });
    const proposedAgain = await accept({ complete: { legallyFree: false } }).expect(400);
    expect(proposedAgain.body.errors[0]).toMatchObject({
      path: 'body.complete.legallyFree',
      code: 'proposed',
    });
    const accepted = await accept({
      complete: { abroadCommissionOpinionDate: '2026-01-20' },
    }).expect(200);
    expect(accepted.body.status).toBe('accepted');
    const now = await t.as(specialist).get(`/api/children/${child.id}`).expect(200);
    expect(now.body).toMatchObject({
      legallyFree: true,
      clearedAbroad: true,
      abroadCommissionOpinionDate: '2026-01-20',
    });
  });
});

describe("an orphan court's adopters", () => {
  const newAdopter = async (orphanCourtId: number) =>
    (await t.as(specialist).post('/api/adopters', adopterCard(rng, orphanCourtId)).expect(201))
      .body as { id: number };

  it('proposes a change of an adopter it recognised; a specialist accepts it', async () => {
    const adopter = await newAdopter(courtId);
    const { body: request } = await t
      .as(court)
      .post('/api/change-requests', {
        resource: 'adopters',
        recordId: adopter.id,
        changes: { wishesNote: 'Vēlas bērnu, kuram patīk dzīvnieki.', acceptsSiblings: true },
      })
      .expect(201);
    await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
      .expect(200);
    const now = await t.as(specialist).get(`/api/adopters/${adopter.id}`).expect(200);
    expect(now.body).toMatchObject({
      wishesNote: 'Vēlas bērnu, kuram patīk dzīvnieki.',
      acceptsSiblings: true,
    });
  });

  it('cannot propose refusals, nor for an adopter another court recognised', async () => {
    const own = await newAdopter(courtId);
    const other = await newAdopter(otherCourtId);
    const refusals = await t
      .as(court)
      .post('/api/change-requests', {
        resource: 'adopters',
        recordId: own.id,
        changes: { refusals: [] },
      })
      .expect(400);
    expect(refusals.body.errors[0]).toMatchObject({
      path: 'body.changes.refusals',
      code: 'not_responsible',
    });
    await t
      .as(court)
      .post('/api/change-requests', {
        resource: 'adopters',
        recordId: other.id,
        changes: { wishesNote: 'x' },
      })
      .expect(404);
  });
});
