import { createTestApp, type TestApp } from '../test-support/test-app';
import { roles, type Role } from './roles';

/**
 * The role × endpoint × scope matrix of the person registers, against the real database.
 * Expectations are written out by hand (not derived from the policy modules they test).
 * "own" is a record in the role's scope (for unscoped roles: any record); "other" is one outside
 * it; "missing" is an id nobody has. A record outside the scope must be indistinguishable from
 * a missing one.
 */

type Case =
  | 'list'
  | 'showOwn'
  | 'showOther'
  | 'showMissing'
  | 'create'
  | 'updateOwn'
  | 'updateOther'
  | 'delete';
const cases: Case[] = [
  'list',
  'showOwn',
  'showOther',
  'showMissing',
  'create',
  'updateOwn',
  'updateOther',
  'delete',
];

const none = {
  list: 403,
  showOwn: 403,
  showOther: 403,
  showMissing: 403,
  create: 403,
  updateOwn: 403,
  updateOther: 403,
  delete: 403,
};
const keeper = {
  list: 200,
  showOwn: 200,
  showOther: 200,
  showMissing: 404,
  create: 201,
  updateOwn: 200,
  updateOther: 200,
  delete: 200,
};
const scopedReader = {
  list: 200,
  showOwn: 200,
  showOther: 404,
  showMissing: 404,
  create: 403,
  updateOwn: 403,
  updateOther: 403,
  delete: 403,
};

// prettier-ignore
const expected: Record<'children' | 'adopters', Record<Role, Record<Case, number>>> = {
  children: {
    administrator:       none,
    adoption_specialist: keeper,
    head_of_department:  keeper,
    care_institution:    scopedReader,
    orphan_court:        scopedReader,
    analyst:             none,
    auditor:             none,
  },
  adopters: {
    administrator:       none,
    adoption_specialist: keeper,
    head_of_department:  keeper,
    care_institution:    none,
    orphan_court:        scopedReader,
    analyst:             none,
    auditor:             none,
  },
};

let t: TestApp;
let careProviderId: number;
let orphanCourtId: number;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  t = await createTestApp();
  const scoped = await t.database.db
    .selectFrom('users')
    .select(['careProviderId', 'orphanCourtId'])
    .where('username', 'in', ['care-institution', 'orphan-court'])
    .execute();
  careProviderId = scoped.find((u) => u.careProviderId)!.careProviderId!;
  orphanCourtId = scoped.find((u) => u.orphanCourtId)!.orphanCourtId!;
  for (const role of roles) tokens[role] = await t.token(role);
});
afterAll(() => t.close());

/** A record in (own) or outside (other) the role's scope, straight from the database. */
async function pick(
  resource: 'children' | 'adopters',
  role: Role,
  own: boolean,
): Promise<Record<string, unknown> & { id: number }> {
  const db = t.database.db;
  if (resource === 'children') {
    let q = db.selectFrom('children').selectAll();
    if (role === 'care_institution')
      q = own
        ? q.where('careProviderId', '=', careProviderId)
        : q.where((eb) =>
            eb.or([eb('careProviderId', '!=', careProviderId), eb('careProviderId', 'is', null)]),
          );
    if (role === 'orphan_court') q = q.where('careOrphanCourtId', own ? '=' : '!=', orphanCourtId);
    return q.orderBy('id').executeTakeFirstOrThrow();
  }
  let q = db.selectFrom('adopters').selectAll();
  if (role === 'orphan_court') q = q.where('orphanCourtId', own ? '=' : '!=', orphanCourtId);
  return q.orderBy('id').executeTakeFirstOrThrow();
}

let created = 0;
const body = {
  children: (r: Record<string, unknown>) => ({
    // Another name and birth date each time: the same pair twice is a likely duplicate.
    givenNames: `Elīza ${['Anna', 'Marta', 'Ieva', 'Laura', 'Līga', 'Zane', 'Dace', 'Ilze'][created++ % 8]}`,
    surname: 'Bērziņa',
    sex: 'female',
    birthDate: `2014-05-${String(1 + (created % 28)).padStart(2, '0')}`,
    nationalityKind: 'citizen',
    recordSheetReceivedOn: '2025-02-01',
    careForm: 'care_institution',
    careOrphanCourtId: r.careOrphanCourtId,
    careDecisionNumber: 'BT-2025/7',
    careDecisionDate: '2025-01-20',
    careProviderId: r.careProviderId ?? careProviderId,
  }),
  adopters: (r: Record<string, unknown>) => ({
    origin: 'latvian',
    givenNames: 'Ērika',
    surname: 'Kalniņa',
    birthDate: '1984-09-10',
    declaredAddress: 'Skolas iela 5, Cēsis, LV-4101',
    orphanCourtId: r.orphanCourtId,
    decisionNumber: 'BT-2025/A7',
    decisionDate: '2025-03-01',
    enteredOn: '2025-03-20',
  }),
};

describe.each(['children', 'adopters'] as const)('%s', (resource) => {
  const rows = roles.flatMap((role) =>
    cases.map((c) => [role, c, expected[resource][role][c]] as const),
  );

  it.each(rows)('%s: %s → %i', async (role, kase, status) => {
    const auth = { Authorization: `Bearer ${tokens[role]}` };
    const api = t.request();
    const own = await pick(resource, role, true);
    const other = await pick(resource, role, false);
    const url = `/api/${resource}`;
    let res;
    switch (kase) {
      case 'list':
        res = await api.get(url).set(auth);
        break;
      case 'showOwn':
        res = await api.get(`${url}/${own.id}`).set(auth);
        break;
      case 'showOther':
        res = await api.get(`${url}/${other.id}`).set(auth);
        break;
      case 'showMissing':
        res = await api.get(`${url}/999999`).set(auth);
        break;
      case 'create':
        res = await api.post(url).set(auth).send(body[resource](own));
        break;
      case 'updateOwn':
      case 'updateOther': {
        const target = kase === 'updateOwn' ? own : other;
        const fresh = await t.database.db
          .selectFrom(resource)
          .selectAll()
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow();
        const {
          id: _i,
          version,
          status: _s,
          searchText: _t,
          nameSort: _n,
          createdAt: _c,
          updatedAt: _u,
          ...fields
        } = fresh;
        res = await api
          .put(`${url}/${target.id}`)
          .set(auth)
          .send({ ...fields, version });
        break;
      }
      case 'delete': {
        // A record of its own (in the role's scope) to delete, so the other cases keep their rows.
        const created = await t
          .request()
          .post(url)
          .auth(tokens.adoption_specialist, { type: 'bearer' })
          .send(body[resource](own))
          .expect(201);
        res = await api.delete(`${url}/${created.body.id}`).set(auth);
        break;
      }
    }
    expect(res.status).toBe(status);
  });

  it.each(roles.filter((r) => expected[resource][r].list === 200))(
    '%s: the list holds exactly the records in scope, and getMany of guessed ids finds none outside',
    async (role) => {
      const auth = { Authorization: `Bearer ${tokens[role]}` };
      const column =
        resource === 'children'
          ? role === 'care_institution'
            ? 'careProviderId'
            : 'careOrphanCourtId'
          : 'orphanCourtId';
      const value = role === 'care_institution' ? careProviderId : orphanCourtId;
      let q = t.database.db.selectFrom(resource).select('id');
      if (expected[resource][role].showOther === 404)
        q = q.where(column as never, '=', value as never);
      const inScope = (await q.execute()).map((r) => r.id).sort((a, b) => a - b);
      const res = await t
        .request()
        .get(`/api/${resource}`)
        .query({ range: '[0,999]', sort: '["id","ASC"]' })
        .set(auth)
        .expect(200);
      expect(res.body.map((r: { id: number }) => r.id)).toEqual(inScope);
      expect(res.headers['content-range']).toMatch(new RegExp(`/${inScope.length}$`));

      const other = await pick(resource, role, false);
      const many = await t
        .request()
        .get(`/api/${resource}`)
        .query({ filter: JSON.stringify({ id: [other.id] }) })
        .set(auth)
        .expect(200);
      expect(many.body.length).toBe(expected[resource][role].showOther === 404 ? 0 : 1);
    },
  );
});

describe('a record outside the scope is indistinguishable from a missing one', () => {
  it('answers the same problem, apart from the id', async () => {
    const auth = { Authorization: `Bearer ${tokens.care_institution}` };
    const other = await pick('children', 'care_institution', false);
    const outside = await t.request().get(`/api/children/${other.id}`).set(auth).expect(404);
    const missing = await t.request().get('/api/children/999999').set(auth).expect(404);
    const strip = (b: Record<string, unknown>) => ({
      ...b,
      detail: String(b.detail).replace(/\d+/, 'N'),
      requestId: undefined,
      instance: undefined,
    });
    expect(strip(outside.body)).toEqual(strip(missing.body));
  });
});

describe('field rules in answers', () => {
  it('gives a care institution health but neither religion nor the birth family', async () => {
    const own = await pick('children', 'care_institution', true);
    const res = await t
      .request()
      .get(`/api/children/${own.id}`)
      .auth(tokens.care_institution, { type: 'bearer' })
      .expect(200);
    expect(res.body).toMatchObject({ id: own.id, givenNames: own.givenNames, health: own.health });
    expect(res.body).not.toHaveProperty('religion');
    expect(res.body).not.toHaveProperty('birthFamilyCharacterisation');
    const list = await t
      .request()
      .get('/api/children')
      .auth(tokens.care_institution, { type: 'bearer' })
      .expect(200);
    // Not an empty list, which would pass any check of its rows.
    expect(list.body.length).toBeGreaterThan(0);
    for (const row of list.body) expect(row).not.toHaveProperty('birthFamilyCharacterisation');
  });

  it('gives orphan courts and specialists the whole card', async () => {
    const own = await pick('children', 'orphan_court', true);
    for (const role of ['orphan_court', 'adoption_specialist'] as const) {
      const res = await t
        .request()
        .get(`/api/children/${own.id}`)
        .auth(tokens[role], { type: 'bearer' })
        .expect(200);
      expect(res.body).toHaveProperty('religion');
      expect(res.body.birthFamilyCharacterisation).toBe(own.birthFamilyCharacterisation);
    }
  });

  it('tells the console which parts to show', async () => {
    const me = await t
      .request()
      .get('/api/auth/me')
      .auth(tokens.care_institution, { type: 'bearer' })
      .expect(200);
    expect(me.body.permissions).toEqual(
      expect.arrayContaining(['children:read', 'children.health:read']),
    );
    expect(me.body.permissions).not.toContain('children.birthFamily:read');
    expect(me.body.permissions).not.toContain('children:write');
  });
});
