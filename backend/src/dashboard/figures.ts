/**
 * The figures of the dashboard and the fairness report as pure functions of rows: the same
 * function computes a test's expected answer and production's (docs/dashboard.md defines each
 * figure). The SQL that reads the rows is repository.ts.
 */
import { addDays, ageBands, yearsOld, type AgeBand, type ChildStatus } from '@adoption/model';
import { ageBand } from '../statistics/age-bands';

const DAY_MS = 86_400_000;
const day = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => day(to) - day(from);

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A child's path through the register: entry, first offer sent, adoption (null: not yet). */
export interface ChildTimeline {
  childId: number;
  birthDate: string;
  /** The record sheet's date (recordSheetReceivedOn): the child's entry to the register. */
  enteredOn: string;
  /** The first day information about the child was sent to an adopter (an offer reached `sent`). */
  firstOfferOn: string | null;
  /** The day the child's status became `adopted` (child_status_changes). */
  adoptedOn: string | null;
}

/** The age band of the child on the day it entered the register (it does not change with waiting). */
export const entryAgeBand = (c: Pick<ChildTimeline, 'birthDate' | 'enteredOn'>): AgeBand =>
  ageBand(yearsOld(c.birthDate, c.enteredOn));

export interface DurationFigure {
  /** Children the median is over. */
  n: number;
  /** Median days; null when n is 0 (or, in the fairness report, withheld). */
  medianDays: number | null;
}

export interface BandMedians {
  band: AgeBand;
  toFirstOffer: DurationFigure;
  toAdoption: DurationFigure;
}

const duration = (days: number[]): DurationFigure => ({ n: days.length, medianDays: median(days) });

/** Days from entry to the event for children whose event happened on or before `asOf`. */
export const daysTo = (
  children: readonly ChildTimeline[],
  event: 'firstOfferOn' | 'adoptedOn',
  asOf: string,
): number[] =>
  children.flatMap((c) => {
    const on = c[event];
    return on !== null && on <= asOf && c.enteredOn <= on ? [daysBetween(c.enteredOn, on)] : [];
  });

/**
 * Time from entry to the first offer and to adoption, median by age band at entry, over every
 * child whose event happened on or before `asOf`. Every band is listed, empty ones with n = 0.
 */
export function mediansByAgeBand(children: readonly ChildTimeline[], asOf: string): BandMedians[] {
  return ageBands.map((band) => {
    const inBand = children.filter((c) => entryAgeBand(c) === band);
    return {
      band,
      toFirstOffer: duration(daysTo(inBand, 'firstOfferOn', asOf)),
      toAdoption: duration(daysTo(inBand, 'adoptedOn', asOf)),
    };
  });
}

/** A status change of the history (child_status_changes), oldest first by (changedOn, id). */
export interface StatusChange {
  fromStatus: ChildStatus;
  toStatus: ChildStatus;
  changedOn: string;
}

/**
 * The statuses a child held at any time in [from, to], from its current status and its history:
 * the status on `from` (the last change on or before it, or before the first change the status
 * that change left, or the current one when nothing changed), then every status entered up to `to`.
 */
export function statusesDuring(
  current: ChildStatus,
  changes: readonly StatusChange[],
  from: string,
  to: string,
): Set<ChildStatus> {
  const before = changes.filter((c) => c.changedOn <= from);
  const atFrom = before.length
    ? before[before.length - 1]!.toStatus
    : (changes[0]?.fromStatus ?? current);
  const held = new Set<ChildStatus>([atFrom]);
  for (const c of changes) if (c.changedOn > from && c.changedOn <= to) held.add(c.toStatus);
  return held;
}

/** Statuses in which a child can be (or is being) proposed: the adoption pool. */
export const poolStatuses: readonly ChildStatus[] = [
  'available',
  'offered',
  'getting_acquainted',
  'pre_adoption_care',
  'best_interests_confirmed',
  'permit_issued',
];

/**
 * Gini coefficient of non-negative counts (0: every adopter got as many offers; towards 1: all
 * went to one). Adopters with no offer count as 0. Null for fewer than two adopters or no offers.
 */
export function gini(counts: readonly number[]): number | null {
  const n = counts.length;
  const total = counts.reduce((s, c) => s + c, 0);
  if (n < 2 || total === 0) return null;
  const sorted = [...counts].sort((a, b) => a - b);
  // G = Σ (2i − n − 1) x_i / (n Σ x), i = 1…n ascending.
  const weighted = sorted.reduce((s, x, i) => s + (2 * (i + 1) - n - 1) * x, 0);
  return weighted / (n * total);
}

/**
 * Share of all offers that went to the top `fraction` of adopters (by offers received; at least
 * one adopter, rounded up). Null when there are no offers.
 */
export function topShare(counts: readonly number[], fraction = 0.1): number | null {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const k = Math.max(1, Math.ceil(counts.length * fraction));
  const top = [...counts].sort((a, b) => b - a).slice(0, k);
  return top.reduce((s, c) => s + c, 0) / total;
}

/** Rounds a share to four decimals (a percentage with two), so answers compare exactly. */
export const roundShare = (x: number | null): number | null =>
  x === null ? null : Math.round(x * 10_000) / 10_000;

/** `asOf` + `days`: the end of the dashboard's "next N days". */
export const within = (asOf: string, days: number) => addDays(asOf, days);
