import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent } from '../test-support/audit-trail';
import { createRng } from '../latvian/random';
import { generatePersonalCode, formatPersonalCode } from '../latvian/personal-code';

let t: TestApp;
let specialist: string;
let courtId: number;
let providerId: number;
const rng = createRng('children-test');

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  courtId = (await t.database.db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow())
    .id;
  providerId = (
    await t.database.db.selectFrom('careProviders').select('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

// Each card a name of its own: the same name and birth date twice is a likely duplicate.
const givenNames = [
  'Ģirts Pēteris',
  'Ēriks',
  'Kārlis',
  'Oļegs',
  'Jūlijs',
  'Ņikita',
  'Aigars',
  'Rūdolfs',
];
let cards = 0;
const card = (over: Record<string, unknown> = {}) => ({
  givenNames: givenNames[cards++ % givenNames.length]!,
  surname: 'Bērziņš',
  sex: 'male',
  personalCode: formatPersonalCode(generatePersonalCode(rng, '2013-04-22')),
  birthDate: '2013-04-22',
  nationalityKind: 'citizen',
  religion: 'luterānis',
  recordSheetReceivedOn: '2025-03-03',
  careForm: 'care_institution',
  careOrphanCourtId: courtId,
  careDecisionNumber: 'BT-2025/15',
  careDecisionDate: '2025-02-14',
  careProviderId: providerId,
  health: 'Astma.',
  furtherTreatment: '',
  birthFamilyCharacterisation: 'Vecākiem atņemtas aizgādības tiesības.',
  ...over,
});
const post = (body: unknown) =>
  t
    .request()
    .post('/api/children')
    .auth(specialist, { type: 'bearer' })
    .send(body as object);
const lastEvent = () => lastAuditEvent(t.database.db);

describe('entering a child card', () => {
  it('stores the card, the code without its hyphen, blank text as null, status record_received', async () => {
    const body = card();
    const res = await post(body).expect(201);
    expect(res.body).toMatchObject({
      givenNames: body.givenNames,
      personalCode: body.personalCode.replace('-', ''),
      furtherTreatment: null,
      status: 'record_received',
      version: 1,
    });
    const event = await lastEvent();
    expect(event).toMatchObject({
      action: 'create',
      resource: 'children',
      recordId: String(res.body.id),
    });
    // Special categories and the code are masked in the trail; the change itself is recorded.
    expect(event.changes).toMatchObject({
      surname: { new: 'Bērziņš' },
      personalCode: { new: '***' },
      health: { new: '***' },
      religion: { new: '***' },
      birthFamilyCharacterisation: { new: '***' },
    });
  });

  it.each([
    ['a wrong check digit', { personalCode: '22041321234' }, 'body.personalCode'],
    ['a code of another birth date', { birthDate: '2013-04-23' }, 'body.personalCode'],
    ['a decision before birth', { careDecisionDate: '2012-01-01' }, 'body.careDecisionDate'],
    [
      'a record sheet before the decision',
      { recordSheetReceivedOn: '2025-02-01' },
      'body.recordSheetReceivedOn',
    ],
    [
      'a record sheet in the future',
      { recordSheetReceivedOn: '2099-01-01' },
      'body.recordSheetReceivedOn',
    ],
    ['an institution without a provider', { careProviderId: null }, 'body.careProviderId'],
    ['a provider for a foster family', { careForm: 'foster_family' }, 'body.careProviderId'],
    ['a date that does not exist', { birthDate: '2013-02-30' }, 'body.birthDate'],
    ['an unknown sex', { sex: 'x' }, 'body.sex'],
    ['an unknown field', { favouriteColour: 'zils' }, 'body.favouriteColour'],
  ])('refuses %s, naming the field', async (_, over, path) => {
    const before = await t.database.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(card(over)).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    const after = await t.database.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('refuses the same personal code twice with 409 naming the field', async () => {
    const body = card();
    await post(body).expect(201);
    const res = await post({ ...body, givenNames: 'Cits' }).expect(409);
    expect(res.body.field).toBe('personalCode');
  });
});

describe('finding children', () => {
  it('finds Bērziņš by "berzins" and by the personal code', async () => {
    const body = card({ givenNames: 'Ārons', surname: 'Bērziņš' });
    const created = await post(body).expect(201);
    const byName = await t
      .request()
      .get('/api/children')
      .query({ filter: JSON.stringify({ q: 'berzins arons' }) })
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    expect(byName.body.map((c: { id: number }) => c.id)).toContain(created.body.id);
    const byCode = await t
      .request()
      .get('/api/children')
      .query({ filter: JSON.stringify({ q: created.body.personalCode }) })
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    expect(byCode.body.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
  });

  it('sorts surnames in Latvian order (Č after C, Š after S)', async () => {
    const res = await t
      .request()
      .get('/api/children')
      .query({ sort: '["surname","ASC"]', range: '[0,999]' })
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    const names: string[] = res.body.map(
      (c: { surname: string; givenNames: string }) => `${c.surname} ${c.givenNames}`,
    );
    const collator = new Intl.Collator('lv');
    expect([...names].sort(collator.compare)).toEqual(names);
  });
});

describe('reads are audited', () => {
  it('records a read event for a card shown and a list event with the ids a page showed', async () => {
    const list = await t
      .request()
      .get('/api/children')
      .query({ range: '[0,4]' })
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    const listed = await lastEvent();
    expect(listed).toMatchObject({
      action: 'list',
      resource: 'children',
      actorUsername: 'adoption-specialist',
    });
    expect(listed.recordIds).toEqual(list.body.map((c: { id: number }) => String(c.id)));

    await t
      .request()
      .get(`/api/children/${list.body[0].id}`)
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    expect(await lastEvent()).toMatchObject({ action: 'read', recordId: String(list.body[0].id) });
  });
});

describe('changing a card', () => {
  it('takes back the whole record as the console sends it, keeps status, and audits only what changed', async () => {
    const created = (await post(card()).expect(201)).body;
    const res = await t
      .request()
      .put(`/api/children/${created.id}`)
      .auth(specialist, { type: 'bearer' })
      .send({ ...created, surname: 'Kalniņš', status: 'adopted' })
      .expect(200);
    expect(res.body).toMatchObject({ surname: 'Kalniņš', status: 'record_received', version: 2 });
    expect((await lastEvent()).changes).toEqual({ surname: { old: 'Bērziņš', new: 'Kalniņš' } });
  });

  it('answers 409 with the current card when someone else saved first', async () => {
    const created = (await post(card()).expect(201)).body;
    const put = (surname: string) =>
      t
        .request()
        .put(`/api/children/${created.id}`)
        .auth(specialist, { type: 'bearer' })
        .send({ ...created, surname });
    await put('Ozols').expect(200);
    const res = await put('Liepa').expect(409);
    expect(res.body.current).toMatchObject({ surname: 'Ozols', version: 2 });
  });
});

describe('likely duplicates', () => {
  it('asks to confirm a card with the name and birth date of another child, ignoring case and diacritics', async () => {
    const first = (
      await post(
        card({ givenNames: 'Jānis Roberts', surname: 'Kalniņš', personalCode: null }),
      ).expect(201)
    ).body;
    const again = card({ givenNames: 'roberts janis', surname: 'KALNINS', personalCode: null });
    const res = await post(again).expect(409);
    expect(res.body).toMatchObject({ code: 'likely_duplicate', field: 'confirmLikelyDuplicate' });
    expect(res.body.candidates).toEqual([
      { id: first.id, givenNames: 'Jānis Roberts', surname: 'Kalniņš', birthDate: first.birthDate },
    ]);
    const confirmed = await post({ ...again, confirmLikelyDuplicate: true }).expect(201);
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'create', recordId: String(confirmed.body.id) });
    expect(event.detail).toEqual({ confirmedLikelyDuplicateOf: [first.id] });
    expect(confirmed.body).not.toHaveProperty('confirmLikelyDuplicate');
  });

  it('does not count the card being edited as its own duplicate', async () => {
    const created = (await post(card({ personalCode: null })).expect(201)).body;
    await t
      .request()
      .put(`/api/children/${created.id}`)
      .auth(specialist, { type: 'bearer' })
      .send({ ...created, health: 'Vesels.' })
      .expect(200);
  });
});
