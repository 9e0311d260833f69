import { createTestApp, type TestApp } from '../test-support/test-app';

// An id is decimal digits and nothing else (docs/api.md): `Number()` would read 0x10, 1e1, 0b10000
// and " 16" as 16. getMany takes ids as numbers or as their decimal strings, as react-admin sends
// them from a URL.

let t: TestApp;
let admin: string;
let specialist: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('administrator');
  specialist = await t.token('adoption_specialist');
});
afterAll(() => t.close());

const NOT_AN_ID = [
  '0x10',
  '1e1',
  '0b10000',
  '0o20',
  '%2016',
  '16%20',
  '+16',
  '016',
  '16.0',
  '-16',
  '%D9%A1%D9%A6', // Arabic-Indic digits
  '2147483648',
  '99999999999999999999',
];

const problemPaths = (body: { errors?: { path: string }[] }) =>
  (body.errors ?? []).map((e) => e.path);

describe('ids in the URL', () => {
  it.each([
    ['a territory', (id: string) => `/api/territories/${id}`, 'administrator'],
    ['a user', (id: string) => `/api/users/${id}`, 'administrator'],
    ['a child', (id: string) => `/api/children/${id}`, 'adoption_specialist'],
    [
      "a child's status history",
      (id: string) => `/api/children/${id}/status-history`,
      'adoption_specialist',
    ],
    ['a change request', (id: string) => `/api/change-requests/${id}`, 'adoption_specialist'],
  ])('of %s: anything but decimal digits is 400 naming params.id', async (_what, path, role) => {
    const token = role === 'administrator' ? admin : specialist;
    for (const id of NOT_AN_ID) {
      const res = await t.request().get(path(id)).auth(token, { type: 'bearer' });
      expect([id, res.status, problemPaths(res.body)]).toEqual([id, 400, ['params.id']]);
    }
  });

  it('16 itself still names record 16', async () => {
    const res = await t
      .request()
      .get('/api/territories/16')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(res.body.id).toBe(16);
  });

  it('a write through 0x10 changes nothing', async () => {
    const before = (
      await t.request().get('/api/territories/16').auth(admin, { type: 'bearer' }).expect(200)
    ).body;
    await t.request().delete('/api/territories/0x10').auth(admin, { type: 'bearer' }).expect(400);
    await t
      .request()
      .put('/api/territories/1e1')
      .auth(admin, { type: 'bearer' })
      .send({ ...before, name: 'Pārdēvēts' })
      .expect(400);
    await t
      .request()
      .get('/api/territories/16')
      .auth(admin, { type: 'bearer' })
      .expect(200, before);
  });

  it('attachment ids too, and the audit trail takes bigint ids up to 2^53 − 1', async () => {
    const res = await t
      .request()
      .get('/api/children/1/attachments/0x1/content')
      .auth(specialist, { type: 'bearer' })
      .expect(400);
    expect(problemPaths(res.body)).toEqual(['params.attachmentId']);
    await t
      .request()
      .get(`/api/audit-events/${Number.MAX_SAFE_INTEGER}`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
    for (const id of ['9007199254740992', '1e3', '0x1']) {
      await t.request().get(`/api/audit-events/${id}`).auth(admin, { type: 'bearer' }).expect(400);
    }
  });
});

describe('getMany (filter={"id":[…]})', () => {
  const getMany = (ids: unknown) =>
    t
      .request()
      .get('/api/territories')
      .auth(admin, { type: 'bearer' })
      .query({ filter: JSON.stringify({ id: ids }) });

  it('takes ids as numbers and as decimal strings alike', async () => {
    const numbers = await getMany([3, 5]).expect(200);
    const strings = await getMany(['3', '5']).expect(200);
    expect(numbers.body.map((r: { id: number }) => r.id).sort()).toEqual([3, 5]);
    expect(strings.body).toEqual(numbers.body);
    expect((await getMany('3').expect(200)).body.map((r: { id: number }) => r.id)).toEqual([3]);
  });

  it.each([
    ['0x10'],
    ['1e1'],
    [' 3'],
    ['3 '],
    ['+3'],
    ['03'],
    ['-3'],
    [3.5],
    [-1],
    [0],
    [2 ** 31],
    [true],
  ])('refuses %p naming query.filter.id', async (id) => {
    const res = await getMany([id]).expect(400);
    expect(problemPaths(res.body).every((p) => p.startsWith('query.filter.id'))).toBe(true);
    expect(problemPaths(res.body).length).toBeGreaterThan(0);
  });
});
