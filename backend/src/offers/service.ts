import { addDays, enumLabel, rigaToday, type OfferStatus } from '@adoption/model';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { WriteContext } from '../records';
import { Problem, type FieldError } from '../http/problem';
import { moveStatus, type MoveOptions, type StatusRouteSpec } from '../people/status-routes';
import { childStatusSpec } from '../children/status-routes';
import { adopterStatusSpec } from '../adopters/status-routes';
import { currentParameters } from '../selection/parameters';
import type { ProposedIndex } from '../selection/stored';
import { enqueueMail, wakeOutbox } from '../messaging/outbox';
import type { MailData } from '../messaging/templates';
import {
  answerBy,
  deadlineChanges,
  endedStatuses,
  isLive,
  offerMoveRefusal,
  offerStatusMachine,
  peopleMove,
  allowedMoves,
} from './machine';
import { reasonRule } from '../people/status-machine';
import type { MoveInput, OfferInput } from './schema';

export interface Ctx extends WriteContext {
  actor: Actor;
}

/** Where the office is reached: the contact in the letter to the adopter. */
export interface OfficeContact {
  phone: string;
  email: string;
}

const sameIds = (a: readonly number[], b: readonly number[]) => {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

/**
 * The children an offer or an override names: `childIds`, or the members of `siblingGroupId`
 * (with both, the named children must be members of the group). 400 naming the field otherwise.
 */
export async function resolveChildren(
  db: Db,
  body: { childIds?: number[]; siblingGroupId?: number },
): Promise<number[]> {
  if (body.siblingGroupId !== undefined) {
    const group = await db
      .selectFrom('siblingGroups')
      .select('id')
      .where('id', '=', body.siblingGroupId)
      .executeTakeFirst();
    if (!group)
      throw Problem.field(
        'body.siblingGroupId',
        'not_found',
        `names no sibling group (${body.siblingGroupId})`,
      );
    const members = (
      await db
        .selectFrom('children')
        .select('id')
        .where('siblingGroupId', '=', body.siblingGroupId)
        .orderBy('id')
        .execute()
    ).map((c) => c.id);
    if (!body.childIds) {
      if (!members.length)
        throw Problem.field('body.siblingGroupId', 'empty_group', 'the group has no children');
      return members;
    }
    const outside = body.childIds.filter((id) => !members.includes(id));
    if (outside.length)
      throw Problem.field(
        'body.childIds',
        'not_in_group',
        `names children outside the sibling group (${outside.join(', ')})`,
      );
  }
  const ids = body.childIds!;
  const found = new Set(
    (await db.selectFrom('children').select('id').where('id', 'in', ids).execute()).map(
      (c) => c.id,
    ),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw Problem.field(
      'body.childIds',
      'not_found',
      `names no child in the register (${missing.join(', ')})`,
    );
  return [...ids].sort((a, b) => a - b);
}

export async function adopterOf(db: Db, adopterId: number) {
  const adopter = await db
    .selectFrom('adopters')
    .select(['id', 'origin', 'status', 'givenNames', 'surname', 'email', 'preferredLanguage'])
    .where('id', '=', adopterId)
    .executeTakeFirst();
  if (!adopter)
    throw Problem.field('body.adopterId', 'not_found', `names no adopter (${adopterId})`);
  return adopter;
}

interface Candidate {
  childIds: number[];
  aheadInQueue?: { adopterId: number; enteredOn: string }[];
}
interface AdopterCandidate {
  adopterId: number;
  enteredOn?: string;
}

/** A run stored before `selection_runs.proposed` (migration 0025): its index from the result. */
function proposedIndexOf(result: Record<string, unknown>): ProposedIndex {
  if (Array.isArray(result.fitting) || !Array.isArray(result.proposed)) {
    return {
      childIds: (result.childIds as number[] | undefined) ?? [],
      fitting: ((result.fitting as AdopterCandidate[] | undefined) ?? []).map((a) => a.adopterId),
    };
  }
  const ahead: number[] = [];
  const candidates = (result.proposed as Candidate[]).map((c): [number[], number[]] => [
    c.childIds,
    (c.aheadInQueue ?? []).map((a) => ahead.push(a.adopterId) - 1),
  ]);
  return { ahead, candidates };
}

/**
 * The creation rule (design "Offer creation rule"): a selection run of the last 7 days that
 * proposed exactly these children to this adopter — acknowledging the adopters ahead in the queue
 * when it names any — or an approved override for this adopter and exactly these children.
 */
async function authority(
  w: Ctx,
  body: OfferInput,
  childIds: number[],
): Promise<{ detail: Record<string, unknown>; overrideId: number | null }> {
  if (body.overrideRequestId !== undefined) {
    const request = await w.db
      .selectFrom('overrideRequests')
      .selectAll()
      .where('id', '=', body.overrideRequestId)
      .forUpdate()
      .executeTakeFirst();
    if (!request)
      throw Problem.field(
        'body.overrideRequestId',
        'not_found',
        `names no override request (${body.overrideRequestId})`,
      );
    if (request.adopterId !== body.adopterId || !sameIds(request.childIds, childIds))
      throw Problem.field(
        'body.overrideRequestId',
        'does_not_match',
        'was approved for another adopter or other children',
      );
    if (request.status !== 'approved')
      throw Problem.field(
        'body.overrideRequestId',
        'not_approved',
        `is ${request.status}; only an approved override allows the offer`,
      );
    await w.db
      .updateTable('overrideRequests')
      .set({ status: 'used', version: request.version + 1 })
      .where('id', '=', request.id)
      .execute();
    await w.audit({
      action: 'update',
      resource: 'override-requests',
      recordId: request.id,
      changes: { status: { old: 'approved', new: 'used' } },
    });
    return { detail: { overrideRequestId: request.id }, overrideId: request.id };
  }
  if (body.selectionRunId === undefined)
    throw Problem.field(
      'body.selectionRunId',
      'required',
      'is required: the selection run that proposed the children, or an approved overrideRequestId',
    );
  // Not the result (megabytes for a wide run): what an offer checks is stored apart (`proposed`,
  // selection/stored.ts); a run stored before it has only its result.
  const run = await w.db
    .selectFrom('selectionRuns')
    .select(['id', 'direction', 'adopterId', 'runOn', 'proposed'])
    .select((eb) =>
      eb.case().when('proposed', 'is', null).then(eb.ref('result')).else(null).end().as('result'),
    )
    .where('id', '=', body.selectionRunId)
    .executeTakeFirst();
  if (!run)
    throw Problem.field(
      'body.selectionRunId',
      'not_found',
      `names no selection run (${body.selectionRunId})`,
    );
  const oldest = addDays(rigaToday(), -7);
  if (run.runOn < oldest)
    throw Problem.field(
      'body.selectionRunId',
      'too_old',
      `ran on ${run.runOn}; an offer follows a selection of the last 7 days (run it again)`,
    );
  const index = (run.proposed ?? proposedIndexOf(run.result ?? {})) as ProposedIndex;
  let ahead: { adopterId: number }[];
  if (run.direction === 'for_adopter') {
    if (run.adopterId !== body.adopterId)
      throw Problem.field('body.selectionRunId', 'does_not_match', 'was run for another adopter');
    const { ahead: adopters = [], candidates = [] } = index as Extract<
      ProposedIndex,
      { ahead: number[] }
    >;
    const candidate = candidates.find(([ids]) => sameIds(ids, childIds));
    if (!candidate)
      throw Problem.field(
        'body.childIds',
        'not_proposed',
        `are not proposed by selection run ${run.id}; a near miss or an excluded child needs an approved override`,
      );
    ahead = candidate[1].map((i) => ({ adopterId: adopters[i]! }));
  } else {
    const { childIds: runChildren = [], fitting: fittingIds = [] } = index as Extract<
      ProposedIndex,
      { fitting: number[] }
    >;
    const fitting = fittingIds.map((adopterId) => ({ adopterId }));
    const at = fitting.findIndex((a) => a.adopterId === body.adopterId);
    if (!sameIds(runChildren, childIds))
      throw Problem.field(
        'body.childIds',
        'does_not_match',
        `are not the children of selection run ${run.id}`,
      );
    if (at < 0)
      throw Problem.field(
        'body.adopterId',
        'not_proposed',
        `does not fit the children in selection run ${run.id}; an offer outside it needs an approved override`,
      );
    ahead = fitting.slice(0, at).map((a) => ({ adopterId: a.adopterId }));
  }
  if (ahead.length && !body.acknowledgedAhead)
    throw Problem.field(
      'body.acknowledgedAhead',
      'required',
      `must be true: ${ahead.length} adopter(s) ahead in the queue also fit these children (${ahead.map((a) => a.adopterId).join(', ')})`,
    );
  return {
    detail: {
      selectionRunId: run.id,
      acknowledgedAhead: body.acknowledgedAhead,
      aheadInQueue: ahead.map((a) => a.adopterId),
    },
    overrideId: null,
  };
}

const offerExists = (which: 'adopter' | 'child') =>
  Problem.conflict(
    which === 'adopter'
      ? 'The adopter already has a live offer; an adopter considers one child or sibling group at a time.'
      : 'A child of this offer already has a live offer (someone may have offered them a moment ago).',
    { code: 'offer_exists', field: which === 'adopter' ? 'adopterId' : 'childIds' },
  );

/** `POST /api/offers`: a draft offer, within the creation rule; 409 `offer_exists` on a race. */
export async function createOffer(w: Ctx, body: OfferInput): Promise<number> {
  const adopter = await adopterOf(w.db, body.adopterId);
  const childIds = await resolveChildren(w.db, body);
  const { detail, overrideId } = await authority(w, body, childIds);
  if (adopter.status !== 'waiting')
    throw Problem.conflict(
      `The adopter is ${adopter.status}; an offer goes to a waiting adopter.`,
      {
        code: 'adopter_not_waiting',
        status: adopter.status,
      },
    );
  const children = await w.db
    .selectFrom('children')
    .select(['id', 'status'])
    .where('id', 'in', childIds)
    .execute();
  const unavailable = children.filter((c) => c.status !== 'available');
  if (unavailable.length)
    throw Problem.conflict(
      `Only available children are offered (${unavailable.map((c) => `${c.id}: ${c.status}`).join(', ')}).`,
      { code: 'child_not_available', childIds: unavailable.map((c) => c.id) },
    );
  const today = rigaToday();
  let offerId: number;
  try {
    const offer = await w.db
      .insertInto('offers')
      .values({
        adopterId: body.adopterId,
        siblingGroupId: body.siblingGroupId ?? null,
        status: 'draft',
        live: true,
        selectionRunId: body.selectionRunId ?? null,
        overrideRequestId: overrideId,
        foreignAdoption: adopter.origin === 'foreign',
        createdBy: w.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    offerId = offer.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw offerExists('adopter');
    throw err;
  }
  try {
    await w.db
      .insertInto('offerChildren')
      .values(childIds.map((childId) => ({ offerId, childId, live: true })))
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw offerExists('child');
    throw err;
  }
  await w.db
    .insertInto('offerEvents')
    .values({
      offerId,
      fromStatus: null,
      toStatus: 'draft',
      happenedOn: today,
      reason: null,
      detail: JSON.stringify(detail),
      createdBy: w.actor.userId,
    })
    .execute();
  await w.audit({
    action: 'create',
    resource: 'offers',
    recordId: offerId,
    detail: { adopterId: body.adopterId, childIds, ...detail },
  });
  return offerId;
}

/** The offer locked for a move; 404 when there is none. */
async function lockOffer(db: Db, id: number) {
  const offer = await db
    .selectFrom('offers')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!offer) throw Problem.noRecord('offers', id);
  return offer;
}

/** The 400s of a move the table allows: the date and the reason. */
async function moveErrors(
  db: Db,
  offer: { id: number; status: OfferStatus; answerBy: string | null },
  body: MoveInput,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const last = await db
    .selectFrom('offerEvents')
    .select('happenedOn')
    .where('offerId', '=', offer.id)
    .orderBy('happenedOn', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (body.on > rigaToday())
    errors.push({ path: 'body.on', code: 'date_in_future', message: 'must not be in the future' });
  else if (last && body.on < last.happenedOn)
    errors.push({
      path: 'body.on',
      code: 'date_order',
      message: `must not be before the offer's last move (${last.happenedOn})`,
      params: { date: last.happenedOn },
    });
  else if (body.to === 'expired' && offer.answerBy && body.on <= offer.answerBy)
    errors.push({
      path: 'body.on',
      code: 'too_early',
      message: `the answer is due by ${offer.answerBy}; the offer expires only after that day`,
      params: { date: offer.answerBy },
    });
  const rule = reasonRule(offerStatusMachine, offer.status, body.to);
  if (body.to === 'declined') {
    if (!body.reason && !body.unreasoned)
      errors.push({
        path: 'body.reason',
        code: 'required',
        message:
          "is required: the adopter's reason, or unreasoned: true when the adopter gave none",
      });
    if (body.reason && body.unreasoned)
      errors.push({
        path: 'body.unreasoned',
        code: 'not_allowed',
        message: 'must not be true when a reason is given',
      });
  } else {
    if (rule === 'required' && !body.reason)
      errors.push({
        path: 'body.reason',
        code: 'required',
        message: `is required when moving from ${offer.status} to ${body.to}`,
      });
    if (body.unreasoned)
      errors.push({
        path: 'body.unreasoned',
        code: 'not_allowed',
        message: 'is only for a declined offer',
      });
  }
  return errors;
}

/**
 * A person record refuses the move its offer makes: the state machine (a suspended child) → 409;
 * a date or rule of the record → 400 on the move's fields, naming the record.
 */
const refusePerson =
  (resource: 'children' | 'adopters', offerId: number): MoveOptions['refuse'] =>
  (current, judged) => {
    const who = `${resource === 'children' ? 'child' : 'adopter'} ${current.id}`;
    if (!judged.allowed)
      throw Problem.conflict(
        `The ${who} is ${String(current.status)}; offer ${offerId} cannot move it (allowed: ${judged.next.join(', ') || 'none'}).`,
        { code: 'person_status', resource, recordId: current.id, status: current.status },
      );
    if (judged.errors.length)
      throw Problem.validation(
        judged.errors.map((e) => ({
          ...e,
          path:
            e.path === 'body.changedOn' ? 'body.on' : e.path === 'body.status' ? 'body.to' : e.path,
          message: `${who}: ${e.message}`,
        })),
      );
  };

/**
 * `POST /api/offers/:id/moves`: one move of the offer and all that follows, in one transaction —
 * the child's (each child's) and the adopter's statuses through their record writers, the
 * refusal, the deadlines, the letter to the adopter, the timeline row and one audit event.
 */
export async function moveOffer(
  w: Ctx,
  id: number,
  body: MoveInput,
  office: OfficeContact,
): Promise<void> {
  const offer = await lockOffer(w.db, id);
  if (offer.version !== body.version)
    throw Problem.staleVersion(body.version, offer.version, {
      id: offer.id,
      status: offer.status,
      version: offer.version,
    });
  const from = offer.status;
  const state = { status: from, foreignAdoption: offer.foreignAdoption };
  const notFitting = offerMoveRefusal(state, body.to);
  if (!reasonRule(offerStatusMachine, from, body.to) || notFitting) {
    const allowed = allowedMoves(state).map((m) => m.to);
    const problem = Problem.field(
      'body.to',
      'status_move',
      notFitting ??
        (allowed.length
          ? `cannot follow ${from}; allowed: ${allowed.join(', ')}`
          : `cannot follow ${from}, a final status`),
    );
    throw new Problem(
      problem.status,
      problem.title,
      problem.detail,
      { ...problem.extra, allowed },
      problem.type,
    );
  }
  const errors = await moveErrors(w.db, offer, body);
  if (errors.length) throw Problem.validation(errors);

  const params = await currentParameters(w.db);
  const children = await w.db
    .selectFrom('offerChildren as oc')
    .innerJoin('children as c', 'c.id', 'oc.childId')
    .select(['c.id', 'c.birthDate'])
    .where('oc.offerId', '=', id)
    .orderBy('c.id')
    .execute();
  const childIds = children.map((c) => c.id);
  const adopter = await adopterOf(w.db, offer.adopterId);

  // The people follow: each child and the adopter through their record writers.
  const people = peopleMove(from, body.to);
  const personReason = `Piedāvājums Nr. ${id}: ${enumLabel('offer_status', body.to, 'lv')}`;
  const move = (spec: StatusRouteSpec, recordId: number, status: string, extra = {}) =>
    moveStatus(
      spec,
      w,
      recordId,
      { status, changedOn: body.on, reason: personReason },
      {
        detail: { offerId: id },
        refuse: refusePerson(spec.register.policy, id),
        ...extra,
      },
    );
  if (people.child)
    for (const childId of childIds) await move(childStatusSpec, childId, people.child);
  const refusal =
    body.to === 'declined'
      ? { refusedOn: body.on, childId: childIds[0] ?? null, reason: body.reason ?? '' }
      : null;
  if (people.adopter) {
    // A refusal is added in the same write as the adopter's move back to waiting (locked first,
    // so an edit of the record meanwhile cannot lose it or be lost).
    const current = await w.db
      .selectFrom('adopters')
      .select('refusals')
      .where('id', '=', offer.adopterId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const alsoSet = refusal ? { refusals: JSON.stringify([...current.refusals, refusal]) } : {};
    await move(adopterStatusSpec, offer.adopterId, people.adopter, { alsoSet });
  }

  // The offer itself.
  const live = isLive(body.to);
  const sent =
    body.to === 'sent' ? { sentOn: body.on, answerBy: answerBy(body.on, params.values) } : {};
  const ends = endedStatuses.includes(body.to) || body.to === 'closed';
  await w.db
    .updateTable('offers')
    .set({
      status: body.to,
      live,
      version: offer.version + 1,
      ...sent,
      ...(ends ? { closedOn: body.on } : {}),
      ...(endedStatuses.includes(body.to) ? { outcomeReason: body.reason } : {}),
    })
    .where('id', '=', id)
    .execute();
  if (!live)
    await w.db
      .updateTable('offerChildren')
      .set({ live: false })
      .where('offerId', '=', id)
      .execute();

  // Deadlines: fulfilled, cancelled, created (from the parameters in force).
  const changes = deadlineChanges(
    { from, to: body.to, on: body.on, answerBy: sent.answerBy ?? offer.answerBy },
    { foreignAdoption: offer.foreignAdoption, children },
    params.values,
  );
  if (changes.done.length)
    await w.db
      .updateTable('deadlines')
      .set((eb) => ({ status: 'done', doneOn: body.on, version: eb('version', '+', 1) }))
      .where('offerId', '=', id)
      .where('kind', 'in', changes.done)
      .where('status', 'in', ['open', 'overdue'])
      .execute();
  if (changes.cancelAll)
    await w.db
      .updateTable('deadlines')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
      .where('offerId', '=', id)
      .where('status', 'in', ['open', 'overdue'])
      .execute();
  if (changes.create.length)
    await w.db
      .insertInto('deadlines')
      .values(
        changes.create.map((d) => ({
          kind: d.kind,
          offerId: id,
          childId: d.childId,
          adopterId: offer.adopterId,
          dueOn: d.dueOn,
          note: `parameters v${params.version}`,
        })),
      )
      .execute();

  // The letter: information about a child is ready (no personal data of the child in it).
  let mailQueued = false;
  if (body.to === 'sent' && adopter.email) {
    const data = {
      recipientName: `${adopter.givenNames} ${adopter.surname}`.slice(0, 200),
      caseReference: caseReference(id, body.on),
      contactPhone: office.phone,
      contactEmail: office.email,
      answerBy: sent.answerBy!,
    } satisfies MailData<'child-information-ready'>;
    await enqueueMail(w.db, {
      idempotencyKey: `offer-${id}-sent`,
      recipient: adopter.email,
      template: 'child-information-ready',
      language: adopter.preferredLanguage,
      data,
    });
    w.onCommit(wakeOutbox);
    mailQueued = true;
  }

  await w.db
    .insertInto('offerEvents')
    .values({
      offerId: id,
      fromStatus: from,
      toStatus: body.to,
      happenedOn: body.on,
      reason: body.reason,
      detail: JSON.stringify({
        ...(body.to === 'declined' ? { unreasoned: !body.reason } : {}),
        ...(body.to === 'sent' ? { answerBy: sent.answerBy, mailQueued } : {}),
        ...(changes.create.length ? { deadlinesCreated: changes.create.length } : {}),
        parametersVersion: params.version,
      }),
      createdBy: w.actor.userId,
    })
    .execute();
  await w.audit({
    action: 'move',
    resource: 'offers',
    recordId: id,
    changes: { status: { old: from, new: body.to } },
    detail: {
      on: body.on,
      reasonGiven: body.reason !== null,
      adopterId: offer.adopterId,
      childIds,
      ...(body.to === 'sent' ? { mailQueued } : {}),
    },
  });
}

/** The case reference the adopter's letter names instead of the child: `ADP-2026-0042`. */
export const caseReference = (offerId: number, on: string) =>
  `ADP-${on.slice(0, 4)}-${String(offerId).padStart(4, '0')}`;
