import { enumLabel, rigaToday, type OfferStatus } from '@adoption/model';
import type { Db } from '../db/database';
import { Problem, type FieldError } from '../http/problem';
import { moveStatus, type MoveOptions, type StatusRouteSpec } from '../people/status-routes';
import { childStatusSpec } from '../children/status-routes';
import { adopterStatusSpec } from '../adopters/status-routes';
import { currentParameters } from '../selection/parameters';
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
import type { MoveInput } from './schema';
import { caseReference, type Ctx, type OfficeContact } from './context';
import { adopterOf } from './create';

/*
 * Moving an offer (`POST /api/offers/:id/moves`): the table's rules, the people's statuses, the
 * deadlines, the refusal and the letter, in one transaction (docs/offers.md). Creation is
 * ./create.ts.
 */

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
