import { createTestApp, type TestApp } from '../test-support/test-app';
import type { Role } from '../policies/roles';

let t: TestApp;
let childId: number;
beforeAll(async () => {
  t = await createTestApp();
  const specialist = await t.token('adoption_specialist');
  childId = (
    await t.database.db.selectFrom('children').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  // One read and one list page that showed the child.
  await t
    .request()
    .get(`/api/children/${childId}`)
    .auth(specialist, { type: 'bearer' })
    .expect(200);
  await t
    .request()
    .get('/api/children')
    .query({ filter: JSON.stringify({ id: [childId] }) })
    .auth(specialist, { type: 'bearer' })
    .expect(200);
});
afterAll(() => t.close());

const history = async (role: Role, filter: Record<string, unknown>) =>
  t
    .request()
    .get('/api/record-history')
    .query({ filter: JSON.stringify(filter) })
    .auth(await t.token(role), { type: 'bearer' });

describe('who has seen or changed this record', () => {
  it("shows a child's keepers its reads and the list pages that showed it", async () => {
    const res = await history('head_of_department', { resource: 'children', recordId: childId });
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['list', 'read']);
    expect(res.body[0]).toMatchObject({
      actorUsername: 'adoption-specialist',
      resource: 'children',
    });
    expect(res.headers['content-range']).toBe('record-history 0-1/2');
  });

  it.each([
    ['care_institution', 403], // reads its children, but does not keep them
    ['orphan_court', 403],
    ['analyst', 403],
    ['administrator', 200], // reads the whole trail anyway
    ['auditor', 200],
  ] as const)('%s → %i for a child', async (role, status) => {
    expect((await history(role, { resource: 'children', recordId: childId })).status).toBe(status);
  });

  it('lets administrators see the history of a classifier they keep, not specialists', async () => {
    expect((await history('administrator', { resource: 'territories', recordId: 1 })).status).toBe(
      200,
    );
    expect(
      (await history('adoption_specialist', { resource: 'territories', recordId: 1 })).status,
    ).toBe(403);
  });

  it('needs the resource and the record, naming what is missing', async () => {
    const res = await history('adoption_specialist', { resource: 'children' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.filter.recordId');
  });

  it('answers 403 for a record id that does not exist, as for one outside the scope', async () => {
    expect(
      (await history('adoption_specialist', { resource: 'children', recordId: 999999 })).status,
    ).toBe(403);
  });
});
