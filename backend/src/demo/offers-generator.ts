/**
 * A synthetic offer history for the demo register, so the dashboard and the fairness report show
 * something real: for every child (or sibling group moving together) the generators put in a
 * process status (offered … adopted), an offer in the matching state with its timeline and
 * deadlines; before it, and for some available children, past offers that were declined,
 * expired or withdrawn. Reproducible from the seed and `asOf`; the children's and adopters'
 * status histories follow every move, and each child and adopter holds at most one live offer
 * (the database's partial unique indexes). An adopter whose status matches the state is paired
 * first, else a waiting one is moved into that status.
 */
import {
  addDays,
  addMonths,
  rigaToday,
  type AdopterStatus,
  type ChildStatus,
  type OfferStatus,
} from '@adoption/model';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { currentParameters, type SelectionParameters } from '../selection/parameters';
import { createRng, type Rng } from '../latvian/random';
import * as P from './phrases';

type DeadlineKind =
  'answer' | 'pre_adoption_care' | 'court_claim' | 'permit_issue' | 'permit_validity';

interface ChildRow {
  id: number;
  status: ChildStatus;
  siblingGroupId: number | null;
  recordSheetReceivedOn: string;
}
interface AdopterRow {
  id: number;
  status: AdopterStatus;
  origin: 'latvian' | 'foreign';
  enteredOn: string;
}

/** The offer's moves up to the state that matches the child's status. */
const CHAINS: Partial<Record<ChildStatus, OfferStatus[]>> = {
  offered: ['sent'],
  getting_acquainted: ['sent', 'accepted_to_meet', 'meeting_referral_issued'],
  pre_adoption_care: ['sent', 'accepted_to_meet', 'meeting_referral_issued', 'care_decision'],
  best_interests_confirmed: [
    'sent',
    'accepted_to_meet',
    'meeting_referral_issued',
    'care_decision',
    'best_interests_decision',
  ],
  permit_issued: [
    'sent',
    'accepted_to_meet',
    'meeting_referral_issued',
    'care_decision',
    'best_interests_decision',
    'permit_issued',
  ],
  adopted: [
    'sent',
    'accepted_to_meet',
    'meeting_referral_issued',
    'care_decision',
    'best_interests_decision',
    'court_approved',
    'closed',
  ],
};
/** Usual days from the previous move (care: the parameters' months). */
const GAP: Partial<Record<OfferStatus, number>> = {
  accepted_to_meet: 12,
  meeting_referral_issued: 7,
  care_decision: 20,
  best_interests_decision: 183,
  permit_issued: 20,
  court_approved: 45,
  closed: 14,
};
/** The child's and the adopter's status after a move (none: the move does not change it). */
const CHILD_AFTER: Partial<Record<OfferStatus, ChildStatus>> = {
  sent: 'offered',
  accepted_to_meet: 'getting_acquainted',
  care_decision: 'pre_adoption_care',
  best_interests_decision: 'best_interests_confirmed',
  permit_issued: 'permit_issued',
  court_approved: 'adopted',
  declined: 'available',
  expired: 'available',
  withdrawn: 'available',
};
const ADOPTER_AFTER: Partial<Record<OfferStatus, AdopterStatus>> = {
  sent: 'information_received',
  accepted_to_meet: 'getting_acquainted',
  care_decision: 'pre_adoption_care',
  court_approved: 'adopted',
  declined: 'waiting',
  expired: 'waiting',
  withdrawn: 'waiting',
};
const ENDED: readonly OfferStatus[] = ['declined', 'expired', 'withdrawn', 'closed'];

interface Move {
  to: OfferStatus;
  on: string;
  reason: string | null;
}
interface PlannedOffer {
  adopter: AdopterRow;
  children: ChildRow[];
  siblingGroupId: number | null;
  foreign: boolean;
  moves: Move[];
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const span = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The offers to write, planned from the register as generated (pure but for the rng). */
export function planDemoOffers(
  children: readonly ChildRow[],
  adopters: readonly AdopterRow[],
  params: SelectionParameters,
  asOf: string,
  rng: Rng,
): PlannedOffer[] {
  // Units: a sibling group's children in the same status move together.
  const units = new Map<string, ChildRow[]>();
  for (const c of children) {
    const key = c.siblingGroupId === null ? `c${c.id}` : `g${c.siblingGroupId}:${c.status}`;
    units.set(key, [...(units.get(key) ?? []), c]);
  }
  const groupSize = new Map<number, number>();
  for (const c of children)
    if (c.siblingGroupId !== null)
      groupSize.set(c.siblingGroupId, (groupSize.get(c.siblingGroupId) ?? 0) + 1);

  const used = new Set<number>(); // adopters holding a live or closed offer
  const busy = new Map<number, [string, string][]>(); // adopter → offer periods
  const free = (a: AdopterRow, from: string, to: string) =>
    a.enteredOn <= from && (busy.get(a.id) ?? []).every(([s, e]) => e < from || s > to);
  const book = (a: AdopterRow, from: string, to: string) =>
    busy.set(a.id, [...(busy.get(a.id) ?? []), [from, to]]);

  const adopterFor = (status: AdopterStatus, foreign: boolean, from: string) => {
    const origin = foreign ? 'foreign' : 'latvian';
    const fits = (a: AdopterRow) => !used.has(a.id) && a.origin === origin && free(a, from, asOf);
    const chosen =
      adopters.find((a) => fits(a) && a.status === status) ??
      adopters.find((a) => fits(a) && a.status === 'waiting');
    if (chosen) {
      used.add(chosen.id);
      book(chosen, from, asOf);
    }
    return chosen;
  };

  const planned: PlannedOffer[] = [];
  const withGroup = (unit: ChildRow[]) => {
    const g = unit[0]!.siblingGroupId;
    return g !== null && groupSize.get(g) === unit.length ? g : null;
  };

  for (const unit of units.values()) {
    const status = unit[0]!.status;
    const entry = unit.reduce((d, c) => maxDate(d, c.recordSheetReceivedOn), '0000-01-01');
    const chain = CHAINS[status];
    let liveFrom = asOf;
    if (chain) {
      const foreign = status === 'permit_issued';
      // Dates back from a recent last move, squeezed when the child entered recently.
      const gaps = chain.map((s, i) =>
        i === 0
          ? 0
          : s === 'best_interests_decision'
            ? params.preAdoptionCareMonths * 30.5
            : (GAP[s] ?? 10),
      );
      const total = gaps.reduce((a, b) => a + b, 0);
      const last =
        status === 'offered' ? addDays(asOf, -rng.int(3, 45)) : addDays(asOf, -rng.int(2, 40));
      const room = span(addDays(entry, 20), last);
      const scale = total === 0 ? 1 : Math.max(0, Math.min(1, room / total));
      let on = addDays(last, -Math.round(total * scale));
      if (on < entry) on = entry;
      const moves: Move[] = chain.map((to, i) => {
        on = addDays(on, Math.round(gaps[i]! * scale));
        if (on > asOf) on = asOf;
        return { to, on, reason: null };
      });
      const adopterStatus: AdopterStatus =
        status === 'offered'
          ? 'information_received'
          : status === 'getting_acquainted'
            ? 'getting_acquainted'
            : status === 'adopted'
              ? 'adopted'
              : 'pre_adoption_care';
      const adopter = adopterFor(adopterStatus, foreign, moves[0]!.on);
      if (!adopter) continue; // no adopter left to pair: the child keeps its status only
      liveFrom = moves[0]!.on;
      planned.push({ adopter, children: unit, siblingGroupId: withGroup(unit), foreign, moves });
    } else if (status !== 'available' || !rng.chance(0.35)) {
      continue;
    }
    // A past offer that ended, before the current one (or for an available child, any time).
    if (chain && !rng.chance(0.3)) continue;
    const latest = addDays(chain ? liveFrom : asOf, -45);
    const earliest = addDays(entry, 10);
    if (latest <= earliest) continue;
    const sent = addDays(earliest, rng.int(0, span(earliest, latest)));
    const outcome: OfferStatus = rng.chance(0.6)
      ? 'declined'
      : rng.chance(0.6)
        ? 'expired'
        : 'withdrawn';
    const endOn =
      outcome === 'expired'
        ? addDays(sent, params.answerDays + 1)
        : addDays(sent, rng.int(3, params.answerDays - 2));
    // A waiting adopter (its history returns to waiting), or one paired for a later offer; drawn
    // at random, at most two past offers each, so no one collects refusals.
    const candidates = adopters.filter(
      (a) =>
        a.origin === 'latvian' &&
        (a.status === 'waiting' || used.has(a.id)) &&
        (busy.get(a.id)?.length ?? 0) < (used.has(a.id) ? 3 : 2) &&
        free(a, sent, endOn),
    );
    const adopter = candidates.length ? rng.pick(candidates) : undefined;
    if (!adopter) continue;
    book(adopter, sent, endOn);
    planned.push({
      adopter,
      children: unit,
      siblingGroupId: withGroup(unit),
      foreign: false,
      moves: [
        { to: 'sent', on: sent, reason: null },
        {
          to: outcome,
          on: endOn,
          reason:
            outcome === 'declined'
              ? rng.pick(P.REFUSAL_REASONS)
              : outcome === 'withdrawn'
                ? 'Bērna situācija mainījās; informācija atsaukta.'
                : null,
        },
      ],
    });
  }
  return planned;
}

/** Deadlines the moves set, each done, cancelled, open or (past due) overdue on `asOf`. */
function deadlinesOf(o: PlannedOffer, params: SelectionParameters, asOf: string) {
  const on = (s: OfferStatus) => o.moves.find((m) => m.to === s)?.on ?? null;
  const ended = o.moves.find((m) => ENDED.includes(m.to))?.on ?? null;
  const rows: { kind: DeadlineKind; dueOn: string; doneOn: string | null }[] = [];
  const add = (kind: DeadlineKind, from: string | null, dueOn: string, doneBy: OfferStatus[]) => {
    if (from === null) return;
    const doneOn = doneBy.map(on).find((d) => d !== null) ?? null;
    rows.push({ kind, dueOn, doneOn });
  };
  const sent = on('sent')!;
  add('answer', sent, addDays(sent, params.answerDays), ['accepted_to_meet', 'declined']);
  const care = on('care_decision');
  if (care)
    add('pre_adoption_care', care, addMonths(care, params.preAdoptionCareMonths), [
      'best_interests_decision',
    ]);
  const best = on('best_interests_decision');
  if (best) {
    add('court_claim', best, addDays(best, params.courtClaimDays), ['court_approved']);
    if (o.foreign)
      add('permit_issue', best, addMonths(best, params.permitIssueMonths), ['permit_issued']);
  }
  const permit = on('permit_issued');
  if (permit)
    add('permit_validity', permit, addMonths(permit, params.permitValidityMonths), [
      'court_approved',
    ]);
  return rows.map((d) => ({
    ...d,
    status:
      d.doneOn !== null
        ? ('done' as const)
        : ended !== null
          ? ('cancelled' as const)
          : d.dueOn < asOf
            ? ('overdue' as const)
            : ('open' as const),
  }));
}

/**
 * Writes the demo offer history once (nothing when offers exist or no user can be named as
 * their author). Returns the number of offers written.
 */
export async function loadDemoOffers(
  db: Db,
  opts: { createdBy?: number; asOf?: string; seed?: string } = {},
): Promise<number> {
  if (await db.selectFrom('offers').select('id').limit(1).executeTakeFirst()) return 0;
  const author =
    opts.createdBy ??
    (
      await db
        .selectFrom('users')
        .select('id')
        .orderBy(sql`case when role = 'adoption_specialist' then 0 else 1 end`)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
    )?.id;
  if (author === undefined) return 0;
  const asOf = opts.asOf ?? rigaToday();
  const { values: params } = await currentParameters(db);
  const children = await db
    .selectFrom('children')
    .select(['id', 'status', 'siblingGroupId', 'recordSheetReceivedOn'])
    .orderBy('id')
    .execute();
  const adopters = await db
    .selectFrom('adopters')
    .select(['id', 'status', 'origin', 'enteredOn'])
    .orderBy('enteredOn')
    .orderBy('id')
    .execute();
  const planned = planDemoOffers(
    children,
    adopters as AdopterRow[],
    params,
    asOf,
    createRng(opts.seed ?? 'demo-offers'),
  );
  // The histories in date order, so each person's chain of statuses reads through.
  planned.sort((a, b) => a.moves[0]!.on.localeCompare(b.moves[0]!.on));
  const childNow = new Map(children.map((c) => [c.id, 'available' as ChildStatus]));
  const adopterNow = new Map(adopters.map((a) => [a.id, 'waiting' as AdopterStatus]));
  const childChanges: {
    childId: number;
    fromStatus: ChildStatus;
    toStatus: ChildStatus;
    changedOn: string;
    changedBy: number;
  }[] = [];
  const adopterChanges: {
    adopterId: number;
    fromStatus: AdopterStatus;
    toStatus: AdopterStatus;
    changedOn: string;
    changedBy: number;
  }[] = [];

  for (const o of planned) {
    const final = o.moves[o.moves.length - 1]!;
    const live = !ENDED.includes(final.to);
    const sentOn = o.moves[0]!.on;
    const { id } = await db
      .insertInto('offers')
      .values({
        adopterId: o.adopter.id,
        siblingGroupId: o.siblingGroupId,
        status: final.to,
        live,
        foreignAdoption: o.foreign,
        sentOn,
        answerBy: addDays(sentOn, params.answerDays),
        closedOn: live ? null : final.on,
        outcomeReason: final.reason,
        createdBy: author,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('offerChildren')
      .values(o.children.map((c) => ({ offerId: id, childId: c.id, live })))
      .execute();
    let from: OfferStatus = 'draft';
    await db
      .insertInto('offerEvents')
      .values([
        { offerId: id, fromStatus: null, toStatus: 'draft', happenedOn: sentOn, createdBy: author },
        ...o.moves.map((m) => {
          const row = {
            offerId: id,
            fromStatus: from,
            toStatus: m.to,
            happenedOn: m.on,
            reason: m.reason,
            createdBy: author,
          };
          from = m.to;
          return row;
        }),
      ])
      .execute();
    const deadlines = deadlinesOf(o, params, asOf);
    if (deadlines.length)
      await db
        .insertInto('deadlines')
        .values(
          deadlines.map((d) => ({
            ...d,
            offerId: id,
            childId: o.children[0]!.id,
            adopterId: o.adopter.id,
          })),
        )
        .execute();
    for (const m of o.moves) {
      const c = CHILD_AFTER[m.to];
      if (c)
        for (const child of o.children) {
          const before = childNow.get(child.id)!;
          if (before === c) continue;
          childChanges.push({
            childId: child.id,
            fromStatus: before,
            toStatus: c,
            changedOn: m.on,
            changedBy: author,
          });
          childNow.set(child.id, c);
        }
      const a = ADOPTER_AFTER[m.to];
      const before = adopterNow.get(o.adopter.id)!;
      if (a && before !== a) {
        adopterChanges.push({
          adopterId: o.adopter.id,
          fromStatus: before,
          toStatus: a,
          changedOn: m.on,
          changedBy: author,
        });
        adopterNow.set(o.adopter.id, a);
      }
    }
  }
  if (childChanges.length) await db.insertInto('childStatusChanges').values(childChanges).execute();
  if (adopterChanges.length)
    await db.insertInto('adopterStatusChanges').values(adopterChanges).execute();
  // Adopters paired from the waiting list now hold the status their offer gives them.
  for (const a of adopters) {
    const now = adopterNow.get(a.id)!;
    if (a.status === 'waiting' && now !== 'waiting')
      await db.updateTable('adopters').set({ status: now }).where('id', '=', a.id).execute();
  }
  return planned.length;
}
