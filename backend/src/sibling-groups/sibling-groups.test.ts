import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent } from '../test-support/audit-trail';
import { firstId } from '../test-support/reference-data';

let t: TestApp;
let specialist: string;
let institution: string;
let court: string;
let analyst: string;
let courtId: number;
/** Demo children placed with the care institution's provider, and children placed elsewhere. */
let own: number[];
let others: number[];

beforeAll(async () => {
  t = await createTestApp();
  [specialist, institution, court, analyst] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('care_institution'),
    t.token('orphan_court'),
    t.token('analyst'),
  ]);
  const providerId = await firstId(t.database.db, 'careProviders');
  courtId = await firstId(t.database.db, 'orphanCourts');
  const children = await t.database.db
    .selectFrom('children')
    .select(['id', 'careProviderId'])
    // Children of the demo data's own groups would answer 409 "already in a group".
    .where('siblingGroupId', 'is', null)
    .orderBy('id')
    .execute();
  own = children.filter((c) => c.careProviderId === providerId).map((c) => c.id);
  others = children.filter((c) => c.careProviderId !== providerId).map((c) => c.id);
  // Demo data without a child of the institution: place three with it for the scope tests.
  if (own.length < 3) {
    const moved = others.splice(0, 3 - own.length);
    await t.database.db
      .updateTable('children')
      .set({ careForm: 'care_institution', careProviderId: providerId })
      .where('id', 'in', moved)
      .execute();
    own.push(...moved);
  }
  expect(others.length).toBeGreaterThanOrEqual(6);
});
afterAll(() => t.close());

const lastEvent = () => lastAuditEvent(t.database.db);
const groupOf = async (childId: number) =>
  (
    await t.database.db
      .selectFrom('children')
      .select('siblingGroupId')
      .where('id', '=', childId)
      .executeTakeFirstOrThrow()
  ).siblingGroupId;
const decision = () => ({
  mayBeSeparated: true,
  separationOrphanCourtId: courtId,
  separationDecisionNumber: 'BT-2025/77',
  separationDecisionDate: '2025-05-06',
});
/** A new group with the given members: the group as answered after the members are set. */
async function group(childIds: number[], body: object = {}) {
  const created = await t.as(specialist).post('/api/sibling-groups', body).expect(201);
  const res = await t
    .as(specialist)
    .put(`/api/sibling-groups/${created.body.id}/members`, { childIds, version: 1 })
    .expect(200);
  return res.body;
}

describe('creating and updating a group', () => {
  it('stores a separation decision and audits the creation', async () => {
    const res = await t
      .as(specialist)
      .post('/api/sibling-groups', { note: 'Trīs brāļi', ...decision() })
      .expect(201);
    expect(res.body).toMatchObject({ note: 'Trīs brāļi', ...decision(), version: 1, children: [] });
    expect(await lastEvent()).toMatchObject({
      action: 'create',
      resource: 'sibling-groups',
      recordId: String(res.body.id),
      changes: expect.objectContaining({ mayBeSeparated: { new: true } }),
    });
  });

  it('defaults to kept together, without a decision', async () => {
    const res = await t.as(specialist).post('/api/sibling-groups', {}).expect(201);
    expect(res.body).toMatchObject({
      mayBeSeparated: false,
      separationOrphanCourtId: null,
      separationDecisionNumber: null,
      separationDecisionDate: null,
      note: null,
    });
  });

  it('wants the whole decision when the children may be separated, naming the missing fields', async () => {
    const res = await t
      .as(specialist)
      .post('/api/sibling-groups', { mayBeSeparated: true, separationOrphanCourtId: courtId })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.separationDecisionDate',
      'body.separationDecisionNumber',
    ]);
  });

  it('refuses a decision when the children stay together, naming the fields', async () => {
    const res = await t
      .as(specialist)
      .post('/api/sibling-groups', { ...decision(), mayBeSeparated: false })
      .expect(400);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['body.separationOrphanCourtId', 'not_allowed'],
      ['body.separationDecisionNumber', 'not_allowed'],
      ['body.separationDecisionDate', 'not_allowed'],
    ]);
  });

  it('refuses a decision in the future', async () => {
    const res = await t
      .as(specialist)
      .post('/api/sibling-groups', { ...decision(), separationDecisionDate: '2099-01-01' })
      .expect(400);
    expect(res.body.errors[0].path).toBe('body.separationDecisionDate');
  });

  it('updates with optimistic locking, ignoring echoed read-only fields', async () => {
    const created = (await t.as(specialist).post('/api/sibling-groups', {}).expect(201)).body;
    const res = await t
      .as(specialist)
      .put(`/api/sibling-groups/${created.id}`, { ...created, ...decision() })
      .expect(200);
    expect(res.body).toMatchObject({ ...decision(), version: 2 });
    expect((await lastEvent()).changes).toMatchObject({
      mayBeSeparated: { old: false, new: true },
      separationDecisionNumber: { old: null, new: 'BT-2025/77' },
    });
    const stale = await t
      .as(specialist)
      .put(`/api/sibling-groups/${created.id}`, { ...created, note: 'vēlāk' })
      .expect(409);
    expect(stale.body.current).toMatchObject({ version: 2 });
  });
});

describe('members', () => {
  it('sets and replaces the members, in one audited event each', async () => {
    const g = await group([others[0]!, others[1]!]);
    expect(g.version).toBe(2);
    expect(g.children.map((c: { id: number }) => c.id).sort()).toEqual(
      [others[0], others[1]].sort(),
    );
    expect(g.children[0]).toEqual({
      id: expect.any(Number),
      givenNames: expect.any(String),
      surname: expect.any(String),
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      status: expect.any(String),
    });
    expect(await lastEvent()).toMatchObject({
      action: 'update',
      resource: 'sibling-groups',
      recordId: String(g.id),
      changes: { members: { old: [], new: [others[0], others[1]].sort((a, b) => a! - b!) } },
    });

    const res = await t
      .as(specialist)
      .put(`/api/sibling-groups/${g.id}/members`, { childIds: [others[1], others[2]], version: 2 })
      .expect(200);
    expect(res.body.children.map((c: { id: number }) => c.id).sort()).toEqual(
      [others[1], others[2]].sort(),
    );
    expect((await lastEvent()).changes).toEqual({
      members: {
        old: [others[0], others[1]].sort((a, b) => a! - b!),
        new: [others[1], others[2]].sort((a, b) => a! - b!),
      },
    });
    expect(await groupOf(others[0]!)).toBeNull();
    expect(await groupOf(others[2]!)).toBe(g.id);
    // The child's card shows its group (read-only).
    const child = await t.as(specialist).get(`/api/children/${others[2]}`).expect(200);
    expect(child.body.siblingGroupId).toBe(g.id);
    // A stale members editor gets 409.
    await t
      .as(specialist)
      .put(`/api/sibling-groups/${g.id}/members`, { childIds: [], version: 2 })
      .expect(409);
  });

  it('answers 409 naming a child already in another group, changing nothing', async () => {
    const first = await group([others[3]!, others[4]!]);
    const second = (await t.as(specialist).post('/api/sibling-groups', {}).expect(201)).body;
    const res = await t
      .as(specialist)
      .put(`/api/sibling-groups/${second.id}/members`, {
        childIds: [others[5], others[4]],
        version: 1,
      })
      .expect(409);
    expect(res.body).toMatchObject({ childId: others[4], siblingGroupId: first.id });
    expect(res.body.detail).toContain(`Child ${others[4]}`);
    expect(await groupOf(others[5]!)).toBeNull();
  });

  it('refuses a child that does not exist, naming the entry', async () => {
    const g = (await t.as(specialist).post('/api/sibling-groups', {}).expect(201)).body;
    const res = await t
      .as(specialist)
      .put(`/api/sibling-groups/${g.id}/members`, { childIds: [others[6], 99999999], version: 1 })
      .expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.childIds.1', code: 'invalid_reference' }),
    ]);
  });

  it('lists only complete groups with complete: true', async () => {
    const lonely = (await t.as(specialist).post('/api/sibling-groups', {}).expect(201)).body;
    const res = await t
      .as(specialist)
      .get('/api/sibling-groups')
      .query({ filter: JSON.stringify({ complete: true }), range: '[0,999]' })
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const g of res.body) expect(g.children.length).toBeGreaterThanOrEqual(2);
    expect(res.body.map((g: { id: number }) => g.id)).not.toContain(lonely.id);
    expect(res.headers['content-range']).toMatch(/^sibling-groups (\d+-\d+|\*)\/\d+$/);
    const open = await t
      .as(specialist)
      .get('/api/sibling-groups')
      .query({ filter: JSON.stringify({ complete: false }), range: '[0,999]' })
      .expect(200);
    expect(open.body.map((g: { id: number }) => g.id)).toContain(lonely.id);
  });
});

describe('record scope', () => {
  let mixed: { id: number };
  let foreign: { id: number };
  beforeAll(async () => {
    mixed = await group([own[0]!, others[7]!]);
    foreign = await group([others[8]!, others[9]!]);
  });

  it('shows a care institution only its own children among the members', async () => {
    const res = await t.as(institution).get(`/api/sibling-groups/${mixed.id}`).expect(200);
    expect(res.body.children.map((c: { id: number }) => c.id)).toEqual([own[0]]);
    expect(await lastEvent()).toMatchObject({
      action: 'read',
      resource: 'sibling-groups',
      recordId: String(mixed.id),
      detail: { childIds: [own[0]] },
    });
  });

  it('answers 404 for a group with none of its children, like a missing id', async () => {
    const hidden = await t.as(institution).get(`/api/sibling-groups/${foreign.id}`).expect(404);
    const missing = await t.as(institution).get('/api/sibling-groups/99999999').expect(404);
    expect(hidden.body.title).toBe(missing.body.title);
  });

  it('lists for a care institution only groups with its children, and audits the list', async () => {
    const res = await t
      .as(institution)
      .get('/api/sibling-groups')
      .query({ range: '[0,999]' })
      .expect(200);
    const ids = res.body.map((g: { id: number }) => g.id);
    expect(ids).toContain(mixed.id);
    expect(ids).not.toContain(foreign.id);
    for (const g of res.body) {
      for (const c of g.children) expect(own).toContain(c.id);
    }
    expect(res.headers['content-range']).toMatch(new RegExp(`/${res.body.length}$`));
    expect(await lastEvent()).toMatchObject({
      action: 'list',
      resource: 'sibling-groups',
      recordIds: ids.map(String),
    });
  });

  it('lets readers read but not write, and others not at all', async () => {
    await t.as(institution).post('/api/sibling-groups', {}).expect(403);
    await t
      .as(court)
      .put(`/api/sibling-groups/${mixed.id}/members`, { childIds: [], version: 2 })
      .expect(403);
    await t.as(analyst).get('/api/sibling-groups').expect(403);
    await t.as(court).get('/api/sibling-groups').expect(200);
  });
});

describe('deleting a group', () => {
  it('unlinks its children and audits the members it had', async () => {
    const g = await group([others[10]!, others[11]!]);
    await t.as(specialist).delete(`/api/sibling-groups/${g.id}`).expect(200);
    expect(await groupOf(others[10]!)).toBeNull();
    expect(await groupOf(others[11]!)).toBeNull();
    expect(await lastEvent()).toMatchObject({
      action: 'delete',
      recordId: String(g.id),
      changes: expect.objectContaining({
        members: { old: [others[10], others[11]].sort((a, b) => a! - b!) },
      }),
    });
    await t.as(specialist).get(`/api/sibling-groups/${g.id}`).expect(404);
  });
});
