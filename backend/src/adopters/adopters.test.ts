import { createTestApp, type TestApp } from '../test-support/test-app';
import { adopterCard } from '../test-support/adopter-card';
import { createRng } from '../latvian/random';

const rng = createRng('adopters-test');

let t: TestApp;
let specialist: string;
let courtId: number;

beforeAll(async () => {
  t = await createTestApp();
  specialist = await t.token('adoption_specialist');
  courtId = (await t.database.db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => t.close());

const adopter = (over: Record<string, unknown> = {}) =>
  adopterCard(rng, courtId, {
    email: 'inese@demo.invalid',
    decisionValidUntil: '2026-04-01',
    ...over,
  });
const post = (body: unknown) =>
  t
    .request()
    .post('/api/adopters')
    .auth(specialist, { type: 'bearer' })
    .send(body as object);

describe('adopter records', () => {
  it('stores a single adopter and, separately, spouses', async () => {
    const single = await post(adopter({ personalCode: null })).expect(201);
    expect(single.body).toMatchObject({
      surname: 'Ozoliņa',
      spouseGivenNames: null,
      status: 'registered',
    });
    const spouses = await post(
      adopter({
        personalCode: null,
        spouseGivenNames: 'Jānis',
        spouseSurname: 'Ozoliņš',
        spouseBirthDate: '1982-01-15',
      }),
    ).expect(201);
    expect(spouses.body).toMatchObject({ spouseSurname: 'Ozoliņš' });
  });

  it.each([
    [
      'half a spouse',
      { spouseGivenNames: 'Jānis' },
      ['body.spouseSurname', 'body.spouseBirthDate'],
    ],
    ['a decision after the queue date', { decisionDate: '2025-05-01' }, ['body.enteredOn']],
    [
      'validity ending before the decision',
      { decisionValidUntil: '2025-01-01' },
      ['body.decisionValidUntil'],
    ],
    ['a bad e-mail', { email: 'inese' }, ['body.email']],
  ])('refuses %s, naming the fields', async (_, over, paths) => {
    const res = await post(adopter({ personalCode: null, ...over })).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(paths),
    );
  });

  it('finds spouses by either name without diacritics', async () => {
    await post(
      adopter({
        personalCode: null,
        givenNames: 'Līga',
        surname: 'Ščerbinska',
        spouseGivenNames: 'Ēriks',
        spouseSurname: 'Ščerbinskis',
        spouseBirthDate: '1980-02-02',
      }),
    ).expect(201);
    const res = await t
      .request()
      .get('/api/adopters')
      .query({ filter: JSON.stringify({ q: 'eriks scerbinskis' }) })
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    expect(res.body.map((a: { givenNames: string }) => a.givenNames)).toEqual(['Līga']);
  });
});
