/**
 * The answers of `GET /api/dashboard` and `GET /api/reports/fairness` (backend/src/dashboard/)
 * and how their figures read: months from days, shares as percentages, withheld cells.
 */
export interface PersonRef {
  id: number;
  name: string;
}
export interface OfferItem {
  offerId: number;
  adopter: PersonRef | null;
  children: PersonRef[];
  sentOn: string | null;
  answerBy: string | null;
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
export interface Duration {
  n: number | null;
  medianDays: number | null;
}
export interface DashboardAnswer {
  asOf: string;
  deadlineDays: number;
  awaitingAnswer: OfferItem[];
  deadlinesSoon: DeadlineItem[];
  overdue: DeadlineItem[];
  childrenWaitingLongest: {
    id: number;
    name: string;
    birthDate: string;
    age: number;
    ageBand: string;
    siblingGroupId: number | null;
    waitingSince: string;
    waitingMonths: number;
  }[];
  adoptersWaitingLongest: {
    id: number;
    name: string;
    origin: string;
    enteredOn: string;
    waitingMonths: number;
  }[];
  mediansByAgeBand: { band: string; toFirstOffer: Duration; toAdoption: Duration }[];
}

export interface FairnessRow {
  key: string;
  children: number | null;
  proposed: number | null;
  proposedShare: number | null;
  medianWaitingDays: number | null;
}
export interface FairnessAnswer {
  from: string;
  to: string;
  threshold: number;
  children: number | null;
  dimensions: { dimension: string; rows: FairnessRow[] }[];
  concentration: {
    measure: 'gini';
    adopters: number;
    offers: number | null;
    adoptersWithOffer: number | null;
    top10PercentShare: number | null;
    gini: number | null;
  };
  outcomes: {
    toFirstOffer: Duration;
    toAdoption: Duration;
    offersSent: number | null;
    declined: number | null;
    declinedShare: number | null;
    expired: number | null;
    expiredShare: number | null;
  };
}

/** Average days in a month (365.25 / 12): medians are told in months with one decimal. */
export const DAYS_PER_MONTH = 30.4375;

export const monthsOf = (days: number | null): number | null =>
  days === null ? null : Math.round((days / DAYS_PER_MONTH) * 10) / 10;

const decimal = new Intl.NumberFormat('lv-LV', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('lv-LV', { style: 'percent', maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat('lv-LV', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * How a figure of the fairness report reads. A withheld count (null) is "< threshold" when it
 * stands for a small count; a median or share beside a withheld count, or with nothing to compute,
 * is "—". The page's legend explains both.
 */
export const countText = (n: number | null, threshold: number): string =>
  n === null ? `<${threshold}` : decimal.format(n);
/**
 * A column of counts of one dimension. The API withholds every count from 1 to threshold−1 and,
 * when that leaves exactly one withheld cell, the smallest other non-zero one too (so the small
 * one cannot be found by subtraction). So when exactly two cells are withheld one of them may be
 * large: both read "—"; otherwise every withheld cell is small and reads "<threshold".
 */
export const columnCells = (counts: (number | null)[], threshold: number): string[] => {
  const withheld = counts.filter((n) => n === null).length;
  return counts.map((n) =>
    n !== null ? countText(n, threshold) : withheld === 2 ? '—' : `<${threshold}`,
  );
};
export const monthsText = (days: number | null): string => {
  const m = monthsOf(days);
  return m === null ? '—' : decimal.format(m);
};
export const shareText = (share: number | null): string =>
  share === null ? '—' : percent.format(share);
export const ratioText = (x: number | null): string => (x === null ? '—' : ratio.format(x));

/** The medians as chart rows: months, null (no bar) where there is nothing to show. */
export const medianChartRows = (bands: DashboardAnswer['mediansByAgeBand']) =>
  bands.map((b) => ({
    band: b.band,
    toFirstOffer: monthsOf(b.toFirstOffer.medianDays),
    toAdoption: monthsOf(b.toAdoption.medianDays),
    nFirstOffer: b.toFirstOffer.n ?? 0,
    nAdoption: b.toAdoption.n ?? 0,
  }));

/** Days from `asOf` to `date` (negative: past). */
export const daysUntil = (asOf: string, date: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
