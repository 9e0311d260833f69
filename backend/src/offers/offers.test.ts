import { addDays, addMonths, offerStatuses, rigaToday, type Role } from '@adoption/model';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { lastAuditEvent, lastAuditEventId } from '../test-support/audit-trail';
import { adopterCard } from '../test-support/adopter-card';
import { firstId } from '../test-support/reference-data';
import { createRng } from '../latvian/random';

let t: TestApp;
let specialist: string;
let head: string;
let specialistId: number;
let courtId: number;
/** Demo children made available for these tests, taken one or two at a time. */
let pool: number[];
const rng = createRng(1414);
const today = rigaToday();
/** Far enough back that the answer deadline (30 days) has passed today. */
const long = addDays(today, -40);

beforeAll(async () => {
  t = await createTestApp();
  [specialist, head] = await Promise.all([
    t.token('adoption_specialist'),
    t.token('head_of_department'),
  ]);
  courtId = await firstId(t.database.db, 'orphanCourts');
  specialistId = (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'adoption-specialist')
      .executeTakeFirstOrThrow()
  ).id;
  // Children outside groups, entered long ago, made available; those of 11 or more consent.
  const rows = await t.database.db
    .selectFrom('children')
    .select('id')
    .where('siblingGroupId', 'is', null)
    .where('birthDate', '>', addMonths(today, -16 * 12))
    .where('recordSheetReceivedOn', '<', addDays(today, -60))
    .orderBy('id')
    .limit(70)
    .execute();
  pool = rows.map((r) => r.id);
  expect(pool.length).toBeGreaterThanOrEqual(60);
  await t.database.db
    .updateTable('children')
    .set({ status: 'available' })
    .where('id', 'in', pool)
    .execute();
  await t.database.db
    .updateTable('children')
    .set({ consent: 'given', consentDate: addDays(today, -50) })
    .where('id', 'in', pool)
    .where('birthDate', '<=', addMonths(today, -11 * 12))
    .execute();
  await t.database.db.deleteFrom('childStatusChanges').where('childId', 'in', pool).execute();
});
afterAll(() => t.close());

const takeChildren = (n = 1) => pool.splice(0, n);
let born = 0;

/** A waiting adopter (Latvian unless `origin`), with an e-mail for the letter. */
async function waitingAdopter(origin: 'latvian' | 'foreign' = 'latvian') {
  const res = await t
    .as(specialist)
    .post(
      '/api/adopters',
      adopterCard(rng, courtId, {
        email: 'inese.ozolina@example.lv',
        // A distinct birth date each (the same name and birth date would look like a duplicate).
        personalCode: null,
        birthDate: addDays('1975-01-01', born++),
      }),
    )
    .expect(201);
  const id = res.body.id as number;
  await t
    .as(specialist)
    .post(`/api/adopters/${id}/status`, { status: 'waiting', changedOn: '2025-05-01', version: 1 })
    .expect(200);
  if (origin === 'foreign')
    await t.database.db
      .updateTable('adopters')
      .set({
        origin,
        countryId: await firstId(t.database.db, 'countries'),
        foreignAuthority: 'Adoption Centre Stockholm',
        homeStudyReportDate: '2025-03-01',
      })
      .where('id', '=', id)
      .execute();
  return id;
}

/** A stored selection run for the adopter proposing these candidates (selection/'s contract). */
async function run(
  adopterId: number,
  candidates: { childIds: number[]; aheadInQueue?: { adopterId: number; enteredOn: string }[] }[],
  runOn = today,
) {
  const result = {
    runOn,
    parametersVersion: 1,
    proposed: candidates.map((c) => ({
      key: `child:${c.childIds[0]}`,
      childIds: c.childIds,
      siblingGroupId: null,
      grade: 'fits',
      rules: [],
      waitingSince: '2024-01-10',
      aheadInQueue: c.aheadInQueue ?? [],
    })),
    nearMisses: [],
    excluded: [],
  };
  const row = await t.database.db
    .insertInto('selectionRuns')
    .values({
      direction: 'for_adopter',
      adopterId,
      runOn,
      parametersVersion: 1,
      inputs: JSON.stringify({}),
      result: JSON.stringify(result),
      proposedCount: candidates.length,
      createdBy: specialistId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A draft offer of fresh children to a fresh adopter. */
async function draft(opts: { children?: number; origin?: 'latvian' | 'foreign' } = {}) {
  const adopterId = await waitingAdopter(opts.origin);
  const childIds = takeChildren(opts.children ?? 1);
  const selectionRunId = await run(adopterId, [{ childIds }]);
  const res = await t
    .as(specialist)
    .post('/api/offers', { adopterId, childIds, selectionRunId })
    .expect(201);
  // Drafted before `long`, so a test may send it long enough ago for the answer to be late.
  await t.database.db
    .updateTable('offerEvents')
    .set({ happenedOn: addDays(long, -1) })
    .where('offerId', '=', res.body.id)
    .execute();
  return res.body as { id: number; version: number; adopterId: number; childIds: number[] };
}

const moveOf = (
  offer: { id: number; version: number },
  to: string,
  extra: Record<string, unknown> = {},
  token = specialist,
) =>
  t
    .as(token)
    .post(`/api/offers/${offer.id}/moves`, { to, on: today, version: offer.version, ...extra });

/** Moves an offer along, each step expected to succeed; the offer after the last. */
async function walk<T extends { id: number; version: number }>(
  offer: T,
  steps: [string, Record<string, unknown>?][],
): Promise<T & Record<string, unknown>> {
  let current: { id: number; version: number } = offer;
  for (const [to, extra] of steps) {
    const res = await moveOf(current, to, extra);
    if (res.status !== 200) throw new Error(`${to}: ${JSON.stringify(res.body)}`);
    current = res.body;
  }
  return current as T & Record<string, unknown>;
}

const statusOf = async (table: 'children' | 'adopters', id: number) =>
  (
    await t.database.db
      .selectFrom(table as 'children')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status as string;
const deadlinesOf = (offerId: number) =>
  t.database.db
    .selectFrom('deadlines')
    .select(['kind', 'status', 'dueOn', 'doneOn', 'childId'])
    .where('offerId', '=', offerId)
    .orderBy('id')
    .execute();
const paths = (res: { body: { errors?: { path: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.path);

describe('creating an offer', () => {
  it('creates a draft from a recent selection run, with its timeline and allowed moves', async () => {
    const adopterId = await waitingAdopter();
    const childIds = takeChildren();
    const selectionRunId = await run(adopterId, [{ childIds }]);
    const res = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds, selectionRunId })
      .expect(201);
    expect(res.body).toMatchObject({
      adopterId,
      childIds,
      status: 'draft',
      live: true,
      selectionRunId,
      overrideRequestId: null,
      version: 1,
      allowedMoves: [
        { to: 'sent', reason: 'optional' },
        { to: 'withdrawn', reason: 'required' },
      ],
      children: [expect.objectContaining({ id: childIds[0] })],
      adopter: expect.objectContaining({ id: adopterId, origin: 'latvian' }),
    });
    expect(res.body.timeline).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'draft', happenedOn: today }),
    ]);
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'create',
      resource: 'offers',
      recordId: String(res.body.id),
    });
    // Creating a draft tells nobody: the child stays available, held by the live offer.
    expect(await statusOf('children', childIds[0]!)).toBe('available');
  });

  it('needs a selection run or an approved override, naming the field', async () => {
    const adopterId = await waitingAdopter();
    const res = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds: takeChildren() })
      .expect(400);
    expect(paths(res)).toEqual(['body.selectionRunId']);
  });

  it('refuses children the run did not propose, a run of another adopter, an old run', async () => {
    const adopterId = await waitingAdopter();
    const other = await waitingAdopter();
    const [a, b] = takeChildren(2);
    const own = await run(adopterId, [{ childIds: [a!] }]);
    const notProposed = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds: [b], selectionRunId: own })
      .expect(400);
    expect(notProposed.body.errors[0]).toMatchObject({
      path: 'body.childIds',
      code: 'not_proposed',
    });
    const foreign = await run(other, [{ childIds: [a!] }]);
    const wrongAdopter = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds: [a], selectionRunId: foreign })
      .expect(400);
    expect(wrongAdopter.body.errors[0]).toMatchObject({ path: 'body.selectionRunId' });
    const old = await run(adopterId, [{ childIds: [a!] }], addDays(today, -8));
    const tooOld = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds: [a], selectionRunId: old })
      .expect(400);
    expect(tooOld.body.errors[0]).toMatchObject({ path: 'body.selectionRunId', code: 'too_old' });
  });

  it('wants the adopters ahead in the queue acknowledged', async () => {
    const adopterId = await waitingAdopter();
    const childIds = takeChildren();
    const selectionRunId = await run(adopterId, [
      { childIds, aheadInQueue: [{ adopterId: 1, enteredOn: '2020-01-01' }] },
    ]);
    const body = { adopterId, childIds, selectionRunId };
    const res = await t.as(specialist).post('/api/offers', body).expect(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'body.acknowledgedAhead', code: 'required' });
    const ok = await t
      .as(specialist)
      .post('/api/offers', { ...body, acknowledgedAhead: true })
      .expect(201);
    expect(ok.body.timeline[0].detail).toMatchObject({
      acknowledgedAhead: true,
      aheadInQueue: [1],
    });
  });

  it('offers a sibling group whole, and refuses children outside the group', async () => {
    const childIds = takeChildren(2);
    const group = await t.as(specialist).post('/api/sibling-groups', {}).expect(201);
    await t
      .as(specialist)
      .put(`/api/sibling-groups/${group.body.id}/members`, { childIds, version: 1 })
      .expect(200);
    const adopterId = await waitingAdopter();
    const selectionRunId = await run(adopterId, [{ childIds }]);
    const outside = await t
      .as(specialist)
      .post('/api/offers', {
        adopterId,
        siblingGroupId: group.body.id,
        childIds: [childIds[0], pool[0]],
        selectionRunId,
      })
      .expect(400);
    expect(outside.body.errors[0]).toMatchObject({ path: 'body.childIds', code: 'not_in_group' });
    const res = await t
      .as(specialist)
      .post('/api/offers', { adopterId, siblingGroupId: group.body.id, selectionRunId })
      .expect(201);
    expect(res.body).toMatchObject({ siblingGroupId: group.body.id, childIds });
    await walk(res.body, [['sent']]);
    for (const id of childIds) expect(await statusOf('children', id)).toBe('offered');
  });

  it('answers 409 offer_exists for a child or an adopter with a live offer', async () => {
    const offer = await draft();
    const other = await waitingAdopter();
    const runId = await run(other, [{ childIds: offer.childIds }]);
    const child = await t
      .as(specialist)
      .post('/api/offers', { adopterId: other, childIds: offer.childIds, selectionRunId: runId })
      .expect(409);
    expect(child.body).toMatchObject({ code: 'offer_exists', field: 'childIds' });
    const more = takeChildren();
    const again = await run(offer.adopterId, [{ childIds: more }]);
    const adopter = await t
      .as(specialist)
      .post('/api/offers', { adopterId: offer.adopterId, childIds: more, selectionRunId: again })
      .expect(409);
    expect(adopter.body).toMatchObject({ code: 'offer_exists', field: 'adopterId' });
  });

  it('gives one offer and one 409 to two specialists racing for the same child', async () => {
    const childIds = takeChildren();
    const [a, b] = [await waitingAdopter(), await waitingAdopter()];
    const [runA, runB] = [await run(a, [{ childIds }]), await run(b, [{ childIds }])];
    const head_ = await t.token('head_of_department');
    const answers = await Promise.all([
      t.as(specialist).post('/api/offers', { adopterId: a, childIds, selectionRunId: runA }),
      t.as(head_).post('/api/offers', { adopterId: b, childIds, selectionRunId: runB }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('offer_exists');
    const live = await t.database.db
      .selectFrom('offerChildren')
      .select('offerId')
      .where('childId', '=', childIds[0]!)
      .where('live', '=', true)
      .execute();
    expect(live).toHaveLength(1);
  });
});

describe('the Latvian path from draft to closed', () => {
  it('moves the people, creates and closes the deadlines and queues the letter', async () => {
    const offer = await draft();
    const [childId] = offer.childIds;
    const sent = await walk(offer, [['sent']]);
    expect(sent).toMatchObject({
      status: 'sent',
      sentOn: today,
      answerBy: addDays(today, 30),
      allowedMoves: [
        { to: 'accepted_to_meet', reason: 'optional' },
        { to: 'declined', reason: 'required' },
        { to: 'expired', reason: 'optional' },
        { to: 'withdrawn', reason: 'required' },
      ],
    });
    expect(await statusOf('children', childId!)).toBe('offered');
    expect(await statusOf('adopters', offer.adopterId)).toBe('information_received');
    expect(await deadlinesOf(offer.id)).toEqual([
      expect.objectContaining({ kind: 'answer', status: 'open', dueOn: addDays(today, 30) }),
    ]);
    const mail = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', '=', `offer-${offer.id}-sent`)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      template: 'child-information-ready',
      recipient: 'inese.ozolina@example.lv',
    });
    expect(Object.keys(mail.data).sort()).toEqual([
      'answerBy',
      'caseReference',
      'contactEmail',
      'contactPhone',
      'recipientName',
    ]);
    expect(mail.data).toMatchObject({
      caseReference: `ADP-${today.slice(0, 4)}-${String(offer.id).padStart(4, '0')}`,
    });

    const accepted = await walk(sent, [['accepted_to_meet']]);
    expect(await statusOf('children', childId!)).toBe('getting_acquainted');
    expect(await statusOf('adopters', offer.adopterId)).toBe('getting_acquainted');
    expect((await deadlinesOf(offer.id))[0]).toMatchObject({ status: 'done', doneOn: today });

    const care = await walk(accepted, [['meeting_referral_issued'], ['care_decision']]);
    expect(await statusOf('children', childId!)).toBe('pre_adoption_care');
    expect(await statusOf('adopters', offer.adopterId)).toBe('pre_adoption_care');
    expect((await deadlinesOf(offer.id))[1]).toMatchObject({
      kind: 'pre_adoption_care',
      status: 'open',
      dueOn: addMonths(today, 6),
    });

    const best = await walk(care, [['best_interests_decision']]);
    expect(best.allowedMoves).toEqual([{ to: 'court_approved', reason: 'optional' }]);
    expect(await statusOf('children', childId!)).toBe('best_interests_confirmed');
    expect((await deadlinesOf(offer.id)).map((d) => [d.kind, d.status])).toEqual([
      ['answer', 'done'],
      ['pre_adoption_care', 'done'],
      ['court_claim', 'open'],
    ]);
    // A permit for adoption abroad is not for a Latvian adoption.
    const permit = await moveOf(best, 'permit_issued').expect(400);
    expect(permit.body.errors[0]).toMatchObject({ path: 'body.to', code: 'status_move' });

    const approved = await walk(best, [['court_approved']]);
    expect(approved).toMatchObject({ status: 'court_approved', live: false });
    expect(await statusOf('children', childId!)).toBe('adopted');
    expect(await statusOf('adopters', offer.adopterId)).toBe('adopted');
    expect((await deadlinesOf(offer.id)).map((d) => d.status)).toEqual(['done', 'done', 'done']);

    const closed = await walk(approved, [['closed']]);
    expect(closed).toMatchObject({ status: 'closed', closedOn: today, allowedMoves: [] });
    expect((closed.timeline as unknown[]).length).toBe(8);
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'move',
      resource: 'offers',
      recordId: String(offer.id),
      changes: { status: { old: 'court_approved', new: 'closed' } },
    });
    // The people's status histories name the offer.
    const history = await t
      .as(specialist)
      .get(`/api/children/${childId}/status-history`)
      .expect(200);
    expect(history.body.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'adopted',
      'best_interests_confirmed',
      'pre_adoption_care',
      'getting_acquainted',
      'offered',
    ]);
    expect(history.body[0].reason).toBe(
      `Piedāvājums Nr. ${offer.id}: Tiesa apstiprinājusi adopciju`,
    );
  });
});

describe('the foreign path', () => {
  it('needs the permit, and the court approval creates the post-adoption reports', async () => {
    const offer = await draft({ origin: 'foreign' });
    const best = await walk(offer, [
      ['sent'],
      ['accepted_to_meet'],
      ['meeting_referral_issued'],
      ['care_decision'],
      ['best_interests_decision'],
    ]);
    expect(best).toMatchObject({ foreignAdoption: true });
    expect(best.allowedMoves).toEqual([{ to: 'permit_issued', reason: 'optional' }]);
    expect((await deadlinesOf(offer.id)).map((d) => d.kind)).toEqual([
      'answer',
      'pre_adoption_care',
      'court_claim',
      'permit_issue',
    ]);
    await moveOf(best, 'court_approved').expect(400);
    const permit = await walk(best, [['permit_issued']]);
    expect(await statusOf('children', offer.childIds[0]!)).toBe('permit_issued');
    expect((await deadlinesOf(offer.id)).slice(3)).toEqual([
      expect.objectContaining({ kind: 'permit_issue', status: 'done' }),
      expect.objectContaining({
        kind: 'permit_validity',
        status: 'open',
        dueOn: addMonths(today, 3),
      }),
    ]);
    await walk(permit, [['court_approved']]);
    const reports = (await deadlinesOf(offer.id)).filter((d) => d.kind === 'post_adoption_report');
    // Every six months for two years, then yearly while the child is under 18.
    const { birthDate } = await t.database.db
      .selectFrom('children')
      .select('birthDate')
      .where('id', '=', offer.childIds[0]!)
      .executeTakeFirstOrThrow();
    const adult = addMonths(birthDate, 18 * 12);
    expect(reports.slice(0, 5).map((d) => d.dueOn)).toEqual([
      addMonths(today, 6),
      addMonths(today, 12),
      addMonths(today, 18),
      addMonths(today, 24),
      addMonths(today, 36),
    ]);
    expect(reports.every((d) => d.childId === offer.childIds[0] && d.status === 'open')).toBe(true);
    expect(reports.at(-1)!.dueOn < adult).toBe(true);
    expect(addMonths(reports.at(-1)!.dueOn, 12) >= adult).toBe(true);
  });
});

describe('ending an offer', () => {
  it('records a reasoned refusal on the adopter and frees the child', async () => {
    const offer = await walk(await draft(), [['sent']]);
    const missing = await moveOf(offer, 'declined').expect(400);
    expect(paths(missing)).toEqual(['body.reason']);
    const declined = await walk(offer, [['declined', { reason: 'Vēlas jaunāku bērnu' }]]);
    expect(declined).toMatchObject({
      status: 'declined',
      live: false,
      closedOn: today,
      outcomeReason: 'Vēlas jaunāku bērnu',
    });
    expect(await statusOf('children', declined.childIds[0]!)).toBe('available');
    expect(await statusOf('adopters', declined.adopterId)).toBe('waiting');
    const adopter = await t.as(specialist).get(`/api/adopters/${declined.adopterId}`).expect(200);
    expect(adopter.body.refusals).toEqual([
      { refusedOn: today, childId: declined.childIds[0], reason: 'Vēlas jaunāku bērnu' },
    ]);
    expect((await deadlinesOf(offer.id))[0]).toMatchObject({ kind: 'answer', status: 'done' });
    // The child may be offered again.
    const again = await waitingAdopter();
    const runId = await run(again, [{ childIds: declined.childIds }]);
    await t
      .as(specialist)
      .post('/api/offers', { adopterId: again, childIds: declined.childIds, selectionRunId: runId })
      .expect(201);
  });

  it('records an unreasoned refusal when the specialist says the adopter gave none', async () => {
    const offer = await walk(await draft(), [['sent']]);
    const both = await moveOf(offer, 'declined', { reason: 'x', unreasoned: true }).expect(400);
    expect(paths(both)).toEqual(['body.unreasoned']);
    await walk(offer, [['declined', { unreasoned: true }]]);
    const summary = await t
      .as(specialist)
      .get(`/api/adopters/${offer.adopterId}/refusals-summary`)
      .expect(200);
    expect(summary.body).toMatchObject({
      total: 1,
      reasoned: 0,
      unreasoned: 1,
      declinedOffers: 1,
      refusals: [{ refusedOn: today, reason: null, offerId: offer.id }],
      rule: { count: 3, withinMonths: 12, pauseMonths: 6, appliesTo: 'foreign' },
      outcome: { applies: false, unreasonedRecent: 1, paused: false },
    });
  });

  it('expires only after the answer date, cancelling the answer deadline', async () => {
    const offer = await walk(await draft(), [['sent', { on: long }]]);
    expect(offer.answerBy).toBe(addDays(long, 30));
    const early = await moveOf(offer, 'expired', { on: addDays(long, 30) }).expect(400);
    expect(early.body.errors[0]).toMatchObject({ path: 'body.on', code: 'too_early' });
    await walk(offer, [['expired']]);
    expect(await statusOf('children', offer.childIds[0]!)).toBe('available');
    expect(await statusOf('adopters', offer.adopterId)).toBe('waiting');
    expect((await deadlinesOf(offer.id))[0]).toMatchObject({ kind: 'answer', status: 'cancelled' });
  });

  it('withdraws a draft with a reason, moving nobody', async () => {
    const offer = await draft();
    const missing = await moveOf(offer, 'withdrawn').expect(400);
    expect(paths(missing)).toEqual(['body.reason']);
    const events = await lastAuditEventId(t.database.db);
    await walk(offer, [['withdrawn', { reason: 'Kļūda atlasē' }]]);
    const written = await t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resource'])
      .where('id', '>', events)
      .execute();
    expect(written).toEqual([{ action: 'move', resource: 'offers' }]);
    expect(await statusOf('children', offer.childIds[0]!)).toBe('available');
  });

  it('ends an acquaintance with a withdrawal, the people back in the queue', async () => {
    const offer = await walk(await draft(), [['sent'], ['accepted_to_meet']]);
    await walk(offer, [['withdrawn', { reason: 'Iepazīšanās nesekmīga' }]]);
    expect(await statusOf('children', offer.childIds[0]!)).toBe('available');
    expect(await statusOf('adopters', offer.adopterId)).toBe('waiting');
  });

  it('terminates care with a reason, cancelling the open deadlines', async () => {
    const offer = await walk(await draft(), [
      ['sent'],
      ['accepted_to_meet'],
      ['meeting_referral_issued'],
      ['care_decision'],
    ]);
    await moveOf(offer, 'care_terminated').expect(400);
    await walk(offer, [['care_terminated', { reason: 'Bāriņtiesa izbeidza aprūpi' }]]);
    expect((await deadlinesOf(offer.id)).map((d) => [d.kind, d.status])).toEqual([
      ['answer', 'done'],
      ['pre_adoption_care', 'cancelled'],
    ]);
    expect(await statusOf('children', offer.childIds[0]!)).toBe('available');
  });
});

describe('refused moves change nothing', () => {
  it('refuses a move the machine does not allow, naming what may follow', async () => {
    const offer = await draft();
    const res = await moveOf(offer, 'court_approved').expect(400);
    expect(res.body).toMatchObject({
      errors: [{ path: 'body.to', code: 'status_move' }],
      allowed: ['sent', 'withdrawn'],
    });
  });

  describe('every move a draft does not allow', () => {
    let offer: { id: number; version: number };
    beforeAll(async () => {
      offer = await draft();
    });
    it.each(offerStatuses.filter((s) => !['sent', 'withdrawn'].includes(s)))(
      'draft → %s is refused naming body.to',
      async (to) => {
        const res = await moveOf(offer, to, { reason: 'Pārbaude' }).expect(400);
        expect(res.body.errors[0]).toMatchObject({ path: 'body.to', code: 'status_move' });
      },
    );
  });

  it('refuses every move from a final state', async () => {
    const closed = await walk(await draft(), [['withdrawn', { reason: 'Kļūda' }]]);
    const res = await moveOf(closed, 'sent').expect(400);
    expect(res.body).toMatchObject({ allowed: [] });
  });

  it('refuses a date in the future or before the last move', async () => {
    const offer = await draft();
    const future = await moveOf(offer, 'sent', { on: addDays(today, 1) }).expect(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'body.on', code: 'date_in_future' });
    const sent = await walk(offer, [['sent']]);
    const before = await moveOf(sent, 'accepted_to_meet', { on: addDays(today, -1) }).expect(400);
    expect(before.body.errors[0]).toMatchObject({ path: 'body.on', code: 'date_order' });
  });

  it('refuses a stale version with 409', async () => {
    const offer = await draft();
    await moveOf({ ...offer, version: 7 }, 'sent').expect(409);
  });

  it('leaves every record as it was when one child of the offer cannot move', async () => {
    const offer = await draft({ children: 2 });
    const [first, second] = offer.childIds;
    await t.database.db
      .updateTable('children')
      .set({ status: 'suspended' })
      .where('id', '=', second!)
      .execute();
    const events = await lastAuditEventId(t.database.db);
    const res = await moveOf(offer, 'sent').expect(409);
    expect(res.body).toMatchObject({
      code: 'person_status',
      resource: 'children',
      recordId: second,
    });
    expect(await statusOf('children', first!)).toBe('available');
    expect(await statusOf('adopters', offer.adopterId)).toBe('waiting');
    expect(await deadlinesOf(offer.id)).toEqual([]);
    const shown = await t.as(specialist).get(`/api/offers/${offer.id}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'draft',
      version: 1,
      timeline: [expect.anything()],
    });
    const mail = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('idempotencyKey', '=', `offer-${offer.id}-sent`)
      .execute();
    expect(mail).toEqual([]);
    // Only the read of the offer above was written to the trail.
    const written = await t.database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('id', '>', events)
      .execute();
    expect(written).toEqual([{ action: 'read' }]);
  });
});

describe('who may do what', () => {
  const others: Role[] = [
    'administrator',
    'care_institution',
    'orphan_court',
    'analyst',
    'auditor',
  ];
  let offer: { id: number; version: number };
  beforeAll(async () => {
    offer = await draft();
  });

  it.each(others)('%s may not list, read, create or move offers', async (role) => {
    const token = await t.token(role);
    await t.as(token).get('/api/offers').expect(403);
    await t.as(token).get(`/api/offers/${offer.id}`).expect(403);
    await t
      .as(token)
      .post('/api/offers', { adopterId: 1, childIds: [1] })
      .expect(403);
    await moveOf(offer, 'sent', {}, token).expect(403);
    await t.as(token).post('/api/override-requests', {}).expect(403);
    await t.as(token).get('/api/adopters/1/refusals-summary').expect(403);
  });

  const moves: [string, string[], Record<string, unknown>][] = [
    ['sent', [], {}],
    ['accepted_to_meet', ['sent'], {}],
    ['declined', ['sent'], { reason: 'Nepiemērots' }],
    ['expired', [], {}],
    ['withdrawn', [], { reason: 'Kļūda' }],
    ['meeting_referral_issued', ['sent', 'accepted_to_meet'], {}],
    ['care_decision', ['sent', 'accepted_to_meet', 'meeting_referral_issued'], {}],
  ];
  it.each(
    moves.flatMap(([to, before, extra]) => [
      ['adoption_specialist' as Role, to, before, extra] as const,
      ['head_of_department' as Role, to, before, extra] as const,
    ]),
  )('%s may move an offer to %s', async (role, to, before, extra) => {
    let current = await draft();
    if (to === 'expired') current = await walk(current, [['sent', { on: long }]]);
    current = await walk(
      current,
      before.map((s) => [s] as [string]),
    );
    const res = await moveOf(current, to, extra, await t.token(role)).expect(200);
    expect(res.body.status).toBe(to);
  });
});

describe('the list', () => {
  it('filters by state, adopter, child, live, deadline within N days and overdue', async () => {
    const sent = await walk(await draft(), [['sent']]);
    const late = await walk(await draft(), [['sent', { on: long }]]);
    const list = (filter: object) =>
      t
        .as(specialist)
        .get('/api/offers')
        .query({ filter: JSON.stringify(filter), range: '[0,99]' })
        .expect(200);
    const ids = (res: { body: { id: number }[] }) => res.body.map((o) => o.id);

    expect(ids(await list({ adopterId: sent.adopterId }))).toEqual([sent.id]);
    expect(ids(await list({ childId: sent.childIds[0] }))).toEqual([sent.id]);
    expect(ids(await list({ status: 'sent' }))).toEqual(expect.arrayContaining([sent.id, late.id]));
    expect(ids(await list({ status: 'draft' }))).not.toContain(sent.id);
    expect(ids(await list({ deadlineWithinDays: 31 }))).toContain(sent.id);
    expect(ids(await list({ deadlineWithinDays: 5 }))).not.toContain(sent.id);
    expect(ids(await list({ overdue: true }))).toContain(late.id);
    expect(ids(await list({ overdue: true }))).not.toContain(sent.id);
    expect(ids(await list({ live: false }))).not.toContain(sent.id);

    const page = await list({ adopterId: sent.adopterId });
    expect(page.headers['content-range']).toBe('offers 0-0/1');
    expect(page.body[0]).toMatchObject({
      childIds: sent.childIds,
      nextDeadline: { kind: 'answer', dueOn: addDays(today, 30) },
    });
    expect(page.body[0].adopterName).toContain('Ozoliņa');
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'list',
      resource: 'offers',
    });

    const bad = await t
      .as(specialist)
      .get('/api/offers')
      .query({ filter: JSON.stringify({ deadlineWithinDays: -1 }) })
      .expect(400);
    expect(paths(bad)).toEqual(['query.filter.deadlineWithinDays']);
  });

  it('answers 404 for an offer that does not exist', async () => {
    await t.as(specialist).get('/api/offers/999999').expect(404);
  });

  it('shows the offer machine beside the people’s', async () => {
    const res = await t.as(specialist).get('/api/status-machines').expect(200);
    expect(res.body.offers.moves.sent).toEqual({
      accepted_to_meet: 'optional',
      declined: 'required',
      expired: 'optional',
      withdrawn: 'required',
    });
  });
});

describe('the refusal rule on the summary', () => {
  it('pauses a foreign adopter after three unreasoned refusals within twelve months', async () => {
    const adopterId = await waitingAdopter('foreign');
    await t.database.db
      .updateTable('adopters')
      .set({
        refusals: JSON.stringify([
          { refusedOn: addMonths(today, -10), childId: null, reason: '' },
          { refusedOn: addMonths(today, -5), childId: null, reason: 'Veselības stāvoklis' },
          { refusedOn: addMonths(today, -4), childId: null, reason: '' },
        ]),
      })
      .where('id', '=', adopterId)
      .execute();
    const before = await t
      .as(specialist)
      .get(`/api/adopters/${adopterId}/refusals-summary`)
      .expect(200);
    expect(before.body.outcome).toMatchObject({
      applies: true,
      unreasonedRecent: 2,
      paused: false,
    });
    const offer = await walk(
      await (async () => {
        const childIds = takeChildren();
        const runId = await run(adopterId, [{ childIds }]);
        return (
          await t
            .as(specialist)
            .post('/api/offers', { adopterId, childIds, selectionRunId: runId })
            .expect(201)
        ).body;
      })(),
      [['sent'], ['declined', { unreasoned: true }]],
    );
    const after = await t
      .as(specialist)
      .get(`/api/adopters/${adopterId}/refusals-summary`)
      .expect(200);
    expect(after.body).toMatchObject({ total: 4, reasoned: 1, unreasoned: 3, declinedOffers: 1 });
    expect(after.body.refusals.at(-1)).toMatchObject({ offerId: offer.id, reason: null });
    expect(after.body.outcome).toMatchObject({
      applies: true,
      unreasonedRecent: 3,
      triggeredOn: today,
      pausedUntil: addMonths(today, 6),
      paused: true,
      suggestCourtReview: true,
    });
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'read',
      resource: 'adopters',
      recordId: String(adopterId),
    });
  });

  it('takes a refusal without a reason on the adopter record (empty or null)', async () => {
    const res = await t
      .as(specialist)
      .post(
        '/api/adopters',
        adopterCard(rng, courtId, {
          personalCode: null,
          birthDate: addDays('1975-01-01', born++),
          refusals: [
            { refusedOn: '2025-06-01', childId: null, reason: null },
            { refusedOn: '2025-07-01', childId: null, reason: '  ' },
            { refusedOn: '2025-08-01', childId: null, reason: 'Tālu jābrauc' },
          ],
        }),
      )
      .expect(201);
    expect(res.body.refusals.map((r: { reason: string }) => r.reason)).toEqual([
      '',
      '',
      'Tālu jābrauc',
    ]);
    const summary = await t
      .as(specialist)
      .get(`/api/adopters/${res.body.id}/refusals-summary`)
      .expect(200);
    expect(summary.body).toMatchObject({ total: 3, reasoned: 1, unreasoned: 2, declinedOffers: 0 });
  });

  it('answers 404 for an adopter that does not exist', async () => {
    await t.as(specialist).get('/api/adopters/999999/refusals-summary').expect(404);
  });
});

describe('overrides', () => {
  it('lets a head approve a specialist’s request, and the offer uses it once', async () => {
    const adopterId = await waitingAdopter();
    const childIds = takeChildren();
    const noReason = await t
      .as(specialist)
      .post('/api/override-requests', { adopterId, childIds, reason: ' ' })
      .expect(400);
    expect(paths(noReason)).toEqual(['body.reason']);
    const asked = await t
      .as(specialist)
      .post('/api/override-requests', {
        adopterId,
        childIds,
        reason: 'Bērna vecums tikai par gadu pārsniedz vēlmes; adoptētāji piekrīt.',
      })
      .expect(201);
    expect(asked.body).toMatchObject({ status: 'pending', requestedBy: specialistId, version: 1 });
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'propose',
      resource: 'override-requests',
    });
    // Not yet approved: no offer.
    const early = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds, overrideRequestId: asked.body.id })
      .expect(400);
    expect(early.body.errors[0]).toMatchObject({
      path: 'body.overrideRequestId',
      code: 'not_approved',
    });
    // A specialist does not decide.
    await t
      .as(specialist)
      .post(`/api/override-requests/${asked.body.id}/decision`, {
        decision: 'approved',
        version: 1,
      })
      .expect(403);
    const approved = await t
      .as(head)
      .post(`/api/override-requests/${asked.body.id}/decision`, {
        decision: 'approved',
        note: 'Piekrītu',
        version: 1,
      })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedByName: 'Tests head_of_department',
      decisionNote: 'Piekrītu',
      version: 2,
    });
    expect(await lastAuditEvent(t.database.db)).toMatchObject({
      action: 'approve',
      resource: 'override-requests',
    });
    const offer = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds, overrideRequestId: asked.body.id })
      .expect(201);
    expect(offer.body.overrideRequest).toMatchObject({
      id: asked.body.id,
      status: 'used',
      reason: expect.stringContaining('Bērna vecums'),
      requestedByName: 'Tests adoption_specialist',
      decidedByName: 'Tests head_of_department',
    });
    await walk(offer.body, [['withdrawn', { reason: 'Pārbaude' }]]);
    const reuse = await t
      .as(specialist)
      .post('/api/offers', { adopterId, childIds, overrideRequestId: asked.body.id })
      .expect(400);
    expect(reuse.body.errors[0]).toMatchObject({ code: 'not_approved' });
  });

  it('refuses an override for other children, and a head deciding their own request', async () => {
    const adopterId = await waitingAdopter();
    const childIds = takeChildren();
    const own = await t
      .as(head)
      .post('/api/override-requests', { adopterId, childIds, reason: 'Vadītājas pieprasījums' })
      .expect(201);
    await t
      .as(head)
      .post(`/api/override-requests/${own.body.id}/decision`, { decision: 'approved', version: 1 })
      .expect(403);
    const asked = await t
      .as(specialist)
      .post('/api/override-requests', { adopterId, childIds, reason: 'Tuvs trāpījums' })
      .expect(201);
    const noNote = await t
      .as(head)
      .post(`/api/override-requests/${asked.body.id}/decision`, { decision: 'refused', version: 1 })
      .expect(400);
    expect(paths(noNote)).toEqual(['body.note']);
    await t
      .as(head)
      .post(`/api/override-requests/${asked.body.id}/decision`, {
        decision: 'refused',
        note: 'Rindā ir piemērotāki adoptētāji',
        version: 1,
      })
      .expect(200);
    await t
      .as(head)
      .post(`/api/override-requests/${asked.body.id}/decision`, {
        decision: 'approved',
        version: 2,
      })
      .expect(409);
    const other = await t
      .as(specialist)
      .post('/api/offers', {
        adopterId,
        childIds: takeChildren(),
        overrideRequestId: asked.body.id,
      })
      .expect(400);
    expect(other.body.errors[0]).toMatchObject({ code: 'does_not_match' });
  });

  it('lets only the requester withdraw, and lists by status', async () => {
    const adopterId = await waitingAdopter();
    const asked = await t
      .as(specialist)
      .post('/api/override-requests', {
        adopterId,
        childIds: takeChildren(),
        reason: 'Atsaukšanas pārbaude',
      })
      .expect(201);
    await t
      .as(head)
      .post(`/api/override-requests/${asked.body.id}/withdraw`, { version: 1 })
      .expect(403);
    await t
      .as(specialist)
      .post(`/api/override-requests/${asked.body.id}/withdraw`, { version: 1 })
      .expect(200);
    const list = await t
      .as(head)
      .get('/api/override-requests')
      .query({ filter: JSON.stringify({ status: 'withdrawn' }) })
      .expect(200);
    expect(list.body.map((r: { id: number }) => r.id)).toContain(asked.body.id);
    expect(list.headers['content-range']).toMatch(/^override-requests 0-/);
    await t.as(head).get(`/api/override-requests/${asked.body.id}`).expect(200);
  });
});
