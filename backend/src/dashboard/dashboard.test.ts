import { completedMonths, liveOfferStatuses, rigaToday } from '@adoption/model';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEventId } from '../test-support/audit-trail';
import { loadDemoOffers } from '../demo/offers-generator';

// The dashboard and the fairness report over HTTP, on the demo register with its offer history
// (demo/offers-generator.ts, written here as the seed writes it for a demo server) and a few
// offers of the test's own on fixed dates far after the demo's, so `asOf` isolates them.

let t: TestApp;
let specialistId: number;
const ASOF = '2035-06-15';
const own: { offerId: number; childId: number; adopterId: number; soon: number; late: number } = {
  offerId: 0,
  childId: 0,
  adopterId: 0,
  soon: 0,
  late: 0,
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  specialistId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'adoption_specialist')
      .executeTakeFirstOrThrow()
  ).id;
  await loadDemoOffers(db, { createdBy: specialistId });

  // An available child and a waiting adopter without a live offer: an offer sent on our dates.
  const child = await db
    .selectFrom('children')
    .select('id')
    .where('status', '=', 'available')
    .where('siblingGroupId', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('offerChildren').select('offerId').whereRef('childId', '=', 'children.id'),
        ),
      ),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const adopter = await db
    .selectFrom('adopters')
    .select('id')
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('offers').select('id').whereRef('adopterId', '=', 'adopters.id')),
      ),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const { id: offerId } = await db
    .insertInto('offers')
    .values({
      adopterId: adopter.id,
      status: 'sent',
      sentOn: '2035-06-01',
      answerBy: '2035-07-01',
      createdBy: specialistId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('offerChildren').values({ offerId, childId: child.id }).execute();
  const deadline = (dueOn: string) =>
    db
      .insertInto('deadlines')
      .values({ kind: 'answer', offerId, childId: child.id, adopterId: adopter.id, dueOn })
      .returning('id')
      .executeTakeFirstOrThrow();
  Object.assign(own, {
    offerId,
    childId: child.id,
    adopterId: adopter.id,
    soon: (await deadline('2035-06-20')).id,
    // Open and past due: overdue even before the nightly job marks it.
    late: (await deadline('2035-06-10')).id,
  });
}, 120_000);
afterAll(() => t.close());

const get = async (path: string, role: Parameters<TestApp['token']>[0]) =>
  t.as(await t.token(role)).get(path);

describe('demo offer history', () => {
  it('gives every child in the process one live offer in the matching state, and nothing more', async () => {
    const db = t.database.db;
    const liveOf = await db
      .selectFrom('offerChildren')
      .innerJoin('offers', 'offers.id', 'offerChildren.offerId')
      .innerJoin('children', 'children.id', 'offerChildren.childId')
      .innerJoin('adopters', 'adopters.id', 'offers.adopterId')
      .select(['children.status as child', 'offers.status as offer', 'adopters.status as adopter'])
      .where('offers.live', '=', true)
      .where('offers.id', '<>', own.offerId)
      .execute();
    expect(liveOf.length).toBeGreaterThan(5);
    const expected: Record<string, [string, string]> = {
      sent: ['offered', 'information_received'],
      meeting_referral_issued: ['getting_acquainted', 'getting_acquainted'],
      care_decision: ['pre_adoption_care', 'pre_adoption_care'],
      best_interests_decision: ['best_interests_confirmed', 'pre_adoption_care'],
      permit_issued: ['permit_issued', 'pre_adoption_care'],
    };
    for (const r of liveOf) {
      expect(liveOfferStatuses).toContain(r.offer);
      expect([r.offer, r.child, r.adopter]).toEqual([r.offer, ...expected[r.offer]!]);
    }
    // Past offers ended: declined, expired (withdrawn; closed when the demo has adoptions).
    const ended = await db
      .selectFrom('offers')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('live', '=', false)
      .groupBy('status')
      .execute();
    expect(ended.map((e) => e.status)).toEqual(expect.arrayContaining(['declined', 'expired']));
    // Every offer's timeline starts as a draft and reads as a chain of moves.
    const events = await db
      .selectFrom('offerEvents')
      .select(['offerId', 'fromStatus', 'toStatus', 'happenedOn'])
      .orderBy('offerId')
      .orderBy('id')
      .execute();
    const byOffer = new Map<number, typeof events>();
    for (const e of events) byOffer.set(e.offerId, [...(byOffer.get(e.offerId) ?? []), e]);
    for (const list of byOffer.values()) {
      expect(list[0]!.fromStatus).toBeNull();
      list.slice(1).forEach((e, i) => {
        expect(e.fromStatus).toBe(list[i]!.toStatus);
        expect(e.happenedOn >= list[i]!.happenedOn).toBe(true);
        expect(e.happenedOn <= rigaToday()).toBe(true);
      });
    }
    // The children's status histories chain too, and end in the status the card holds.
    const changes = await db
      .selectFrom('childStatusChanges')
      .innerJoin('children', 'children.id', 'childStatusChanges.childId')
      .select(['childId', 'fromStatus', 'toStatus', 'children.status'])
      .orderBy('childId')
      .orderBy('changedOn')
      .orderBy('childStatusChanges.id')
      .execute();
    const last = new Map<number, (typeof changes)[number]>();
    for (const c of changes) {
      const before = last.get(c.childId);
      if (before) expect(c.fromStatus).toBe(before.toStatus);
      last.set(c.childId, c);
    }
    for (const c of last.values()) expect(c.toStatus).toBe(c.status);
    // Written once: a second load adds nothing.
    expect(await loadDemoOffers(db, { createdBy: specialistId })).toBe(0);
  });
});

describe('GET /api/dashboard', () => {
  it('is for specialists and heads of department, not analysts or care institutions', async () => {
    expect((await get(`/api/dashboard?asOf=${ASOF}`, 'analyst')).status).toBe(403);
    expect((await get(`/api/dashboard?asOf=${ASOF}`, 'care_institution')).status).toBe(403);
    expect((await get(`/api/dashboard?asOf=${ASOF}`, 'head_of_department')).status).toBe(200);
  });

  it('lists offers awaiting an answer, deadlines in the next 14 days and overdue items', async () => {
    const res = await get(`/api/dashboard?asOf=${ASOF}`, 'adoption_specialist');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: ASOF, deadlineDays: 14 });
    const mine = res.body.awaitingAnswer.find(
      (o: { offerId: number }) => o.offerId === own.offerId,
    );
    expect(mine).toMatchObject({
      sentOn: '2035-06-01',
      answerBy: '2035-07-01',
      adopter: { id: own.adopterId },
      children: [{ id: own.childId }],
    });
    expect(mine.children[0].name).toMatch(/\S+ \S+/);
    const sentCount = await t.database.db
      .selectFrom('offers')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    expect(res.body.awaitingAnswer).toHaveLength(sentCount.n);
    // Every demo deadline lies before 2035: the next 14 days hold ours alone.
    expect(res.body.deadlinesSoon.map((d: { id: number }) => d.id)).toEqual([own.soon]);
    expect(res.body.deadlinesSoon[0]).toMatchObject({
      kind: 'answer',
      dueOn: '2035-06-20',
      status: 'open',
      offerId: own.offerId,
      children: [{ id: own.childId }],
    });
    const overdueIds = res.body.overdue.map((d: { id: number }) => d.id);
    expect(overdueIds).toContain(own.late);
    expect(overdueIds).not.toContain(own.soon);
    const dues = res.body.overdue.map((d: { dueOn: string }) => d.dueOn);
    expect([...dues].sort()).toEqual(dues);
  });

  it('names the children and adopters waiting longest, with age and months waited', async () => {
    const res = await get(`/api/dashboard?asOf=${ASOF}`, 'adoption_specialist');
    const children = res.body.childrenWaitingLongest;
    expect(children).toHaveLength(10);
    const since = children.map((c: { waitingSince: string }) => c.waitingSince);
    expect([...since].sort()).toEqual(since);
    const db = t.database.db;
    const oldest = await db
      .selectFrom('children')
      .select(['id', 'recordSheetReceivedOn', 'givenNames', 'surname'])
      .where('status', '=', 'available')
      .orderBy('recordSheetReceivedOn')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(children[0]).toMatchObject({
      id: oldest.id,
      name: `${oldest.givenNames} ${oldest.surname}`,
      waitingSince: oldest.recordSheetReceivedOn,
      waitingMonths: completedMonths(oldest.recordSheetReceivedOn, ASOF),
    });
    const adopters = res.body.adoptersWaitingLongest;
    const entered = adopters.map((a: { enteredOn: string }) => a.enteredOn);
    expect([...entered].sort()).toEqual(entered);
    for (const a of adopters) {
      const row = await db
        .selectFrom('adopters')
        .select(['status'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('waiting');
    }
  });

  it('gives the medians by age band over the offers and adoptions of the history', async () => {
    const res = await get(`/api/dashboard?asOf=${ASOF}`, 'adoption_specialist');
    const bands = res.body.mediansByAgeBand;
    expect(bands.map((b: { band: string }) => b.band)).toEqual([
      '0-2',
      '3-6',
      '7-9',
      '10-13',
      '14-17',
      '18+',
    ]);
    const sum = (k: 'toFirstOffer' | 'toAdoption') =>
      bands.reduce((s: number, b: Record<string, { n: number }>) => s + b[k]!.n, 0);
    const db = t.database.db;
    const offered = await db
      .selectFrom('offerChildren')
      .innerJoin('offers', 'offers.id', 'offerChildren.offerId')
      .select(sql<number>`count(distinct child_id)::int`.as('n'))
      .where('offers.sentOn', 'is not', null)
      .executeTakeFirstOrThrow();
    const adopted = await db
      .selectFrom('childStatusChanges')
      .select(sql<number>`count(distinct child_id)::int`.as('n'))
      .where('toStatus', '=', 'adopted')
      .executeTakeFirstOrThrow();
    expect(sum('toFirstOffer')).toBe(offered.n);
    expect(sum('toAdoption')).toBe(adopted.n);
  });

  it('audits the read as lists of the children and adopters it names', async () => {
    const before = await lastAuditEventId(t.database.db);
    const res = await get(`/api/dashboard?asOf=${ASOF}`, 'adoption_specialist');
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resource', 'recordIds', 'detail'])
      .where('id', '>', before)
      .orderBy('id')
      .execute();
    const children = events.find((e) => e.resource === 'children')!;
    expect(children).toMatchObject({ action: 'list', detail: { view: 'dashboard', asOf: ASOF } });
    const ids = (children.recordIds as (string | number)[]).map(Number);
    expect(ids).toContain(own.childId);
    for (const c of res.body.childrenWaitingLongest) expect(ids).toContain(c.id);
    const adopters = events.find((e) => e.resource === 'adopters')!;
    expect((adopters.recordIds as (string | number)[]).map(Number)).toContain(own.adopterId);
  });

  it('refuses a date that does not exist, naming it', async () => {
    const res = await get('/api/dashboard?asOf=2035-02-30', 'adoption_specialist');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.asOf');
  });
});

describe('GET /api/reports/fairness', () => {
  it('is for heads of department and analysts only', async () => {
    expect((await get('/api/reports/fairness', 'adoption_specialist')).status).toBe(403);
    expect((await get('/api/reports/fairness', 'care_institution')).status).toBe(403);
    expect((await get('/api/reports/fairness', 'head_of_department')).status).toBe(200);
    expect((await get('/api/reports/fairness', 'analyst')).status).toBe(200);
  });

  it('aggregates without personal data and withholds small cells', async () => {
    const to = rigaToday();
    const res = await get(`/api/reports/fairness?to=${to}`, 'analyst');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ to, threshold: 5, concentration: { measure: 'gini' } });
    expect(body.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'sex',
      'ageBand',
      'disability',
      'siblingGroupSize',
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/\d{6}-?\d{5}|givenNames|surname|"id"|childId|adopterId/);
    for (const { rows } of body.dimensions) {
      for (const r of rows) {
        for (const n of [r.children, r.proposed])
          if (n !== null) expect(n === 0 || n >= 5).toBe(true);
        if (r.children === null)
          expect(r).toMatchObject({ proposedShare: null, medianWaitingDays: null });
      }
      // Never exactly one withheld count: it could be found by subtraction.
      expect(rows.filter((r: { children: number | null }) => r.children === null)).not.toHaveLength(
        1,
      );
    }
    // The demo's small sibling groups of three and more are withheld somewhere in the report.
    expect(text).toContain('null');
    // Offers sent in the period, as the database counts them.
    const sent = await t.database.db
      .selectFrom('offers')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('sentOn', '>=', body.from)
      .where('sentOn', '<=', to)
      .executeTakeFirstOrThrow();
    expect(body.outcomes.offersSent).toBe(sent.n >= 5 || sent.n === 0 ? sent.n : null);
    if (body.concentration.gini !== null) {
      expect(body.concentration.gini).toBeGreaterThanOrEqual(0);
      expect(body.concentration.gini).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await get('/api/reports/fairness?from=2025-06-01&to=2025-01-01', 'analyst');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.from');
  });
});
