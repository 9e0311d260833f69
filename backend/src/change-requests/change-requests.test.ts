import {
  createTestApp,
  testPasswordHash,
  TEST_PASSWORD,
  type TestApp,
} from '../test-support/test-app';
import { insertUser } from '../users/repository';
import { firstId } from '../test-support/reference-data';

// The change-request flow of a care institution against the real database: proposals never touch
// the register, a specialist accepts field by field or returns, the proposer sees the outcome and
// gets a mail, and every organisation stays inside its own children and requests.

let t: TestApp;
let specialist: string;
let institution: string;
let otherInstitution: string;
let head: string;
let providerId: number;
let otherProviderId: number;
let courtId: number;
let ownChild: Record<string, unknown> & { id: number };
let otherChild: Record<string, unknown> & { id: number };
const institutionEmail = 'gunta.ozolina@iestade.example.lv';

let names = 0;
const givenNames = ['Elza', 'Marta', 'Anete', 'Līva', 'Paula', 'Ieva', 'Madara'];
async function newChild(careProviderId: number) {
  const res = await t
    .as(specialist)
    .post('/api/children', {
      givenNames: givenNames[names++ % givenNames.length]!,
      surname: 'Kļaviņa',
      sex: 'female',
      birthDate: '2016-05-10',
      nationalityKind: 'citizen',
      religion: 'katoliete',
      recordSheetReceivedOn: '2025-03-03',
      careForm: 'care_institution',
      careOrphanCourtId: courtId,
      careDecisionNumber: 'BT-2025/21',
      careDecisionDate: '2025-02-14',
      careProviderId,
      health: 'Astma.',
      development: 'Atbilst vecumam.',
      birthFamilyCharacterisation: 'Vecākiem atņemtas aizgādības tiesības.',
      confirmLikelyDuplicate: true,
    })
    .expect(201);
  return res.body as Record<string, unknown> & { id: number };
}

const propose = (token: string, recordId: number, changes: object, comment?: string) =>
  t.as(token).post('/api/change-requests', {
    resource: 'children',
    kind: 'update',
    recordId,
    changes,
    ...(comment ? { comment } : {}),
  });
/** The newest audit event about change requests (reads of the card come in between). */
const lastEvent = () =>
  t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('resource', '=', 'change-requests')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
const childNow = async (id: number) => (await t.as(specialist).get(`/api/children/${id}`)).body;
const mailsAbout = (id: number) =>
  t.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('idempotencyKey', '=', `change-request-${id}-decided`)
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  [specialist, institution, head] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('care_institution'),
    t.token('head_of_department'),
  ]);
  const db = t.database.db;
  const providers = await db.selectFrom('careProviders').select('id').orderBy('id').execute();
  providerId = providers[0]!.id;
  otherProviderId = providers[1]!.id;
  courtId = await firstId(db, 'orphanCourts');
  await db
    .updateTable('users')
    .set({ email: institutionEmail, preferredLanguage: 'lv' })
    .where('username', '=', 'care-institution')
    .execute();
  // A second institution with a user of its own.
  await insertUser(db, {
    username: 'iestade-otra',
    displayName: 'Otrā Iestāde',
    role: 'care_institution',
    careProviderId: otherProviderId,
    email: 'otra@iestade.example.lv',
    passwordHash: await testPasswordHash(),
  });
  otherInstitution = (
    await t
      .request()
      .post('/api/auth/login')
      .send({ username: 'iestade-otra', password: TEST_PASSWORD })
      .expect(200)
  ).body.token;
  ownChild = await newChild(providerId);
  otherChild = await newChild(otherProviderId);
});
afterAll(() => t.close());

describe('a care institution proposes, a specialist accepts field by field', () => {
  let request: { id: number; version: number };

  it('records the proposal without touching the register', async () => {
    const res = await propose(
      institution,
      ownChild.id,
      {
        health: 'Astma, kontrolēta; lieto inhalatoru.',
        development: 'Runā pilnos teikumos, apmeklē 3. klasi.',
        relativesContact: 'Vecmāmiņa apciemo reizi mēnesī.',
      },
      'Pēc ģimenes ārsta apskates.',
    ).expect(201);
    request = res.body;
    expect(res.body).toMatchObject({
      resource: 'children',
      kind: 'update',
      recordId: ownChild.id,
      status: 'pending',
      fields: ['health', 'development', 'relativesContact'],
      careProviderId: providerId,
      proposedByName: 'Tests care_institution',
      recordName: `Kļaviņa ${String(ownChild.givenNames)}`,
    });
    expect(await childNow(ownChild.id)).toMatchObject({
      health: 'Astma.',
      development: 'Atbilst vecumam.',
      version: ownChild.version,
    });
    // Audited field by field: special-category values masked as on the card itself.
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'create', resource: 'change-requests' });
    expect(event.changes).toMatchObject({
      health: { old: '***', new: '***' },
      development: { old: 'Atbilst vecumam.', new: 'Runā pilnos teikumos, apmeklē 3. klasi.' },
    });
  });

  it('shows the specialist the proposed, earlier and current values', async () => {
    const list = await t
      .as(specialist)
      .get('/api/change-requests')
      .query({ filter: JSON.stringify({ status: 'pending', recordId: ownChild.id }) })
      .expect(200);
    expect(list.headers['content-range']).toMatch(/^change-requests 0-0\/1$/);
    expect(list.body[0]).not.toHaveProperty('proposed');
    expect((await lastEvent()).action).toBe('list');
    const shown = await t.as(specialist).get(`/api/change-requests/${request.id}`).expect(200);
    expect(shown.body).toMatchObject({
      proposed: { health: 'Astma, kontrolēta; lieto inhalatoru.' },
      valuesAtProposal: { health: 'Astma.', relativesContact: null },
      current: { health: 'Astma.', development: 'Atbilst vecumam.' },
      recordVersion: ownChild.version,
      changedSinceProposal: [],
    });
    expect(await lastEvent()).toMatchObject({ action: 'read', recordId: String(request.id) });
  });

  it('applies exactly the accepted field, with history, status and a mail to the proposer', async () => {
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, {
        version: request.version,
        fields: ['development'],
        comment: 'Veselības ziņas — ar ārsta izziņu,\nlūdzu.',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'partially_accepted',
      acceptedFields: ['development'],
      decidedByName: 'Tests adoption_specialist',
    });
    const child = await childNow(ownChild.id);
    expect(child).toMatchObject({
      development: 'Runā pilnos teikumos, apmeklē 3. klasi.',
      health: 'Astma.',
      relativesContact: null,
      version: (ownChild.version as number) + 1,
    });
    const history = await t.as(specialist).get(`/api/children/${ownChild.id}/changes`).expect(200);
    expect(history.body[0]).toMatchObject({
      source: 'change_request',
      changeRequestId: request.id,
      changedByName: 'Tests adoption_specialist',
    });
    expect(Object.keys(history.body[0].changes)).toEqual(['development']);

    const [mail, ...more] = await mailsAbout(request.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      recipient: institutionEmail,
      template: 'change-request-accepted',
      language: 'lv',
    });
    expect(mail!.data).toMatchObject({
      requestNumber: request.id,
      acceptedCount: 1,
      proposedCount: 3,
      comment: 'Veselības ziņas — ar ārsta izziņu, lūdzu.',
    });
    expect(String(mail!.data.link)).toMatch(new RegExp(`#/change-requests/${request.id}/show$`));
    // No child's data in the letter.
    const letter = JSON.stringify(mail!.data);
    for (const secret of ['Kļaviņa', String(ownChild.givenNames), 'Astma', 'teikumos']) {
      expect(letter).not.toContain(secret);
    }
  });

  it('lets the proposer see the outcome and the comment, in its own list', async () => {
    const shown = await t.as(institution).get(`/api/change-requests/${request.id}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'partially_accepted',
      acceptedFields: ['development'],
      decisionComment: 'Veselības ziņas — ar ārsta izziņu,\nlūdzu.',
    });
    const list = await t.as(institution).get('/api/change-requests').expect(200);
    expect(list.body.map((r: { id: number }) => r.id)).toContain(request.id);
  });

  it('refuses a second decision on a decided request', async () => {
    const shown = await t.as(specialist).get(`/api/change-requests/${request.id}`).expect(200);
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/return`, {
        version: shown.body.version,
        comment: 'Vēlreiz',
      })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'not_pending', status: 'partially_accepted' });
  });
});

describe('returning a request', () => {
  it('needs a comment, changes nothing, and tells the proposer', async () => {
    const { body: request } = await propose(institution, ownChild.id, {
      personality: 'Kautrīga, draudzīga.',
    }).expect(201);
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/return`, { version: request.version, comment: ' ' })
      .expect(400);
    expect(res.body.errors[0].path).toBe('body.comment');
    await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/return`, {
        version: request.version,
        comment: 'Lūdzu, aprakstiet sīkāk.',
      })
      .expect(200);
    const seen = await t.as(institution).get(`/api/change-requests/${request.id}`).expect(200);
    expect(seen.body).toMatchObject({
      status: 'returned',
      decisionComment: 'Lūdzu, aprakstiet sīkāk.',
    });
    expect((await childNow(ownChild.id)).personality).toBeNull();
    const [mail] = await mailsAbout(request.id);
    expect(mail).toMatchObject({
      template: 'change-request-returned',
      recipient: institutionEmail,
    });
  });
});

describe('what a care institution may not do', () => {
  it("cannot propose for another institution's child: 404 as for a missing one", async () => {
    const other = await propose(institution, otherChild.id, { health: 'Vesela.' }).expect(404);
    const missing = await propose(institution, 999999, { health: 'Vesela.' }).expect(404);
    expect(other.body.detail).toBe(missing.body.detail.replace('999999', String(otherChild.id)));
  });

  it("cannot read another institution's request, nor find it in its list", async () => {
    const { body: theirs } = await propose(otherInstitution, otherChild.id, {
      health: 'Vesela.',
    }).expect(201);
    await t.as(institution).get(`/api/change-requests/${theirs.id}`).expect(404);
    const list = await t
      .as(institution)
      .get('/api/change-requests')
      .query({ filter: JSON.stringify({ id: [theirs.id] }) })
      .expect(200);
    expect(list.body).toEqual([]);
    await t
      .as(institution)
      .post(`/api/change-requests/${theirs.id}/withdraw`, { version: theirs.version })
      .expect(404);
  });

  it.each([
    ['the religion', { religion: 'luterāne' }, 'religion'],
    [
      'the birth family',
      { birthFamilyCharacterisation: 'Cits teksts.' },
      'birthFamilyCharacterisation',
    ],
    ['the name', { surname: 'Ozola' }, 'surname'],
    ['a care decision', { careDecisionNumber: 'BT-1' }, 'careDecisionNumber'],
  ])('cannot propose %s: 400 not_responsible', async (_, changes, field) => {
    const res = await propose(institution, ownChild.id, changes).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: `body.changes.${field}`, code: 'not_responsible' }),
    ]);
  });

  it.each([
    ['an unknown disability group', { disabilityGroup: 'IV' }, 'body.changes.disabilityGroup'],
    [
      'a bad ICD-10 code',
      { healthConditions: [{ condition: 'Astma', icd10: 'astma' }] },
      'body.changes.healthConditions.0.icd10',
    ],
    ['a group without its date', { disabilityGroup: 'child' }, 'body.changes.disabilityFrom'],
    [
      'a foster family with a provider',
      { careForm: 'foster_family' },
      'body.changes.careProviderId',
    ],
    ['the value the register holds', { health: 'Astma.' }, 'body.changes.health'],
    ['an unknown field', { favouriteColour: 'zila' }, 'body.changes.favouriteColour'],
  ])('refuses %s, naming the field', async (_, changes, path) => {
    const res = await propose(institution, ownChild.id, changes).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('cannot decide, nor propose a new child', async () => {
    const { body: request } = await propose(institution, ownChild.id, {
      motherPregnancy: 'Bez sarežģījumiem.',
    }).expect(201);
    await t
      .as(institution)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
      .expect(403);
    const res = await t
      .as(institution)
      .post('/api/change-requests', {
        resource: 'children',
        kind: 'create',
        changes: { surname: 'X' },
      })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'body.kind', code: 'not_responsible' });
  });
});

describe('a conflict with a change made after the proposal', () => {
  it('answers 409 naming the field, and accepts when the specialist overrides', async () => {
    const { body: request } = await propose(institution, ownChild.id, {
      furtherTreatment: 'Pulmonologa konsultācija.',
    }).expect(201);
    const child = await childNow(ownChild.id);
    await t
      .as(specialist)
      .put(`/api/children/${ownChild.id}`, { ...child, furtherTreatment: 'Alergologs.' })
      .expect(200);
    const shown = await t.as(specialist).get(`/api/change-requests/${request.id}`).expect(200);
    expect(shown.body.changedSinceProposal).toEqual(['furtherTreatment']);
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'changed_since_proposal',
      fields: ['furtherTreatment'],
      current: { furtherTreatment: 'Alergologs.' },
    });
    expect((await childNow(ownChild.id)).furtherTreatment).toBe('Alergologs.');
    await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, {
        version: request.version,
        override: true,
      })
      .expect(200);
    expect((await childNow(ownChild.id)).furtherTreatment).toBe('Pulmonologa konsultācija.');
    expect((await lastEvent()).detail).toMatchObject({
      decision: 'accept',
      overridden: ['furtherTreatment'],
    });
  });
});

describe('withdrawing', () => {
  it('is the proposer’s, while pending; a withdrawn request cannot be accepted', async () => {
    const { body: request } = await propose(institution, ownChild.id, {
      disabilitySource: 'VDEĀVK',
      disabilityGroup: 'child',
      disabilityFrom: '2024-01-15',
    }).expect(201);
    await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/withdraw`, { version: request.version })
      .expect(403);
    const withdrawn = await t
      .as(institution)
      .post(`/api/change-requests/${request.id}/withdraw`, { version: request.version })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const res = await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: withdrawn.body.version })
      .expect(409);
    expect(res.body.code).toBe('not_pending');
    expect((await childNow(ownChild.id)).disabilityGroup).toBeNull();
    expect(await mailsAbout(request.id)).toEqual([]);
  });

  it('refuses a stale version with 409', async () => {
    const { body: request } = await propose(institution, ownChild.id, {
      personality: 'Zinātkāra.',
    }).expect(201);
    await t
      .as(specialist)
      .post(`/api/change-requests/${request.id}/accept`, { version: request.version + 1 })
      .expect(409);
  });
});

describe('who may use change requests', () => {
  it.each(['analyst', 'administrator', 'auditor'] as const)('%s gets 403', async (role) => {
    const token = await t.token(role);
    await t.as(token).get('/api/change-requests').expect(403);
    await t.as(token).get('/api/change-requests/1').expect(403);
    await propose(token, ownChild.id, { health: 'x' }).expect(403);
  });

  it('the head of department reads every request but decides none', async () => {
    const list = await t
      .as(head)
      .get('/api/change-requests')
      .query({ range: '[0,99]' })
      .expect(200);
    const ids = list.body.map((r: { id: number }) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const pending = list.body.find((r: { status: string }) => r.status === 'pending');
    await t
      .as(head)
      .post(`/api/change-requests/${pending.id}/accept`, { version: pending.version })
      .expect(403);
    await propose(head, ownChild.id, { health: 'x' }).expect(403);
  });
});
