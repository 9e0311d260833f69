import { sql } from 'kysely';
import type { OfferStatus } from '@adoption/model';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import { applyScope, recordScope } from '../policies/scopes';
import { Problem } from '../http/problem';
import { allowedMoves } from './machine';

/** The offers' columns a list row and the detail start from. */
export const offerColumns = [
  'id',
  'adopterId',
  'siblingGroupId',
  'status',
  'live',
  'foreignAdoption',
  'selectionRunId',
  'overrideRequestId',
  'sentOn',
  'answerBy',
  'closedOn',
  'outcomeReason',
  'createdBy',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export type OfferRow = {
  id: number;
  adopterId: number;
  siblingGroupId: number | null;
  status: OfferStatus;
  live: boolean;
  foreignAdoption: boolean;
  selectionRunId: number | null;
  overrideRequestId: number | null;
  sentOn: string | null;
  answerBy: string | null;
  closedOn: string | null;
  outcomeReason: string | null;
  createdBy: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const deadlineColumns = [
  'id',
  'offerId',
  'kind',
  'status',
  'dueOn',
  'doneOn',
  'remindedOn',
  'childId',
] as const;

/**
 * List rows with the names the console shows: the children and the adopter the caller may see
 * (record scopes; offers are read by specialists and heads, who see every record), and the next
 * open or overdue deadline.
 */
export async function summaries(db: Db, actor: Actor, rows: OfferRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const children = await applyScope(
    db
      .selectFrom('offerChildren as oc')
      .innerJoin('children', 'children.id', 'oc.childId')
      .select([
        'oc.offerId',
        'children.id',
        'children.givenNames',
        'children.surname',
        'children.birthDate',
        'children.status',
      ])
      .where('oc.offerId', 'in', ids)
      .orderBy('children.id'),
    recordScope('children', actor),
  ).execute();
  const adopterIds = [...new Set(rows.map((r) => r.adopterId))];
  const adopters = await applyScope(
    db
      .selectFrom('adopters')
      .select([
        'id',
        'givenNames',
        'surname',
        'spouseGivenNames',
        'spouseSurname',
        'origin',
        'status',
      ])
      .where('id', 'in', adopterIds),
    recordScope('adopters', actor),
  ).execute();
  const deadlines = await db
    .selectFrom('deadlines')
    .select(deadlineColumns)
    .where('offerId', 'in', ids)
    .where('status', 'in', ['open', 'overdue'])
    .orderBy('dueOn')
    .orderBy('id')
    .execute();
  const adopterById = new Map(adopters.map((a) => [a.id, a]));
  return rows.map((r) => {
    const own = children.filter((c) => c.offerId === r.id);
    const adopter = adopterById.get(r.adopterId);
    const next = deadlines.find((d) => d.offerId === r.id);
    return {
      row: r,
      children: own,
      adopter,
      summary: {
        ...r,
        adopterName: adopter ? `${adopter.surname} ${adopter.givenNames}` : '',
        childIds: own.map((c) => c.id),
        childNames: own.map((c) => `${c.givenNames} ${c.surname}`),
        nextDeadline: next ? withoutOffer(next) : null,
      },
    };
  });
}

const withoutOffer = <T extends { offerId: number | null }>(d: T) => {
  const { offerId: _, ...rest } = d;
  return rest;
};

/** The override request with the names of who asked and who decided. */
export function selectOverrides(db: Db) {
  return db
    .selectFrom('overrideRequests as o')
    .innerJoin('users as r', 'r.id', 'o.requestedBy')
    .leftJoin('users as d', 'd.id', 'o.decidedBy')
    .select([
      'o.id',
      'o.adopterId',
      'o.childIds',
      'o.siblingGroupId',
      'o.selectionRunId',
      'o.reason',
      'o.status',
      'o.requestedBy',
      'r.displayName as requestedByName',
      'o.decidedBy',
      'd.displayName as decidedByName',
      'o.decidedAt',
      'o.decisionNote',
      'o.version',
      'o.createdAt',
      'o.updatedAt',
    ]);
}

/** The offer page: the offer, its people, timeline, deadlines, override and allowed moves. */
export async function offerDetail(db: Db, actor: Actor, id: number) {
  const row = (await db
    .selectFrom('offers')
    .select([...offerColumns])
    .where('id', '=', id)
    .executeTakeFirst()) as OfferRow | undefined;
  if (!row) throw Problem.noRecord('offers', id);
  const [shown] = await summaries(db, actor, [row]);
  // An offer whose adopter the caller may not see does not exist for the caller.
  if (!shown?.adopter) throw Problem.noRecord('offers', id);
  const timeline = await db
    .selectFrom('offerEvents as e')
    .innerJoin('users as u', 'u.id', 'e.createdBy')
    .select([
      'e.id',
      'e.fromStatus',
      'e.toStatus',
      'e.happenedOn',
      'e.reason',
      'e.detail',
      'e.createdBy',
      'u.displayName as createdByName',
      'e.createdAt',
    ])
    .where('e.offerId', '=', id)
    .orderBy('e.id')
    .execute();
  const deadlines = await db
    .selectFrom('deadlines')
    .select(deadlineColumns)
    .where('offerId', '=', id)
    .orderBy('dueOn')
    .orderBy('id')
    .execute();
  const overrideRequest = row.overrideRequestId
    ? ((await selectOverrides(db).where('o.id', '=', row.overrideRequestId).executeTakeFirst()) ??
      null)
    : null;
  return {
    ...shown.summary,
    children: shown.children.map(({ offerId: _, ...c }) => c),
    adopter: shown.adopter,
    timeline,
    deadlines: deadlines.map(withoutOffer),
    overrideRequest,
    allowedMoves: allowedMoves({
      status: row.status,
      foreignAdoption: row.foreignAdoption,
    }),
  };
}

/** The adopter's declined offers, each with its first child (the refusals summary). */
export async function declinedOffers(db: Db, adopterId: number) {
  return db
    .selectFrom('offers as o')
    .select([
      'o.id',
      'o.closedOn',
      'o.outcomeReason',
      sql<number | null>`(select min(child_id) from offer_children oc where oc.offer_id = o.id)`.as(
        'childId',
      ),
    ])
    .where('o.adopterId', '=', adopterId)
    .where('o.status', '=', 'declined')
    .orderBy('o.closedOn')
    .execute();
}
