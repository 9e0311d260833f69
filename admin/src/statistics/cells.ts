/** `GET /api/statistics/children?by=…` (backend/src/statistics/routes.ts). */
export interface ChildStatistics {
  dimension: string;
  referenceDate: string;
  threshold: number;
  /** null: withheld (fewer children than the threshold in all). */
  total: number | null;
  rows: { key: string; count: number | null }[];
}

export const dimensions = ['status', 'sex', 'ageBand', 'careForm', 'nationalityKind'] as const;
export type Dimension = (typeof dimensions)[number];

export const isDimension = (value: unknown): value is Dimension =>
  dimensions.includes(value as Dimension);

/**
 * How a count reads. `small`: withheld because it is below the threshold ("< 5"). `protected`:
 * withheld, but it may be the second cell the API hides so that a single small cell cannot be
 * worked out from the total; it can be any size, so it is not written as "< 5".
 */
export type CellKind = 'shown' | 'small' | 'protected';

export interface Cell {
  kind: CellKind;
  /** The number, "< 5", or '' for a protected cell (the page writes "withheld"). */
  text: string;
}

const number = new Intl.NumberFormat('lv-LV', { useGrouping: true });

/**
 * The API withholds every count from 1 to threshold−1, and when that leaves exactly one withheld
 * cell beside a published total, also the smallest other non-zero one. So only two withheld cells
 * with a published total can include a larger count; otherwise every withheld cell is small.
 */
export function presentCells(answer: ChildStatistics): {
  rows: (Cell & { key: string })[];
  total: Cell;
} {
  const withheld = answer.rows.filter((r) => r.count === null).length;
  const ambiguous = withheld === 2 && answer.total !== null;
  const below = `< ${answer.threshold}`;
  const cell = (count: number | null, mayBeLarge: boolean): Cell =>
    count !== null
      ? { kind: 'shown', text: number.format(count) }
      : mayBeLarge
        ? { kind: 'protected', text: '' }
        : { kind: 'small', text: below };
  return {
    rows: answer.rows.map((r) => ({ key: r.key, ...cell(r.count, ambiguous) })),
    total: cell(answer.total, false),
  };
}
