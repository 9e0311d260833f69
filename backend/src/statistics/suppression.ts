/**
 * Small-cell suppression for statistics without personal data: a count of 1…threshold−1 could
 * point at one identifiable child, so it is withheld (primary suppression). When exactly one
 * cell is withheld and the total is published, the cell could be found by subtraction, so the
 * smallest other non-zero cell is withheld too (secondary suppression). A total below the
 * threshold is withheld itself. Zero is published: "no child in this category" names nobody.
 */
export interface Cell {
  key: string;
  count: number;
}
export interface PublishedCell {
  key: string;
  /** null: withheld. */
  count: number | null;
}

export function suppressSmallCells(
  cells: readonly Cell[],
  threshold: number,
): { rows: PublishedCell[]; total: number | null } {
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const small = (n: number) => n > 0 && n < threshold;
  const withheld = new Set(cells.filter((c) => small(c.count)).map((c) => c.key));
  if (withheld.size === 1 && total >= threshold) {
    const next = cells
      .filter((c) => c.count > 0 && !withheld.has(c.key))
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) withheld.add(next.key);
  }
  return {
    rows: cells.map((c) => ({ key: c.key, count: withheld.has(c.key) ? null : c.count })),
    total: small(total) ? null : total,
  };
}
