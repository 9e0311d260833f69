/**
 * The fairness report (head of department, analyst): does the register treat groups of children
 * alike, and do proposals spread over the adopters waiting? A pure function of rows the
 * repository reads; aggregated, no ids or names in the answer, small cells withheld with the
 * statistics' rule (statistics/suppression.ts). docs/dashboard.md defines each figure.
 */
import { ageBands, sexes, type ChildStatus } from '@adoption/model';
import { suppressSmallCells } from '../statistics/suppression';
import {
  daysBetween,
  daysTo,
  entryAgeBand,
  gini,
  median,
  poolStatuses,
  roundShare,
  statusesDuring,
  topShare,
  type ChildTimeline,
  type StatusChange,
} from './figures';

export interface FairnessChild extends ChildTimeline {
  sex: (typeof sexes)[number];
  /** A disability determined (disability group recorded). */
  disabled: boolean;
  /** Children in the child's sibling group (1 without a group). */
  groupSize: number;
  status: ChildStatus;
  /** The child's status history, oldest first. */
  changes: StatusChange[];
}

/** An offer that reached `sent`, with the day of each outcome (null: did not happen). */
export interface FairnessOffer {
  adopterId: number;
  sentOn: string;
  acceptedOn: string | null;
  declinedOn: string | null;
  expiredOn: string | null;
  withdrawnOn: string | null;
}

export interface FairnessInput {
  from: string;
  to: string;
  threshold: number;
  children: readonly FairnessChild[];
  offers: readonly FairnessOffer[];
  /** Adopters in the queue during the period (entered on or before `to`, waiting or in process). */
  adopterIds: readonly number[];
}

export const fairnessDimensions = ['sex', 'ageBand', 'disability', 'siblingGroupSize'] as const;
export type FairnessDimension = (typeof fairnessDimensions)[number];

const categories: Record<FairnessDimension, readonly string[]> = {
  sex: sexes,
  ageBand: ageBands,
  disability: ['yes', 'no'],
  siblingGroupSize: ['1', '2', '3+'],
};

const categoryOf: Record<FairnessDimension, (c: FairnessChild) => string> = {
  sex: (c) => c.sex,
  ageBand: (c) => entryAgeBand(c),
  disability: (c) => (c.disabled ? 'yes' : 'no'),
  siblingGroupSize: (c) => (c.groupSize >= 3 ? '3+' : String(Math.max(1, c.groupSize))),
};

/** One category's figures; null: withheld (or, for a median or share, nothing to compute). */
export interface FairnessRow {
  key: string;
  children: number | null;
  proposed: number | null;
  /** proposed ÷ children, 0…1. */
  proposedShare: number | null;
  medianWaitingDays: number | null;
}

export interface FairnessReport {
  from: string;
  to: string;
  threshold: number;
  children: number | null;
  dimensions: { dimension: FairnessDimension; rows: FairnessRow[] }[];
  concentration: {
    /** Why Gini: see docs/dashboard.md (comparable across queue sizes, zeros count). */
    measure: 'gini';
    adopters: number;
    offers: number | null;
    adoptersWithOffer: number | null;
    top10PercentShare: number | null;
    gini: number | null;
  };
  outcomes: {
    toFirstOffer: { n: number | null; medianDays: number | null };
    toAdoption: { n: number | null; medianDays: number | null };
    offersSent: number | null;
    declined: number | null;
    declinedShare: number | null;
    expired: number | null;
    expiredShare: number | null;
  };
}

/** Children in the register during [from, to] who were in the adoption pool at some time in it. */
export function cohort(children: readonly FairnessChild[], from: string, to: string) {
  return children.filter((c) => {
    if (c.enteredOn > to) return false;
    const held = statusesDuring(c.status, c.changes, from, to);
    return poolStatuses.some((s) => held.has(s));
  });
}

/**
 * Days the child waited: from entry to the first offer sent, or, never proposed by the period's
 * end, to the end (time waited so far: a lower bound of the real wait).
 */
export const waitingDays = (c: ChildTimeline, to: string): number =>
  daysBetween(c.enteredOn, c.firstOfferOn !== null && c.firstOfferOn <= to ? c.firstOfferOn : to);

const proposedBy = (c: ChildTimeline, to: string) =>
  c.firstOfferOn !== null && c.firstOfferOn <= to;

/** Withholds a count below the threshold (not 0); the figures beside it go with it. */
const small = (n: number, threshold: number) => n > 0 && n < threshold;

function dimensionRows(
  dimension: FairnessDimension,
  children: readonly FairnessChild[],
  to: string,
  threshold: number,
): FairnessRow[] {
  const keys = categories[dimension];
  const groups = new Map<string, FairnessChild[]>(keys.map((k) => [k, []]));
  for (const c of children) groups.get(categoryOf[dimension](c))?.push(c);
  const counts = (f: (cs: FairnessChild[]) => number) =>
    keys.map((key) => ({ key, count: f(groups.get(key)!) }));
  // Each of the three counts by the statistics' rule; a share is shown only when the children,
  // the proposed and the not-proposed counts all are (else one could be found from the others).
  const total = suppressSmallCells(
    counts((cs) => cs.length),
    threshold,
  ).rows;
  const proposed = suppressSmallCells(
    counts((cs) => cs.filter((c) => proposedBy(c, to)).length),
    threshold,
  ).rows;
  const notProposed = suppressSmallCells(
    counts((cs) => cs.filter((c) => !proposedBy(c, to)).length),
    threshold,
  ).rows;
  return keys.map((key, i) => {
    const cs = groups.get(key)!;
    const n = total[i]!.count;
    const p = proposed[i]!.count;
    const shown = n !== null && n > 0;
    return {
      key,
      children: n,
      proposed: n === null ? null : p,
      proposedShare:
        shown && p !== null && notProposed[i]!.count !== null ? roundShare(p / n) : null,
      medianWaitingDays: shown ? median(cs.map((c) => waitingDays(c, to))) : null,
    };
  });
}

/** A count and the median beside it, both withheld when the count is small. */
function withheldDuration(days: number[], threshold: number) {
  if (small(days.length, threshold)) return { n: null, medianDays: null };
  return { n: days.length, medianDays: median(days) };
}

const count = (n: number, threshold: number) => (small(n, threshold) ? null : n);

/** The fairness report for [from, to] (inclusive dates). */
export function fairnessReport(input: FairnessInput): FairnessReport {
  const { from, to, threshold } = input;
  const children = cohort(input.children, from, to);

  // Concentration: offers sent in the period per adopter in the queue, adopters without one as 0.
  const sent = input.offers.filter((o) => o.sentOn >= from && o.sentOn <= to);
  const perAdopter = new Map<number, number>(input.adopterIds.map((id) => [id, 0]));
  for (const o of sent) perAdopter.set(o.adopterId, (perAdopter.get(o.adopterId) ?? 0) + 1);
  const offerCounts = [...perAdopter.values()];
  const concentrationShown = !small(sent.length, threshold) && sent.length > 0;

  const ended = (on: string | null) => on !== null && on <= to;
  const declined = sent.filter((o) => ended(o.declinedOn)).length;
  const expired = sent.filter((o) => ended(o.expiredOn)).length;
  const share = (part: number) =>
    sent.length === 0 || small(sent.length, threshold) || small(part, threshold)
      ? null
      : roundShare(part / sent.length);

  return {
    from,
    to,
    threshold,
    children: count(children.length, threshold),
    dimensions: fairnessDimensions.map((dimension) => ({
      dimension,
      rows: dimensionRows(dimension, children, to, threshold),
    })),
    concentration: {
      measure: 'gini',
      adopters: offerCounts.length,
      offers: count(sent.length, threshold),
      adoptersWithOffer: count(offerCounts.filter((c) => c > 0).length, threshold),
      top10PercentShare: concentrationShown ? roundShare(topShare(offerCounts, 0.1)) : null,
      gini: concentrationShown ? roundShare(gini(offerCounts)) : null,
    },
    outcomes: {
      toFirstOffer: withheldDuration(daysTo(children, 'firstOfferOn', to), threshold),
      toAdoption: withheldDuration(daysTo(children, 'adoptedOn', to), threshold),
      offersSent: count(sent.length, threshold),
      declined: count(declined, threshold),
      declinedShare: share(declined),
      expired: count(expired, threshold),
      expiredShare: share(expired),
    },
  };
}
