import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent } from '../test-support/audit-trail';
import { currentParameters } from './parameters';
import {
  adopterFacts,
  groupCandidate,
  narrowChildren,
  narrowedCandidates,
  narrowing,
} from './repository';

// The selection over HTTP against the seeded register: one adopter and one child set up by hand
// so the answer is known, the rest of the demo register around them.

let t: TestApp;
let specialist: string;
let head: string;
let admin: string;
let analyst: string;
let institution: string;
let court: string;
let adopterId: number;
let aheadId: number;
let childId: number;
let groupId: number;
const RUN_ON = '2026-06-01';

const wishes = {
  status: 'waiting' as const,
  birthDate: '1984-08-10',
  spouseBirthDate: null,
  spouseGivenNames: null,
  spouseSurname: null,
  spousePersonalCode: null,
  decisionDate: '2018-12-01',
  decisionValidUntil: null,
  wishedChildrenCount: 1,
  wishedSex: 'female' as const,
  wishedAgeFrom: 3,
  wishedAgeTo: 6,
  acceptsSiblings: false,
  needWishes: JSON.stringify([{ need: 'minor_conditions', answer: 'can_meet', note: null }]),
  refusals: '[]',
};

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head, admin, analyst, institution, court] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('head_of_department'),
    t.token('administrator'),
    t.token('analyst'),
    t.token('care_institution'),
    t.token('orphan_court'),
  ]);
  const db = t.database.db;
  const adopters = await db
    .selectFrom('adopters')
    .select('id')
    .where('origin', '=', 'latvian')
    .orderBy('id')
    .limit(2)
    .execute();
  [adopterId, aheadId] = adopters.map((a) => a.id) as [number, number];
  await db
    .updateTable('adopters')
    .set({ ...wishes, enteredOn: '2025-04-20' })
    .where('id', '=', adopterId)
    .execute();
  // Another Latvian adopter entered earlier, with the same wishes: ahead in the queue.
  await db
    .updateTable('adopters')
    .set({ ...wishes, enteredOn: '2019-01-10' })
    .where('id', '=', aheadId)
    .execute();
  const child = await db
    .selectFrom('children')
    .select('id')
    .where('siblingGroupId', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  childId = child.id;
  await db
    .updateTable('children')
    .set({
      status: 'available',
      sex: 'female',
      birthDate: '2021-02-01',
      recordSheetReceivedOn: '2021-03-01',
      careDecisionDate: '2021-02-15',
      healthConditions: '[]',
      disabilityGroup: null,
      disabilityFrom: null,
      disabilityUntil: null,
      disabilitySource: null,
      consent: null,
      consentDate: null,
      doesNotWishAdoption: false,
    })
    .where('id', '=', childId)
    .execute();
  groupId = (
    await db.selectFrom('siblingGroups').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const select = (token: string, id = adopterId, body: object = { runOn: RUN_ON }) =>
  t.as(token).post(`/api/adopters/${id}/selections`, body);

describe('POST /api/adopters/:id/selections', () => {
  it('proposes the fitting child with every rule’s outcome, names the adopter ahead, stores and audits the run', async () => {
    const res = await select(specialist).expect(201);
    expect(res.body).toMatchObject({
      direction: 'for_adopter',
      adopterId,
      runOn: RUN_ON,
      parametersVersion: 1,
      createdByName: 'Tests adoption_specialist',
    });
    const { proposed, nearMisses, excluded } = res.body.result;
    const mine = proposed.find((c: { key: string }) => c.key === `child:${childId}`);
    expect(mine).toMatchObject({
      childIds: [childId],
      grade: 'fits',
      waitingSince: '2021-03-01',
      display: {
        children: [{ id: childId, birthDate: '2021-02-01', age: 5, status: 'available' }],
      },
    });
    expect(mine.rules.map((r: { rule: string }) => r.rule)).toEqual([
      'recognition',
      'refusalPause',
      'availability',
      'consent',
      'abroad',
      'groupSize',
      'sex',
      'age',
      'ageGap',
      'needs',
    ]);
    expect(mine.rules.every((r: { outcome: string }) => r.outcome === 'pass')).toBe(true);
    expect(mine.aheadInQueue).toContainEqual({ adopterId: aheadId, enteredOn: '2019-01-10' });
    // Fits before consider, then the longest waiting first.
    const ranks = proposed.map((c: { grade: string; waitingSince: string }) => [
      c.grade === 'fits' ? 0 : 1,
      c.waitingSince,
    ]);
    expect(ranks).toEqual(
      [...ranks].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)),
    );
    for (const c of nearMisses) {
      const failed = c.rules.filter((r: { outcome: string }) => r.outcome === 'fail');
      expect(failed).toHaveLength(1);
      expect(['age', 'sex', 'groupSize']).toContain(failed[0].rule);
    }
    for (const c of excluded) expect(c.rules.length).toBeGreaterThan(0);
    expect(res.body.proposedCount).toBe(proposed.length);
    const event = await lastAuditEvent(t.database.db);
    expect(event).toMatchObject({
      action: 'select',
      resource: 'selections',
      recordId: String(res.body.id),
    });
  });

  it('re-shows a stored run exactly as it was, after the data changed', async () => {
    const run = (await select(specialist).expect(201)).body;
    await t.database.db
      .updateTable('children')
      .set({ surname: 'Citāda' })
      .where('id', '=', childId)
      .execute();
    const again = await t.as(specialist).get(`/api/selections/${run.id}`).expect(200);
    expect(again.body).toEqual(run);
    await t.database.db
      .updateTable('children')
      .set({ surname: 'Kalniņa' })
      .where('id', '=', childId)
      .execute();
  });

  it('stores the result in its compact form, and what an offer checks apart (migration 0025)', async () => {
    const run = (await select(specialist).expect(201)).body;
    const row = await t.database.db
      .selectFrom('selectionRuns')
      .select(['result', 'proposed'])
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(Array.isArray(row.result.outcomes)).toBe(true);
    expect(Array.isArray(row.result.aheadAdopters)).toBe(true);
    const index = row.proposed as { ahead: number[]; candidates: [number[], number[]][] };
    expect(index.candidates.map(([ids, ahead]) => [ids, ahead.map((i) => index.ahead[i])])).toEqual(
      (run.result.proposed as { childIds: number[]; aheadInQueue: { adopterId: number }[] }[]).map(
        (c) => [c.childIds, c.aheadInQueue.map((a) => a.adopterId)],
      ),
    );
  });

  it('is deterministic for the same data, parameters and date', async () => {
    const a = (await select(specialist).expect(201)).body;
    const b = (await select(head).expect(201)).body;
    expect(b.result).toEqual(a.result);
  });

  it('lets specialists and heads select, refuses other roles', async () => {
    await select(head).expect(201);
    for (const token of [admin, analyst, institution, court]) await select(token).expect(403);
  });

  it('answers 404 for an unknown adopter and 409 naming the status of one not waiting', async () => {
    await select(specialist, 99999999).expect(404);
    const other = await t.database.db
      .selectFrom('adopters')
      .select('id')
      .where('status', '!=', 'waiting')
      .executeTakeFirstOrThrow();
    const status = (
      await t.database.db
        .selectFrom('adopters')
        .select('status')
        .where('id', '=', other.id)
        .executeTakeFirstOrThrow()
    ).status;
    const res = await select(specialist, other.id).expect(409);
    expect(res.body).toMatchObject({ code: 'adopter_not_waiting', status });
    expect(res.body.detail).toContain(status);
  });

  it('answers 400 naming the field', async () => {
    const bad = await select(specialist, adopterId, { runOn: '2026-02-30' }).expect(400);
    expect(bad.body.errors[0].path).toBe('body.runOn');
    const unknown = await select(specialist, adopterId, { runOn: RUN_ON, when: 1 }).expect(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('when');
  });

  it('excludes everything for an adopter whose recognising decision has expired', async () => {
    await t.database.db
      .updateTable('adopters')
      .set({ decisionValidUntil: '2026-05-31' })
      .where('id', '=', adopterId)
      .execute();
    const res = await select(specialist).expect(201);
    expect(res.body.result.proposed).toEqual([]);
    expect(res.body.result.excluded[0].rules[0]).toMatchObject({
      rule: 'recognition',
      outcome: 'fail',
    });
    await t.database.db
      .updateTable('adopters')
      .set({ decisionValidUntil: null })
      .where('id', '=', adopterId)
      .execute();
  });
});

describe('VDEĀVK’s disability data (open differences from the nightly reconciliation)', () => {
  it('derives the need from VDEĀVK’s view, names the difference and its day, until it is settled', async () => {
    const db = t.database.db;
    // The card says no disability; VDEĀVK has the group `child`. Seen at 01:30 Riga time on
    // 31 May (22:30 UTC the day before): the reason names the Riga day.
    const { id } = await db
      .insertInto('registerDifferences')
      .values({
        resource: 'children',
        recordId: childId,
        register: 'disability',
        field: 'disabilityGroup',
        kind: 'disability',
        state: 'missing_ours',
        ours: null,
        theirs: 'child',
        seenAt: new Date('2026-05-30T22:30:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reason = { registerDisability: [{ childId, seenOn: '2026-05-31' }] };
    try {
      // The adopter cannot meet a disability: the child is no longer proposed.
      const run = (await select(specialist).expect(201)).body.result;
      const keys = (list: { key: string }[]) => list.map((c) => c.key);
      expect(keys(run.proposed)).not.toContain(`child:${childId}`);
      const mine = run.excluded.find((c: { key: string }) => c.key === `child:${childId}`);
      expect(mine.rules).toEqual([
        {
          rule: 'needs',
          outcome: 'fail',
          detail: { needs: [{ need: 'disability', answer: 'cannot_meet', note: null }], ...reason },
        },
      ]);
      // The reverse view reads the same: the adopter is among those the child does not fit.
      const reverse = (
        await t
          .as(specialist)
          .post(`/api/children/${childId}/selections`, { runOn: RUN_ON })
          .expect(201)
      ).body.result;
      const me = reverse.notFitting.find((a: { adopterId: number }) => a.adopterId === adopterId);
      expect(me.rules.find((r: { rule: string }) => r.rule === 'needs')).toMatchObject({
        outcome: 'fail',
        detail: reason,
      });
      // An adopter who can meet it: proposed, but to be considered, not fitting outright.
      await db
        .updateTable('adopters')
        .set({
          needWishes: JSON.stringify([
            { need: 'minor_conditions', answer: 'can_meet', note: null },
            { need: 'disability', answer: 'can_meet', note: null },
          ]),
        })
        .where('id', '=', adopterId)
        .execute();
      const again = (await select(specialist).expect(201)).body.result;
      const proposed = again.proposed.find((c: { key: string }) => c.key === `child:${childId}`);
      expect(proposed.grade).toBe('consider');
      expect(proposed.rules.find((r: { rule: string }) => r.rule === 'needs')).toMatchObject({
        outcome: 'consider',
        detail: { needs: [{ need: 'disability', answer: 'can_meet' }], ...reason },
      });
      // Explained by a specialist (resolved): the card is trusted again, no disability, fits.
      await db
        .updateTable('registerDifferences')
        .set({
          status: 'resolved',
          resolution: 'explained',
          resolutionReason: 'VDEĀVK lēmums attiecas uz citu personu',
          resolvedAt: new Date(),
        })
        .where('id', '=', id)
        .execute();
      const settled = (await select(specialist).expect(201)).body.result;
      expect(
        settled.proposed.find((c: { key: string }) => c.key === `child:${childId}`),
      ).toMatchObject({ grade: 'fits' });
    } finally {
      await db.deleteFrom('registerDifferences').where('id', '=', id).execute();
      await db
        .updateTable('adopters')
        .set({ needWishes: wishes.needWishes })
        .where('id', '=', adopterId)
        .execute();
    }
  });
});

describe('reverse view', () => {
  it('lists the waiting adopters a child fits in queue order, the others with the failing rule', async () => {
    const res = await t
      .as(specialist)
      .post(`/api/children/${childId}/selections`, { runOn: RUN_ON })
      .expect(201);
    const { fitting, notFitting } = res.body.result;
    const ids = fitting.map((a: { adopterId: number }) => a.adopterId);
    expect(ids.indexOf(aheadId)).toBeLessThan(ids.indexOf(adopterId));
    expect(ids.indexOf(aheadId)).toBeGreaterThanOrEqual(0);
    const positions = [...fitting, ...notFitting]
      .map((a: { queuePosition: number }) => a.queuePosition)
      .sort((a, b) => a - b);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    for (const a of notFitting)
      expect(a.rules.some((r: { outcome: string }) => r.outcome === 'fail')).toBe(true);
    expect(res.body).toMatchObject({ direction: 'for_child', childId });
  });

  it('works for a sibling group as a whole; 404 for unknown ones', async () => {
    const res = await t.as(head).post(`/api/sibling-groups/${groupId}/selections`, {}).expect(201);
    expect(res.body).toMatchObject({ direction: 'for_group', siblingGroupId: groupId });
    expect(res.body.result.childIds.length).toBeGreaterThan(1);
    await t.as(specialist).post('/api/sibling-groups/99999999/selections', {}).expect(404);
    await t.as(specialist).post('/api/children/99999999/selections', {}).expect(404);
    await t.as(institution).post(`/api/children/${childId}/selections`, {}).expect(403);
  });
});

describe('narrowing and sibling groups (repository)', () => {
  it('brings the members the narrowing left out into their group’s candidate, with the separation decision', async () => {
    const db = t.database.db;
    const members = await db
      .selectFrom('children')
      .select(['id', 'status', 'birthDate'])
      .where('siblingGroupId', '=', groupId)
      .orderBy('id')
      .execute();
    expect(members.length).toBeGreaterThan(1);
    const [inside, outside] = members as [(typeof members)[0], (typeof members)[0]];
    const saved = members.map((m) => ({ ...m }));
    let difference: number | undefined;
    try {
      await db
        .updateTable('children')
        .set({ status: 'available', birthDate: '2021-05-01' })
        .where('id', '=', inside.id)
        .execute();
      // Outside the birth-date window and not available: the narrowing leaves it out.
      await db
        .updateTable('children')
        .set({ status: 'suspended', birthDate: members[1]!.birthDate })
        .where('id', '=', outside.id)
        .execute();
      const court = await db.selectFrom('orphanCourts').select('id').executeTakeFirstOrThrow();
      await db
        .updateTable('siblingGroups')
        .set({
          mayBeSeparated: true,
          separationOrphanCourtId: court.id,
          separationDecisionNumber: 'BT-2026/17',
          separationDecisionDate: '2026-03-02',
        })
        .where('id', '=', groupId)
        .execute();
      const ctx = { runOn: RUN_ON, params: (await currentParameters(db)).values };
      const adopter = (await adopterFacts(db, adopterId, ctx))!;
      const n = narrowing({ ...adopter, wishedAgeFrom: 3, wishedAgeTo: 6, wishedSex: 'any' }, ctx);
      const narrowed = await narrowChildren(db, n).execute();
      expect(narrowed.map((c) => c.id)).toContain(inside.id);
      expect(narrowed.map((c) => c.id)).not.toContain(outside.id);
      const { candidates } = await narrowedCandidates(db, n);
      const group = candidates.find((c) => c.key === `group:${groupId}`)!;
      expect(group.childIds).toEqual(members.map((m) => m.id));
      expect(group.separable).toBe(true);
      expect(group.children.find((c) => c.id === outside.id)?.status).toBe('suspended');
      // Separable: the narrowed member is a candidate alone too; the one left out is not.
      expect(candidates.map((c) => c.key)).toContain(`child:${inside.id}`);
      expect(candidates.map((c) => c.key)).not.toContain(`child:${outside.id}`);
      expect(group.children.some((c) => c.registerDisability)).toBe(false);
      // VDEĀVK differs for the member the narrowing left out (the members' query): its facts
      // carry VDEĀVK's view — their group, the card's end date — in both directions.
      const card = group.children.find((c) => c.id === outside.id)!;
      ({ id: difference } = await db
        .insertInto('registerDifferences')
        .values({
          resource: 'children',
          recordId: outside.id,
          register: 'disability',
          field: 'disabilityGroup',
          kind: 'disability',
          state: 'different',
          ours: card.disabilityGroup,
          theirs: 'III',
          seenAt: new Date('2026-05-20T09:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow());
      const view = { group: 'III', until: card.disabilityUntil, seenOn: '2026-05-20' };
      const again = (await narrowedCandidates(db, n)).candidates.find(
        (c) => c.key === `group:${groupId}`,
      )!;
      expect(again.children.find((c) => c.id === outside.id)?.registerDisability).toEqual(view);
      expect(again.children.find((c) => c.id === inside.id)).not.toHaveProperty(
        'registerDisability',
      );
      const reverse = (await groupCandidate(db, groupId))!;
      expect(reverse.children.find((c) => c.id === outside.id)?.registerDisability).toEqual(view);
    } finally {
      if (difference !== undefined) {
        await db.deleteFrom('registerDifferences').where('id', '=', difference).execute();
      }
      for (const m of saved) {
        await db
          .updateTable('children')
          .set({ status: m.status, birthDate: m.birthDate })
          .where('id', '=', m.id)
          .execute();
      }
      await db
        .updateTable('siblingGroups')
        .set({
          mayBeSeparated: false,
          separationOrphanCourtId: null,
          separationDecisionNumber: null,
          separationDecisionDate: null,
        })
        .where('id', '=', groupId)
        .execute();
    }
  });
});

describe('GET /api/selections', () => {
  it('lists runs with the list contract and filters', async () => {
    const res = await t
      .as(specialist)
      .get(
        `/api/selections?filter=${encodeURIComponent(JSON.stringify({ adopterId }))}&range=[0,4]`,
      )
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^selections 0-\d+\/\d+$/);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body[0].createdByName).toMatch(/^Tests /);
    for (const r of res.body) {
      expect(r.adopterId).toBe(adopterId);
      expect(r).not.toHaveProperty('result');
    }
    const bad = await t
      .as(specialist)
      .get('/api/selections?filter={"direction":"sideways"}')
      .expect(400);
    expect(bad.body.errors[0].path).toBe('query.filter.direction');
    await t.as(analyst).get('/api/selections').expect(403);
    await t.as(specialist).get('/api/selections/99999999').expect(404);
  });
});

describe('selection parameters', () => {
  const values = {
    consentAge: 12,
    ageGapYears: 18,
    ageGapRelaxedYears: 16,
    nearMissAgeYears: 1,
    answerDays: 30,
    preAdoptionCareMonths: 6,
    courtClaimDays: 60,
    permitIssueMonths: 1,
    permitValidityMonths: 3,
    reportEveryMonthsFirstYears: 6,
    reportFirstYears: 2,
    reminderDaysBefore: 7,
    refusalRule: { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'foreign' },
  };
  it('shows the current version to specialists; only an administrator makes a new one, audited', async () => {
    const current = await t.as(specialist).get('/api/selection-parameters/current').expect(200);
    expect(current.body).toMatchObject({ version: 1, values: { consentAge: 12 } });
    await t
      .as(specialist)
      .post('/api/selection-parameters', { ...values, note: 'x' })
      .expect(403);
    const bad = await t
      .as(admin)
      .post('/api/selection-parameters', { ...values, consentAge: 3 })
      .expect(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.consentAge', 'body.note']));
    const created = await t
      .as(admin)
      .post('/api/selection-parameters', { ...values, note: 'Tuvās atbilstības līdz 1 gadam' })
      .expect(201);
    // A new version (ids are not dense on every database: PGlite restores sequences with gaps).
    expect(created.body).toMatchObject({
      values: { nearMissAgeYears: 1 },
      createdByName: 'Tests administrator',
    });
    expect(created.body.version).toBeGreaterThan(current.body.version);
    expect(created.body.id).toBe(created.body.version);
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'create',
      resource: 'selection-parameters',
    });
    const list = await t.as(head).get('/api/selection-parameters').expect(200);
    expect(list.headers['content-range']).toBe('selection-parameters 0-1/2');
    expect(list.body[0].createdByName).toBe('Tests administrator');
    const run = await select(specialist).expect(201);
    expect(run.body.parametersVersion).toBe(created.body.version);
  });
});
