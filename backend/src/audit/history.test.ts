import { createTestApp, type TestApp } from '../test-support/test-app';
import { as, buildAuditWorld, type AuditWorld } from '../test-support/audit-world';
import { roles, type Role } from '../policies/roles';
import { can } from '../policies/permissions';

// "Who has seen or changed this record" (GET /api/record-history) is readable exactly when the
// record is: for every role and every kind of record, the history answers what the record's own
// show route answers (200, 403 without the permission, 404 missing or out of scope), and audit
// readers get any record's history.

let t: TestApp;
let w: AuditWorld;
let childId: number;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildAuditWorld(t, 'history');
  childId = (
    await t.database.db.selectFrom('children').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const specialist = as(t, w.token.adoption_specialist);
  // One read and one list page that showed the first child.
  await specialist.get(`/api/children/${childId}`).expect(200);
  await specialist.get('/api/children', { filter: JSON.stringify({ id: [childId] }) }).expect(200);
});
afterAll(() => t.close());

/** What a problem says (its instance and request id name the request, not the record). */
const said = ({ body }: { body: { status: number; title: string; detail: string } }) => ({
  status: body.status,
  title: body.title,
  detail: body.detail,
});

const history = (role: Role, resource: string, recordId: number | string) =>
  as(t, w.token[role]).get('/api/record-history', {
    filter: JSON.stringify({ resource, recordId }),
  });

describe('who has seen or changed this record', () => {
  it("shows a child's keepers its reads and the list pages that showed it", async () => {
    const res = await history('head_of_department', 'children', childId).expect(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['list', 'read']);
    expect(res.body[0]).toMatchObject({
      actorUsername: 'adoption-specialist',
      resource: 'children',
    });
    expect(res.headers['content-range']).toBe('record-history 0-1/2');
  });

  it('counts the selection runs that showed the child or the adopter, for those who may read selections', async () => {
    const db = t.database.db;
    const specialist = as(t, w.token.adoption_specialist);
    const run = (await specialist.post(`/api/children/${childId}/selections`, {}).expect(201))
      .body as {
      id: number;
      result: { fitting: { adopterId: number }[]; notFitting: { adopterId: number }[] };
    };
    const shown = [...run.result.fitting, ...run.result.notFitting].map((a) => a.adopterId);
    const selections = (res: { body: { resource: string; recordId: string }[] }) =>
      res.body.filter((e) => e.resource === 'selections').map((e) => Number(e.recordId));
    // The child's history: the reverse view that showed it.
    expect(
      selections(await history('head_of_department', 'children', childId).expect(200)),
    ).toEqual([run.id]);
    // An adopter it listed: the same run.
    expect(
      selections(await history('head_of_department', 'adopters', shown[0]!).expect(200)),
    ).toContain(run.id);
    // Another child's history does not have it.
    const other = await db
      .selectFrom('children')
      .select('id')
      .where('id', '<>', childId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(
      selections(await history('head_of_department', 'children', other.id).expect(200)),
    ).toEqual([]);
    // Filtered by another action: only that action.
    const reads = await as(t, w.token.head_of_department)
      .get('/api/record-history', {
        filter: JSON.stringify({ resource: 'children', recordId: childId, action: 'read' }),
      })
      .expect(200);
    expect(selections(reads)).toEqual([]);
  });

  it('needs the resource and the record, naming what is missing', async () => {
    const res = await as(t, w.token.adoption_specialist)
      .get('/api/record-history', { filter: JSON.stringify({ resource: 'children' }) })
      .expect(400);
    expect(res.body.errors[0].path).toBe('query.filter.recordId');
  });
});

describe('the issue: change requests of another organisation', () => {
  it("a care institution gets 404 for an orphan court's change request, as for its show", async () => {
    const show = await as(t, w.token.care_institution)
      .get(`/api/change-requests/${w.requests.court}`)
      .expect(404);
    // The request: recordId as a string.
    const res = await history('care_institution', 'change-requests', String(w.requests.court));
    expect(res.status).toBe(404);
    expect(said(res)).toEqual(said(show));
    expect(JSON.stringify(res.body)).not.toContain('legalStatusNote');
    // …nor the court's record sheet of a new child (names, birth date, personality).
    const sheet = await history('care_institution', 'change-requests', w.requests.courtNewChild);
    expect(sheet.status).toBe(404);
    expect(JSON.stringify(sheet.body)).not.toMatch(/Vītoliņš|2012-08-30|Kluss/);
  });

  it("an orphan court gets 404 for a care institution's proposal about another child", async () => {
    await as(t, w.token.orphan_court)
      .get(`/api/change-requests/${w.requests.institution}`)
      .expect(404);
    const res = await history('orphan_court', 'change-requests', w.requests.institution);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('atklātāka');
  });

  it('each organisation reads the history of its own request, with the values it proposed', async () => {
    const court = await history('orphan_court', 'change-requests', w.requests.court).expect(200);
    expect(court.body.find((e: { action: string }) => e.action === 'create')).toMatchObject({
      changes: { legalStatusNote: { new: 'X' } },
    });
    const own = await history('care_institution', 'change-requests', w.requests.institution);
    expect(own.status).toBe(200);
    expect(own.body.find((e: { action: string }) => e.action === 'create')).toMatchObject({
      changes: { personality: { old: w.children.institutionOnly.personality } },
    });
  });
});

describe('the history answers as the record does, for every role and record', () => {
  const records = () =>
    [
      ['children', w.children.both.id],
      ['children', w.children.courtOnly.id],
      ['children', w.children.institutionOnly.id],
      ['children', w.children.neither.id],
      ['children', 999999],
      ['adopters', w.adopters.court],
      ['adopters', w.adopters.other],
      ['adopters', 999999],
      ['sibling-groups', w.groups.both],
      ['sibling-groups', w.groups.courtOnly],
      ['sibling-groups', w.groups.neither],
      ['change-requests', w.requests.court],
      ['change-requests', w.requests.courtNewChild],
      ['change-requests', w.requests.institution],
      ['change-requests', 999999],
      ['users', 1],
      ['users', 999999],
      ['territories', 1],
      ['territories', 999999],
    ] as const;

  it.each(roles)('%s', async (role) => {
    const seen: string[] = [];
    for (const [resource, id] of records()) {
      const show = await as(t, w.token[role]).get(`/api/${resource}/${id}`);
      const res = await history(role, resource, id);
      const expected = can(role, 'audit-events:read') ? 200 : show.status;
      expect({ resource, id, status: res.status }).toEqual({ resource, id, status: expected });
      seen.push(`${resource}:${res.status}`);
      // Missing and out of scope read alike: the record's own 404.
      if (res.status === 404) expect(said(res)).toEqual(said(show));
    }
    // Not vacuous: each role meets what its permissions and scope say.
    const count = (s: string) => seen.filter((x) => x === s).length;
    const expectations: Record<Role, Record<string, number>> = {
      administrator: { 'children:200': 5, 'users:200': 2 },
      auditor: { 'change-requests:200': 4, 'territories:200': 2 },
      adoption_specialist: { 'children:200': 4, 'children:404': 1, 'users:403': 2 },
      head_of_department: { 'change-requests:200': 3, 'users:200': 1, 'users:404': 1 },
      // Its own children (both, institutionOnly), the group with one of them, its own request.
      care_institution: {
        'children:200': 2,
        'children:404': 3,
        'adopters:403': 3,
        'sibling-groups:200': 1,
        'sibling-groups:404': 2,
        'change-requests:200': 1,
        'change-requests:404': 3,
      },
      // The children in its care (both, courtOnly), the adopter it recognised, its two requests.
      orphan_court: {
        'children:200': 2,
        'adopters:200': 1,
        'adopters:404': 2,
        'sibling-groups:200': 2,
        'change-requests:200': 2,
        'change-requests:404': 2,
        'users:403': 2,
      },
      analyst: { 'children:403': 5, 'territories:200': 1, 'territories:404': 1 },
    };
    for (const [key, n] of Object.entries(expectations[role]))
      expect([key, count(key)]).toEqual([key, n]);
  });

  it('a resource no show route serves is for audit readers only', async () => {
    await history('adoption_specialist', 'sessions', 'x').expect(403);
    await history('auditor', 'sessions', 'x').expect(200);
  });

  it('an id the record could not have answers as a missing record', async () => {
    const missing = await history('adoption_specialist', 'children', 999999).expect(404);
    const odd = await history('adoption_specialist', 'children', `0${w.children.both.id}`);
    expect(odd.status).toBe(404);
    expect(odd.body.detail).toBe(missing.body.detail.replace('999999', `0${w.children.both.id}`));
  });
});
