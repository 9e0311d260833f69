import { sql } from 'kysely';
import { capturedLog } from '../test-support/captured-log';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { roles, type Role } from '../policies/roles';
import { can, type Permission } from '../policies/permissions';

// The Hardening issue's 500s from prototype names and NUL, as regression tests over HTTP: each
// is a 400 naming the field, and nothing is stored, audited or logged as an error.

const { logger, events } = capturedLog();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { logger });
});
afterAll(() => t.close());

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

const auth = async (role: Role) => ({ Authorization: `Bearer ${await t.token(role)}` });
const roleWith = (permission: string) =>
  roles.find((r) => permission === 'signed-in' || can(r, permission as Permission))!;

const count = async (table: string) =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        t.database.db,
      )
    ).rows[0]!.n,
  );
/** Runs `fn` and checks that it left the audit trail, the table and the error log as they were. */
async function changesNothing(table: string, fn: () => Promise<void>) {
  const [rows, audited, errors] = [await count(table), await count('audit_events'), events.length];
  await fn();
  expect(await count(table)).toBe(rows);
  expect(await count('audit_events')).toBe(audited);
  expect(events.slice(errors).filter((e) => Number(e.level) >= 50)).toEqual([]);
}

const paths = (body: { errors?: { path: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.path} ${e.code}`);

/** Every list route of the OpenAPI document (those taking `filter` and `range`). */
async function listRoutes(): Promise<{ path: string; access: string }[]> {
  const doc = (await t.request().get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, { parameters?: { name: string }[]; 'x-access': string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) => {
    const names = (ops.get?.parameters ?? []).map((p) => p.name);
    return names.includes('filter') && names.includes('range')
      ? [{ path, access: ops.get!['x-access'] }]
      : [];
  });
}

describe('a filter, sort or column named like an Object.prototype member', () => {
  it('is an unknown field (400 naming it) on every list route', async () => {
    const lists = await listRoutes();
    expect(lists.map((l) => l.path)).toEqual(
      expect.arrayContaining(['/api/territories', '/api/children', '/api/audit-events']),
    );
    for (const { path, access } of lists) {
      const headers = await auth(roleWith(access));
      for (const name of PROTOTYPE_NAMES) {
        const filter = await t
          .request()
          .get(path)
          .set(headers)
          .query({ filter: `{${JSON.stringify(name)}:1}` });
        expect([path, filter.status, paths(filter.body)]).toEqual([
          path,
          400,
          [`query.filter.${name} unknown_field`],
        ]);
        const sort = await t
          .request()
          .get(path)
          .set(headers)
          .query({ sort: JSON.stringify([name, 'ASC']) });
        expect([path, sort.status, paths(sort.body)]).toEqual([
          path,
          400,
          ['query.sort unknown_field'],
        ]);
      }
    }
  });

  it('is an unknown column of an export', async () => {
    const headers = await auth('adoption_specialist');
    for (const name of PROTOTYPE_NAMES) {
      const res = await t
        .request()
        .get('/api/children/export')
        .set(headers)
        .query({ format: 'csv', columns: JSON.stringify(['surname', name]) })
        .expect(400);
      expect(paths(res.body)).toEqual([`query.columns.${name} unknown_field`]);
    }
  });

  it('`__proto__` as a key of a JSON body is refused, at any depth', async () => {
    const headers = await auth('administrator');
    await changesNothing('territories', async () => {
      for (const body of [
        '{"__proto__":{"kind":"municipality"},"atvkCode":"1234567","name":"Jauns","kind":"municipality"}',
        '{"atvkCode":"1234567","name":"Jauns","kind":"municipality","x":{"__proto__":1}}',
      ]) {
        const res = await t
          .request()
          .post('/api/territories')
          .set(headers)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(paths(res.body)).toEqual(['body forbidden_key']);
      }
    });
  });

  it('a proposal naming a prototype member as its field is an unknown field', async () => {
    const headers = await auth('care_institution');
    await changesNothing('change_requests', async () => {
      for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
        const res = await t
          .request()
          .post('/api/change-requests')
          .set(headers)
          .send({ resource: 'children', recordId: 1, changes: { [name]: 'x' } })
          .expect(400);
        expect(paths(res.body)).toEqual([`body.changes.${name} unknown_field`]);
      }
    });
  });
});

describe('a NUL character in any string', () => {
  it('of a sign-in: 400 naming body.username, no failed sign-in recorded', async () => {
    await changesNothing('users', async () => {
      const res = await t
        .request()
        .post('/api/auth/login')
        .send({ username: 'x\u0000', password: 'Testa-parole-2026!' })
        .expect(400);
      expect(paths(res.body)).toEqual(['body.username nul_character']);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it.each([
    [
      'a territory name',
      'administrator',
      '/api/territories',
      'territories',
      { atvkCode: '1234567', name: 'Rīga\u0000', kind: 'municipality' },
      'body.name',
    ],
    [
      'a sibling-group note',
      'adoption_specialist',
      '/api/sibling-groups',
      'sibling_groups',
      { note: 'Brāļi\u0000', mayBeSeparated: false },
      'body.note',
    ],
    [
      'a proposed personality',
      'care_institution',
      '/api/change-requests',
      'change_requests',
      { resource: 'children', recordId: 1, changes: { personality: 'Kautrīga\u0000' } },
      'body.changes.personality',
    ],
    [
      'a key',
      'administrator',
      '/api/territories',
      'territories',
      { atvkCode: '1234567', name: 'Rīga', kind: 'municipality', 'a\u0000': 1 },
      'body.a\\u0000',
    ],
    [
      'an array item',
      'adoption_specialist',
      '/api/sibling-groups',
      'sibling_groups',
      { note: null, mayBeSeparated: false, tags: ['a', 'b\u0000'] },
      'body.tags.1',
    ],
  ])('of %s: 400 naming it, nothing stored', async (_what, role, path, table, body, field) => {
    const headers = await auth(role as Role);
    await changesNothing(table, async () => {
      const res = await t.request().post(path).set(headers).send(body).expect(400);
      expect(paths(res.body)).toEqual([`${field} nul_character`]);
    });
  });

  it.each([
    ['adopters', 'adoption_specialist', '/api/adopters', { q: 'Bērziņ\u0000' }, 'q'],
    ['outgoing mail', 'administrator', '/api/outgoing-mail', { q: 'x\u0000@example.lv' }, 'q'],
    ['audit events', 'administrator', '/api/audit-events', { action: 'login\u0000' }, 'action'],
    [
      'audit events',
      'administrator',
      '/api/audit-events',
      { actorUsername: ['a', '\u0000'] },
      'actorUsername.1',
    ],
    ['territories', 'administrator', '/api/territories', { q: 'rīga\u0000' }, 'q'],
  ])(
    'of a list filter of %s: 400 naming query.filter.…, no list event audited',
    async (_what, role, path, filter, field) => {
      const headers = await auth(role as Role);
      await changesNothing('audit_events', async () => {
        const res = await t
          .request()
          .get(path)
          .set(headers)
          .query({ filter: JSON.stringify(filter) })
          .expect(400);
        expect(paths(res.body)).toEqual([`query.filter.${field} nul_character`]);
      });
    },
  );

  it('of a sort, a range or a filter key', async () => {
    const headers = await auth('administrator');
    const ask = (query: Record<string, string>) =>
      t.request().get('/api/territories').set(headers).query(query).expect(400);
    expect(paths((await ask({ sort: '["name\\u0000","ASC"]' })).body)).toEqual([
      'query.sort.0 nul_character',
    ]);
    expect(paths((await ask({ range: '[0,"\\u0000"]' })).body)).toEqual([
      'query.range.1 nul_character',
    ]);
    expect(paths((await ask({ filter: '{"na\\u0000me":1}' })).body)).toEqual([
      'query.filter.na\\u0000me nul_character',
    ]);
  });

  it('of a query parameter or a path parameter', async () => {
    const headers = await auth('adoption_specialist');
    const upload = await t
      .request()
      .post('/api/children/1/attachments?category=photo&fileName=a.png&note=x%00')
      .set(headers)
      .set('Content-Type', 'image/png')
      .send(Buffer.from('x'))
      .expect(400);
    expect(paths(upload.body)).toEqual(['query.note nul_character']);
    const show = await t.request().get('/api/children/1%00').set(headers).expect(400);
    expect(paths(show.body)).toEqual(['params.id nul_character']);
    const statistics = await t
      .request()
      .get('/api/statistics/children?by=status%00')
      .set(headers)
      .expect(400);
    expect(paths(statistics.body)).toEqual(['query.by nul_character']);
  });
});

describe('nesting', () => {
  it('deeper than 32 levels is refused where it starts (body and filter)', async () => {
    const headers = await auth('administrator');
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const body = await t
      .request()
      .post('/api/territories')
      .set(headers)
      .set('Content-Type', 'application/json')
      .send(`{"atvkCode":"1234567","name":${deep},"kind":"municipality"}`)
      .expect(400);
    expect(paths(body.body)).toEqual([`body.name${'.0'.repeat(31)} too_deep`]);
    const filter = await t
      .request()
      .get('/api/territories')
      .set(headers)
      .query({ filter: `{"kind":${'['.repeat(40)}${']'.repeat(40)}}` })
      .expect(400);
    expect(paths(filter.body)).toEqual([`query.filter.kind${'.0'.repeat(31)} too_deep`]);
  });
});
