/**
 * The SQL of the dashboard and the fairness report: it reads rows, figures.ts and fairness.ts
 * compute. Dates are the Riga calendar's `YYYY-MM-DD`; `asOf` / the period come from the route.
 */
import { sql } from 'kysely';
import type { ChildStatus, OfferStatus } from '@adoption/model';
import type { Db } from '../db/database';
import type { ChildTimeline, StatusChange } from './figures';
import type { FairnessChild, FairnessOffer } from './fairness';

/** How many rows each dashboard list shows. */
export const DASHBOARD_LIMIT = 10;

export interface PersonRef {
  id: number;
  name: string;
}

const adopterName = (a: {
  givenNames: string;
  surname: string;
  spouseGivenNames: string | null;
  spouseSurname: string | null;
}) =>
  a.spouseGivenNames
    ? `${a.givenNames} ${a.surname}, ${a.spouseGivenNames} ${a.spouseSurname ?? ''}`.trim()
    : `${a.givenNames} ${a.surname}`;

/** The children of each offer and the names of adopters, for the items that name them. */
async function names(db: Db, offerIds: number[], adopterIds: number[], childIds: number[]) {
  const offerChildren = offerIds.length
    ? await db
        .selectFrom('offerChildren')
        .innerJoin('children', 'children.id', 'offerChildren.childId')
        .select(['offerChildren.offerId', 'children.id', 'children.givenNames', 'children.surname'])
        .where('offerChildren.offerId', 'in', offerIds)
        .orderBy('children.birthDate')
        .orderBy('children.id')
        .execute()
    : [];
  const byOffer = new Map<number, PersonRef[]>();
  for (const r of offerChildren) {
    const list = byOffer.get(r.offerId) ?? [];
    list.push({ id: r.id, name: `${r.givenNames} ${r.surname}` });
    byOffer.set(r.offerId, list);
  }
  const adopters = adopterIds.length
    ? await db
        .selectFrom('adopters')
        .select(['id', 'givenNames', 'surname', 'spouseGivenNames', 'spouseSurname'])
        .where('id', 'in', adopterIds)
        .execute()
    : [];
  const children = childIds.length
    ? await db
        .selectFrom('children')
        .select(['id', 'givenNames', 'surname'])
        .where('id', 'in', childIds)
        .execute()
    : [];
  return {
    offerChildren: (offerId: number | null) =>
      offerId === null ? [] : (byOffer.get(offerId) ?? []),
    adopter: new Map(adopters.map((a) => [a.id, { id: a.id, name: adopterName(a) }])),
    child: new Map(children.map((c) => [c.id, { id: c.id, name: `${c.givenNames} ${c.surname}` }])),
  };
}

export interface OfferItem {
  offerId: number;
  adopter: PersonRef | null;
  children: PersonRef[];
  sentOn: string | null;
  answerBy: string | null;
}

/** Offers sent and not yet answered, the nearest answer date first. */
export async function offersAwaitingAnswer(db: Db, limit = 50): Promise<OfferItem[]> {
  const rows = await db
    .selectFrom('offers')
    .select(['id', 'adopterId', 'sentOn', 'answerBy'])
    .where('status', '=', 'sent')
    .orderBy(sql`answer_by nulls last`)
    .orderBy('id')
    .limit(limit)
    .execute();
  const n = await names(
    db,
    rows.map((r) => r.id),
    rows.map((r) => r.adopterId),
    [],
  );
  return rows.map((r) => ({
    offerId: r.id,
    adopter: n.adopter.get(r.adopterId) ?? null,
    children: n.offerChildren(r.id),
    sentOn: r.sentOn,
    answerBy: r.answerBy,
  }));
}

export interface DeadlineItem {
  id: number;
  kind: string;
  dueOn: string;
  status: 'open' | 'overdue';
  offerId: number | null;
  adopter: PersonRef | null;
  children: PersonRef[];
}

/**
 * Open deadlines due in [asOf, until], or (`overdue`) deadlines the nightly job marked overdue and
 * open ones already past due (the job may not have run yet today); the nearest first.
 */
export async function deadlines(
  db: Db,
  which: { dueFrom: string; dueTo: string } | { overdueOn: string },
  limit = 50,
): Promise<DeadlineItem[]> {
  let q = db
    .selectFrom('deadlines')
    .leftJoin('offers', 'offers.id', 'deadlines.offerId')
    .select([
      'deadlines.id',
      'deadlines.kind',
      'deadlines.dueOn',
      'deadlines.status',
      'deadlines.offerId',
      'deadlines.childId',
      sql<number | null>`coalesce(deadlines.adopter_id, offers.adopter_id)`.as('adopterId'),
    ]);
  q =
    'overdueOn' in which
      ? q.where((eb) =>
          eb.or([
            eb('deadlines.status', '=', 'overdue'),
            eb.and([
              eb('deadlines.status', '=', 'open'),
              eb('deadlines.dueOn', '<', which.overdueOn),
            ]),
          ]),
        )
      : q
          .where('deadlines.status', '=', 'open')
          .where('deadlines.dueOn', '>=', which.dueFrom)
          .where('deadlines.dueOn', '<=', which.dueTo);
  const rows = await q.orderBy('deadlines.dueOn').orderBy('deadlines.id').limit(limit).execute();
  const n = await names(
    db,
    rows.flatMap((r) => (r.offerId === null ? [] : [r.offerId])),
    rows.flatMap((r) => (r.adopterId === null ? [] : [r.adopterId])),
    rows.flatMap((r) => (r.childId === null ? [] : [r.childId])),
  );
  return rows.map((r) => {
    const ofOffer = n.offerChildren(r.offerId);
    const own = r.childId === null ? undefined : n.child.get(r.childId);
    return {
      id: r.id,
      kind: r.kind,
      dueOn: r.dueOn,
      status: 'overdueOn' in which ? 'overdue' : 'open',
      offerId: r.offerId,
      adopter: r.adopterId === null ? null : (n.adopter.get(r.adopterId) ?? null),
      children: ofOffer.length ? ofOffer : own ? [own] : [],
    };
  });
}

/** Available children, the longest waiting (record-sheet date) first. */
export function childrenWaitingLongest(db: Db, limit = DASHBOARD_LIMIT) {
  return db
    .selectFrom('children')
    .select(['id', 'givenNames', 'surname', 'birthDate', 'recordSheetReceivedOn', 'siblingGroupId'])
    .where('status', '=', 'available')
    .orderBy('recordSheetReceivedOn')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Waiting adopters, the longest in the queue (queue date) first. */
export function adoptersWaitingLongest(db: Db, limit = DASHBOARD_LIMIT) {
  return db
    .selectFrom('adopters')
    .select([
      'id',
      'givenNames',
      'surname',
      'spouseGivenNames',
      'spouseSurname',
      'origin',
      'enteredOn',
    ])
    .where('status', '=', 'waiting')
    .orderBy('enteredOn')
    .orderBy('id')
    .limit(limit)
    .execute()
    .then((rows) =>
      rows.map(({ givenNames, surname, spouseGivenNames, spouseSurname, ...r }) => ({
        ...r,
        name: adopterName({ givenNames, surname, spouseGivenNames, spouseSurname }),
      })),
    );
}

/**
 * Every child's entry, first offer sent (the `sent` event of any of its offers, else the offer's
 * sent_on) and adoption (its first status change to `adopted`).
 */
export async function childTimelines(db: Db): Promise<ChildTimeline[]> {
  const rows = await db
    .selectFrom('children as c')
    .select([
      'c.id as childId',
      'c.birthDate',
      'c.recordSheetReceivedOn as enteredOn',
      sql<string | null>`(
        select least(min(e.happened_on), min(o.sent_on))
        from offer_children oc
        join offers o on o.id = oc.offer_id
        left join offer_events e on e.offer_id = o.id and e.to_status = 'sent'
        where oc.child_id = c.id and (o.sent_on is not null or e.id is not null))`.as(
        'firstOfferOn',
      ),
      sql<string | null>`(
        select min(s.changed_on) from child_status_changes s
        where s.child_id = c.id and s.to_status = 'adopted')`.as('adoptedOn'),
    ])
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    firstOfferOn: asDate(r.firstOfferOn),
    adoptedOn: asDate(r.adoptedOn),
  }));
}

/** A date from an aggregate: PostgreSQL's driver parses it as the columns (YYYY-MM-DD); PGlite may give a Date. */
const asDate = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

/** The children of the fairness report with what it groups by, and their status history. */
export async function fairnessChildren(db: Db, to: string): Promise<FairnessChild[]> {
  const timelines = new Map((await childTimelines(db)).map((t) => [t.childId, t]));
  const rows = await db
    .selectFrom('children as c')
    .select([
      'c.id',
      'c.sex',
      'c.status',
      sql<boolean>`c.disability_group is not null`.as('disabled'),
      sql<number>`case when c.sibling_group_id is null then 1 else (
        select count(*)::int from children m where m.sibling_group_id = c.sibling_group_id) end`.as(
        'groupSize',
      ),
    ])
    .where('c.recordSheetReceivedOn', '<=', to)
    .orderBy('c.id')
    .execute();
  const changes = await db
    .selectFrom('childStatusChanges')
    .select(['childId', 'fromStatus', 'toStatus', 'changedOn'])
    .orderBy('childId')
    .orderBy('changedOn')
    .orderBy('id')
    .execute();
  const byChild = new Map<number, StatusChange[]>();
  for (const c of changes) {
    const list = byChild.get(c.childId) ?? [];
    list.push({
      fromStatus: c.fromStatus as ChildStatus,
      toStatus: c.toStatus as ChildStatus,
      changedOn: c.changedOn,
    });
    byChild.set(c.childId, list);
  }
  return rows.map((r) => ({
    ...timelines.get(r.id)!,
    sex: r.sex,
    status: r.status,
    disabled: Boolean(r.disabled),
    groupSize: Number(r.groupSize),
    changes: byChild.get(r.id) ?? [],
  }));
}

/** Offers that reached `sent`, with the day of each outcome from their timeline. */
export async function fairnessOffers(db: Db): Promise<FairnessOffer[]> {
  const on = (status: OfferStatus) =>
    sql<string | null>`(select min(e.happened_on) from offer_events e
      where e.offer_id = o.id and e.to_status = ${status})`;
  const rows = await db
    .selectFrom('offers as o')
    .select([
      'o.adopterId',
      sql<string | null>`coalesce(${on('sent')}, o.sent_on)`.as('sentOn'),
      on('accepted_to_meet').as('acceptedOn'),
      on('declined').as('declinedOn'),
      on('expired').as('expiredOn'),
      on('withdrawn').as('withdrawnOn'),
    ])
    .orderBy('o.id')
    .execute();
  return rows.flatMap((r) => {
    const sentOn = asDate(r.sentOn);
    return sentOn === null
      ? []
      : [
          {
            adopterId: r.adopterId,
            sentOn,
            acceptedOn: asDate(r.acceptedOn),
            declinedOn: asDate(r.declinedOn),
            expiredOn: asDate(r.expiredOn),
            withdrawnOn: asDate(r.withdrawnOn),
          },
        ];
  });
}

const activeAdopter = [
  'waiting',
  'information_received',
  'getting_acquainted',
  'pre_adoption_care',
  'suspended',
] as const;

/**
 * Adopters in the queue during [from, to]: entered on or before `to` and still active, or whose
 * status changed in or after the period (they left it during or after), or who got an offer in it.
 */
export async function queueAdopterIds(db: Db, from: string, to: string): Promise<number[]> {
  const rows = await db
    .selectFrom('adopters as a')
    .select('a.id')
    .where('a.enteredOn', '<=', to)
    .where((eb) =>
      eb.or([
        eb('a.status', 'in', activeAdopter),
        eb.exists(
          eb
            .selectFrom('adopterStatusChanges as s')
            .select('s.id')
            .whereRef('s.adopterId', '=', 'a.id')
            .where('s.changedOn', '>=', from),
        ),
        eb.exists(
          eb
            .selectFrom('offers as o')
            .select('o.id')
            .whereRef('o.adopterId', '=', 'a.id')
            .where('o.sentOn', '>=', from)
            .where('o.sentOn', '<=', to),
        ),
      ]),
    )
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}
