import { createTestApp, type TestApp } from '../test-support/test-app';
import { adopterCard } from '../test-support/adopter-card';
import { createRng } from '../latvian/random';
import { generatePersonalCode } from '../latvian/personal-code';

// The card's sub-lists and its history timeline over HTTP, against a real database.

let t: TestApp;
let specialist: string;
let careInstitution: string;
let courtId: number;
let providerId: number;
const rng = createRng('history-test');

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  careInstitution = await t.token('care_institution');
  const user = await t.database.db
    .selectFrom('users')
    .select('careProviderId')
    .where('username', '=', 'care-institution')
    .executeTakeFirstOrThrow();
  providerId = user.careProviderId!;
  courtId = (await t.database.db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => t.close());

let cards = 0;
const card = (over: Record<string, unknown> = {}) => ({
  givenNames: `Ance ${['Līva', 'Elza', 'Marta', 'Paula', 'Zane'][cards++ % 5]}`,
  surname: 'Kļaviņa',
  sex: 'female',
  personalCode: generatePersonalCode(rng, '2012-09-03'),
  birthDate: '2012-09-03',
  nationalityKind: 'citizen',
  recordSheetReceivedOn: '2025-03-03',
  careForm: 'care_institution',
  careOrphanCourtId: courtId,
  careDecisionNumber: 'BT-2025/21',
  careDecisionDate: '2025-02-14',
  careProviderId: providerId,
  healthConditions: [
    { condition: 'Bronhiālā astma', icd10: 'j45.9', since: '2018-05-01', treatment: 'Inhalācijas' },
  ],
  relatives: [
    { kind: 'mother', givenNames: 'Dace', surname: 'Kļaviņa', birthDate: '1991-02-11' },
    { kind: 'brother', givenNames: 'Roberts', surname: 'Kļaviņš', residence: 'Liepāja' },
  ],
  ...over,
});
describe('sub-lists of the card', () => {
  it('stores relatives and health conditions as lists, normalising the ICD-10 code', async () => {
    const res = await t.as(specialist).post('/api/children', card()).expect(201);
    expect(res.body.healthConditions).toEqual([
      {
        condition: 'Bronhiālā astma',
        icd10: 'J45.9',
        since: '2018-05-01',
        treatment: 'Inhalācijas',
      },
    ]);
    expect(res.body.relatives).toEqual([
      {
        kind: 'mother',
        givenNames: 'Dace',
        surname: 'Kļaviņa',
        birthDate: '1991-02-11',
        residence: null,
        note: null,
      },
      {
        kind: 'brother',
        givenNames: 'Roberts',
        surname: 'Kļaviņš',
        birthDate: null,
        residence: 'Liepāja',
        note: null,
      },
    ]);
    const shown = await t.as(specialist).get(`/api/children/${res.body.id}`).expect(200);
    expect(shown.body.relatives).toHaveLength(2);
  });

  it('names the row and field of a bad sub-list entry, and stores nothing', async () => {
    const before = await t.database.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t
      .as(specialist)
      .post(
        '/api/children',
        card({
          healthConditions: [{ condition: 'X', icd10: 'astma' }],
          relatives: [
            { kind: 'mother', givenNames: 'Dace', surname: 'Kļaviņa' },
            { kind: 'mother', givenNames: 'Ilze', surname: 'Kļaviņa', birthDate: '2015-01-01' },
          ],
        }),
      )
      .expect(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('body.healthConditions.0.icd10');
    const cross = await t
      .as(specialist)
      .post(
        '/api/children',
        card({
          relatives: [
            { kind: 'mother', givenNames: 'Dace', surname: 'Kļaviņa' },
            { kind: 'mother', givenNames: 'Ilze', surname: 'Kļaviņa', birthDate: '2015-01-01' },
          ],
        }),
      )
      .expect(400);
    expect(cross.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.relatives.1.kind', code: 'duplicate_parent' }),
        expect.objectContaining({ path: 'body.relatives.1.birthDate', code: 'date_order' }),
      ]),
    );
    const after = await t.database.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('the history timeline', () => {
  it('keeps every change with the values before and after, who and when, newest first', async () => {
    // 12 or older: offered only with consent.
    const created = (
      await t
        .as(specialist)
        .post('/api/children', card({ consent: 'given', consentDate: '2025-01-10' }))
        .expect(201)
    ).body;
    const updated = (
      await t
        .as(specialist)
        .put(`/api/children/${created.id}`, {
          ...created,
          development: 'Attīstība atbilst vecumam.',
          relatives: [
            ...created.relatives,
            { kind: 'grandmother', givenNames: 'Velta', surname: 'Kļaviņa' },
          ],
          religion: 'katoliete',
        })
        .expect(200)
    ).body;
    await t
      .as(specialist)
      .post(`/api/children/${created.id}/status`, {
        status: 'available',
        changedOn: '2025-04-01',
        version: updated.version,
      })
      .expect(200);

    const res = await t.as(specialist).get(`/api/children/${created.id}/changes`).expect(200);
    expect(res.body.map((c: { source: string }) => c.source)).toEqual([
      'status',
      'update',
      'create',
    ]);
    const [status, edit, create] = res.body;
    expect(status).toMatchObject({
      version: 3,
      changes: { status: { old: 'record_received', new: 'available' } },
    });
    expect(edit.version).toBe(2);
    expect(Object.keys(edit.changes).sort()).toEqual(['development', 'relatives', 'religion']);
    expect(edit.changes.development).toEqual({ old: null, new: 'Attīstība atbilst vecumam.' });
    expect(edit.changes.relatives.old).toHaveLength(2);
    expect(edit.changes.relatives.new).toHaveLength(3);
    // The timeline keeps the values the audit trail masks (for the record's keepers).
    expect(edit.changes.religion).toEqual({ old: null, new: 'katoliete' });
    expect(edit.changedByName).toEqual(expect.any(String));
    expect(create.changes.surname).toEqual({ new: 'Kļaviņa' });

    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'detail'])
      .where('resource', '=', 'children')
      .where('recordId', '=', String(created.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'read', detail: { view: 'changes' } });
  });

  it('shows a care institution its child’s history without the fields it may not see', async () => {
    const created = (await t.as(specialist).post('/api/children', card()).expect(201)).body;
    await t
      .as(specialist)
      .put(`/api/children/${created.id}`, { ...created, religion: 'pareizticīgā' })
      .expect(200);
    const v2 = (await t.as(specialist).get(`/api/children/${created.id}`)).body;
    await t
      .as(specialist)
      .put(`/api/children/${created.id}`, { ...v2, personality: 'Draudzīga, zinātkāra.' })
      .expect(200);

    const res = await t.as(careInstitution).get(`/api/children/${created.id}/changes`).expect(200);
    // The religion-only edit is not there at all; the create lacks religion and birth family.
    expect(res.body.map((c: { version: number }) => c.version)).toEqual([3, 1]);
    expect(res.body[0].changes).toEqual({
      personality: { old: null, new: 'Draudzīga, zinātkāra.' },
    });
    expect(res.body[1].changes).not.toHaveProperty('relatives');
    expect(res.body[1].changes).not.toHaveProperty('religion');
    expect(res.body[1].changes).toHaveProperty('healthConditions');
  });

  it('answers 404 for a child outside the caller’s scope, as for a missing one', async () => {
    const elsewhere = await t.database.db
      .selectFrom('children')
      .select('id')
      .where((eb) =>
        eb.or([eb('careProviderId', '!=', providerId), eb('careProviderId', 'is', null)]),
      )
      .executeTakeFirstOrThrow();
    await t.as(careInstitution).get(`/api/children/${elsewhere.id}/changes`).expect(404);
    await t.as(careInstitution).get('/api/children/2147483647/changes').expect(404);
    await t
      .as(await t.token('analyst'))
      .get(`/api/children/${elsewhere.id}/changes`)
      .expect(403);
  });
});

describe('the adopter record’s new parts', () => {
  const adopter = (over: Record<string, unknown> = {}) =>
    adopterCard(rng, courtId, {
      wishedAgeFrom: 0,
      wishedAgeTo: 8,
      wishedSex: 'any',
      needWishes: [
        { need: 'minor_conditions', answer: 'can_meet', note: null },
        { need: 'chronic_illness', answer: 'consider', note: 'Pēc sarunas ar ārstu.' },
      ],
      acceptsSiblings: true,
      trainingCertificateNumber: 'MC-2025/114',
      trainingCertificateDate: '2025-02-20',
      ...over,
    });

  it('stores wishes, training and refusals, and names a refused child that does not exist', async () => {
    const child = await t.database.db.selectFrom('children').select('id').executeTakeFirstOrThrow();
    const res = await t
      .as(specialist)
      .post(
        '/api/adopters',
        adopter({
          refusals: [
            { refusedOn: '2025-06-01', childId: child.id, reason: 'Vēlas jaunāku bērnu.' },
          ],
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      needWishes: [
        { need: 'minor_conditions', answer: 'can_meet', note: null },
        { need: 'chronic_illness', answer: 'consider', note: 'Pēc sarunas ar ārstu.' },
      ],
      acceptsSiblings: true,
      trainingCertificateNumber: 'MC-2025/114',
      refusals: [{ refusedOn: '2025-06-01', childId: child.id, reason: 'Vēlas jaunāku bērnu.' }],
    });
    const missing = await t
      .as(specialist)
      .post(
        '/api/adopters',
        adopter({ refusals: [{ refusedOn: '2025-06-01', childId: 2147483647, reason: 'x' }] }),
      )
      .expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'body.refusals.0.childId', code: 'not_found' }),
    ]);
  });

  it('refuses an adopter under 25 at the decision and a foreign adopter without a home study', async () => {
    const young = await t
      .as(specialist)
      .post(
        '/api/adopters',
        adopter({ birthDate: '2001-01-01', personalCode: generatePersonalCode(rng, '2001-01-01') }),
      )
      .expect(400);
    expect(young.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.birthDate', code: 'adopter_too_young' }),
      ]),
    );
    const foreign = await t
      .as(specialist)
      .post('/api/adopters', adopter({ origin: 'foreign', personalCode: null, countryId: null }))
      .expect(400);
    expect((foreign.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'body.countryId',
      'body.foreignAuthority',
      'body.homeStudyReportDate',
    ]);
  });
});
