import { createTestApp, type TestApp } from '../test-support/test-app';

// The ra-data-simple-rest contract, checked on every classifier resource, including every bad input.

let t: TestApp;
let admin: string;
let specialist: string;
let territoryId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('administrator');
  specialist = await t.token('adoption_specialist');
  const riga = await t
    .request()
    .get('/api/territories')
    .query({ filter: '{"atvkCode":"0001000"}' })
    .auth(admin, { type: 'bearer' });
  territoryId = riga.body[0].id;
});
afterAll(() => t.close());

interface Case {
  resource: string;
  nameField: string;
  valid: () => Record<string, unknown>;
  filter: [string, unknown];
  required: string[];
}

const cases: Case[] = [
  {
    resource: 'territories',
    nameField: 'name',
    valid: () => ({ atvkCode: '9990000', name: 'Testa novads', kind: 'municipality' }),
    filter: ['kind', 'state_city'],
    required: ['atvkCode', 'name', 'kind'],
  },
  {
    resource: 'orphan-courts',
    nameField: 'name',
    valid: () => ({
      name: 'Testa novada bāriņtiesa',
      territoryId,
      address: 'Brīvības iela 1, Rīga, LV-1010',
      phone: '+371 67000000',
      email: 'bt@example.lv',
    }),
    filter: ['territoryId', 0],
    required: ['name', 'territoryId', 'address'],
  },
  {
    resource: 'care-providers',
    nameField: 'name',
    valid: () => ({
      name: 'Bērnu nams “Testa”',
      kind: 'crisis_centre',
      registrationNumber: '90000999999',
      legalAddress: 'Skolas iela 2, Ogre, LV-5001',
      territoryId,
      phone: null,
      email: null,
    }),
    filter: ['kind', 'children_care_institution'],
    required: ['name', 'kind', 'legalAddress', 'territoryId'],
  },
  {
    resource: 'countries',
    nameField: 'nameLv',
    valid: () => ({
      alpha2: 'XX',
      alpha3: 'XXX',
      numeric: '999',
      nameLv: 'Testa valsts',
      nameEn: 'Test country',
      hagueAdoption1993: false,
    }),
    filter: ['hagueAdoption1993', true],
    required: ['alpha2', 'alpha3', 'numeric', 'nameLv', 'nameEn', 'hagueAdoption1993'],
  },
];

const lv = new Intl.Collator('lv');

describe.each(cases)('/api/$resource', (c) => {
  const url = `/api/${c.resource}`;
  const get = (query: Record<string, string> = {}, token = specialist) =>
    t.request().get(url).query(query).auth(token, { type: 'bearer' });

  it('lists a page with Content-Range and exposes the header', async () => {
    const res = await get({ range: '[0,4]' }).expect(200);
    expect(res.body).toHaveLength(5);
    const m = /^(\S+) 0-4\/(\d+)$/.exec(res.headers['content-range'] ?? '');
    expect(m?.[1]).toBe(c.resource);
    expect(Number(m?.[2])).toBeGreaterThan(5);
    expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/);
    expect(res.body[0]).toHaveProperty('id');
    expect(res.body[0]).toHaveProperty('version');
    expect(res.body[0]).not.toHaveProperty('searchText');
    expect(res.body[0]).not.toHaveProperty('nameSort');
  });

  it('pages without overlap and reports an empty page past the end', async () => {
    const all = await get({ range: '[0,999]' }).expect(200);
    const total = all.body.length;
    const p1 = await get({ range: '[0,9]' });
    const p2 = await get({ range: '[10,19]' });
    expect([...p1.body, ...p2.body].map((r: { id: number }) => r.id)).toEqual(
      all.body.slice(0, 20).map((r: { id: number }) => r.id),
    );
    const past = await get({ range: `[${total + 5},${total + 9}]` }).expect(200);
    expect(past.body).toEqual([]);
    expect(past.headers['content-range']).toBe(`${c.resource} */${total}`);
  });

  it('sorts by name in Latvian order, both directions', async () => {
    const asc = await get({ sort: JSON.stringify([c.nameField, 'ASC']), range: '[0,999]' }).expect(
      200,
    );
    const names = asc.body.map((r: Record<string, string>) => r[c.nameField]);
    expect(names).toEqual([...names].sort(lv.compare));
    const desc = await get({
      sort: JSON.stringify([c.nameField, 'DESC']),
      range: '[0,999]',
    }).expect(200);
    expect(desc.body.map((r: Record<string, string>) => r[c.nameField])).toEqual(
      [...names].reverse(),
    );
  });

  it('answers getMany with filter {"id":[…]}', async () => {
    const page = await get({ range: '[0,2]' });
    const ids = page.body.map((r: { id: number }) => r.id);
    const res = await get({ filter: JSON.stringify({ id: ids }) }).expect(200);
    expect(res.body.map((r: { id: number }) => r.id).sort()).toEqual([...ids].sort());
    expect((await get({ filter: '{"id":[]}' }).expect(200)).body).toEqual([]);
  });

  it('filters by a field', async () => {
    const [field, value] = c.filter;
    const v = field === 'territoryId' ? territoryId : value;
    const res = await get({ filter: JSON.stringify({ [field]: v }), range: '[0,999]' }).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const r of res.body) expect(r[field]).toEqual(v);
  });

  it('searches with q ignoring case and diacritics', async () => {
    const page = await get({ range: '[0,999]' });
    const withDiacritics = page.body
      .map((r: Record<string, string>) => r[c.nameField])
      .find((n: string) => /[āčēģīķļņšūž]/i.test(n))!;
    const word = withDiacritics.split(/\s+/).find((w: string) => /[āčēģīķļņšūž]/i.test(w))!;
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const res = await get({ filter: JSON.stringify({ q: plain }), range: '[0,999]' }).expect(200);
    expect(res.body.map((r: Record<string, string>) => r[c.nameField])).toContain(withDiacritics);
    const none = await get({ filter: '{"q":"zzqqxx"}' }).expect(200);
    expect(none.body).toEqual([]);
    expect(none.headers['content-range']).toBe(`${c.resource} */0`);
  });

  it.each([
    [{ sort: '["nope","ASC"]' }, 'query.sort', /cannot sort by "nope"/],
    [{ sort: '["id","UP"]' }, 'query.sort', /ASC/],
    [{ sort: 'name' }, 'query.sort', /not valid JSON/],
    [{ range: '[-1,5]' }, 'query.range', /≥ 0/],
    [{ range: '[10,5]' }, 'query.range', /not be before/],
    [{ range: '[0,1000]' }, 'query.range', /at most 1000/],
    [{ range: '[0' }, 'query.range', /not valid JSON/],
    [{ filter: '{bad json' }, 'query.filter', /not valid JSON/],
    [{ filter: '[1,2]' }, 'query.filter', /JSON object/],
    [{ filter: '{"nope":1}' }, 'query.filter.nope', /cannot filter by "nope"/],
    [{ filter: '{"id":"x"}' }, 'query.filter.id', /./],
    [{ page: '2' }, 'query.page', /not a known/],
  ])('refuses %j with 400 naming %s', async (query, path, message) => {
    const res = await get(query as Record<string, string>).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.status).toBe(400);
    const error = res.body.errors.find((e: { path: string }) => e.path === path);
    expect(error?.message).toMatch(message);
  });

  it('allows the largest page react-admin export asks for', async () => {
    await get({ range: '[0,999]' }).expect(200);
  });

  it('shows one record; unknown id 404, malformed id 400', async () => {
    const first = (await get({ range: '[0,0]' })).body[0];
    const res = await t
      .request()
      .get(`${url}/${first.id}`)
      .auth(specialist, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual(first);
    const missing = await t
      .request()
      .get(`${url}/999999`)
      .auth(specialist, { type: 'bearer' })
      .expect(404);
    expect(missing.body.title).toBe('Not Found');
    const bad = await t
      .request()
      .get(`${url}/abc`)
      .auth(specialist, { type: 'bearer' })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('params.id');
  });

  it('is read-only for everyone but administrators', async () => {
    await t.request().post(url).auth(specialist, { type: 'bearer' }).send(c.valid()).expect(403);
    await t.request().post(url).send(c.valid()).expect(401);
    const first = (await get({ range: '[0,0]' })).body[0];
    await t
      .request()
      .put(`${url}/${first.id}`)
      .auth(specialist, { type: 'bearer' })
      .send(first)
      .expect(403);
    await t.request().delete(`${url}/${first.id}`).auth(specialist, { type: 'bearer' }).expect(403);
  });

  it('creates, updates with version, refuses a stale version, and deletes', async () => {
    const created = await t
      .request()
      .post(url)
      .auth(admin, { type: 'bearer' })
      .send(c.valid())
      .expect(201);
    expect(created.body.id).toEqual(expect.any(Number));
    expect(created.body.version).toBe(1);
    const id = created.body.id;

    // react-admin sends the whole record back, read-only fields included.
    const changed = { ...created.body, [c.nameField]: 'Ābeļu pārbaude' };
    const updated = await t
      .request()
      .put(`${url}/${id}`)
      .auth(admin, { type: 'bearer' })
      .send(changed)
      .expect(200);
    expect(updated.body[c.nameField]).toBe('Ābeļu pārbaude');
    expect(updated.body.version).toBe(2);

    const stale = await t
      .request()
      .put(`${url}/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...changed, [c.nameField]: 'Cits' })
      .expect(409);
    expect(stale.body.detail).toMatch(/version 1, current version 2/);
    expect(stale.body.current[c.nameField]).toBe('Ābeļu pārbaude');
    const after = await t.request().get(`${url}/${id}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(after.body).toEqual(updated.body);

    const found = await get({ filter: JSON.stringify({ q: 'abelu parbaude' }) }).expect(200);
    expect(found.body.map((r: { id: number }) => r.id)).toEqual([id]);

    const deleted = await t
      .request()
      .delete(`${url}/${id}`)
      .auth(admin, { type: 'bearer' })
      .set('Content-Type', 'text/plain')
      .expect(200);
    expect(deleted.body).toEqual(updated.body);
    await t.request().get(`${url}/${id}`).auth(admin, { type: 'bearer' }).expect(404);
    await t.request().delete(`${url}/${id}`).auth(admin, { type: 'bearer' }).expect(404);
    await t
      .request()
      .put(`${url}/${id}`)
      .auth(admin, { type: 'bearer' })
      .send(updated.body)
      .expect(404);
  });

  it('names every missing field of a create, and refuses unknown fields', async () => {
    const res = await t.request().post(url).auth(admin, { type: 'bearer' }).send({}).expect(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    for (const f of c.required) expect(paths).toContain(`body.${f}`);
    const unknown = await t
      .request()
      .post(url)
      .auth(admin, { type: 'bearer' })
      .send({ ...c.valid(), colour: 'red' })
      .expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'body.colour', code: 'unknown_field' });
  });

  it('refuses an update without version', async () => {
    const first = (await get({ range: '[0,0]' })).body[0];
    const { version: _v, ...noVersion } = first;
    const res = await t
      .request()
      .put(`${url}/${first.id}`)
      .auth(admin, { type: 'bearer' })
      .send(noVersion)
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.version');
  });
});

describe('database rules surface as clear 4xx answers', () => {
  it('a duplicate code is a 409 naming the field', async () => {
    const res = await t
      .request()
      .post('/api/territories')
      .auth(admin, { type: 'bearer' })
      .send({ atvkCode: '0001000', name: 'Otrā Rīga', kind: 'state_city' })
      .expect(409);
    expect(res.body.field).toBe('atvkCode');
  });

  it('a reference to a missing record is a 400 naming the field', async () => {
    const res = await t
      .request()
      .post('/api/orphan-courts')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Nekurienes bāriņtiesa', territoryId: 999999, address: 'Nekur 1' })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({
      path: 'body.territoryId',
      code: 'invalid_reference',
    });
  });

  it('deleting a territory that orphan courts use is a 409 and deletes nothing', async () => {
    const res = await t
      .request()
      .delete(`/api/territories/${territoryId}`)
      .auth(admin, { type: 'bearer' })
      .expect(409);
    expect(res.body.detail).toMatch(/still refer/);
    await t
      .request()
      .get(`/api/territories/${territoryId}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
  });

  it('field formats are checked with a message per field', async () => {
    const res = await t
      .request()
      .post('/api/care-providers')
      .auth(admin, { type: 'bearer' })
      .send({
        name: ' ',
        kind: 'hotel',
        registrationNumber: '123',
        legalAddress: 'Iela 1',
        territoryId,
        email: 'nav-epasts',
      })
      .expect(400);
    const byPath = Object.fromEntries(
      res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(byPath['body.name']).toMatch(/empty/);
    expect(byPath['body.kind']).toBeDefined();
    expect(byPath['body.registrationNumber']).toMatch(/11-digit/);
    expect(byPath['body.email']).toMatch(/e-mail/);
  });
});

describe('reference data', () => {
  it('holds the 43 current municipalities with ATVK codes, Latvian-sorted', async () => {
    const res = await t
      .request()
      .get('/api/territories')
      .query({ range: '[0,99]' })
      .auth(specialist, { type: 'bearer' });
    expect(res.body).toHaveLength(43);
    expect(res.body.filter((r: { kind: string }) => r.kind === 'state_city')).toHaveLength(7);
    const names = res.body.map((r: { name: string }) => r.name);
    // Ā sorts with A, Č after all C.
    expect(names.indexOf('Ādažu novads')).toBeLessThan(names.indexOf('Bauskas novads'));
  });

  it('holds every ISO 3166-1 country with Latvian names', async () => {
    const res = await t
      .request()
      .get('/api/countries')
      .query({ filter: '{"alpha2":"LV"}' })
      .auth(specialist, { type: 'bearer' });
    expect(res.body[0]).toMatchObject({ alpha3: 'LVA', numeric: '428', nameLv: 'Latvija' });
    const all = await t
      .request()
      .get('/api/countries')
      .query({ range: '[0,0]' })
      .auth(specialist, { type: 'bearer' });
    expect(all.headers['content-range']).toMatch(/\/249$/);
  });
});
