import fc from 'fast-check';
import { suppressSmallCells } from './suppression';
import { ageBand } from './age-bands';

describe('small-cell suppression', () => {
  it('publishes large cells and zeros, withholds small ones', () => {
    const { rows, total } = suppressSmallCells(
      [
        { key: 'a', count: 40 },
        { key: 'b', count: 0 },
        { key: 'c', count: 2 },
        { key: 'd', count: 3 },
      ],
      5,
    );
    expect(rows).toEqual([
      { key: 'a', count: 40 },
      { key: 'b', count: 0 },
      { key: 'c', count: null },
      { key: 'd', count: null },
    ]);
    expect(total).toBe(45);
  });

  it('withholds a second cell when one small cell could be found by subtraction', () => {
    const { rows } = suppressSmallCells(
      [
        { key: 'a', count: 40 },
        { key: 'b', count: 9 },
        { key: 'c', count: 1 },
      ],
      5,
    );
    expect(rows.map((r) => r.count)).toEqual([40, null, null]);
  });

  it('withholds a small total', () => {
    expect(suppressSmallCells([{ key: 'a', count: 3 }], 5)).toEqual({
      rows: [{ key: 'a', count: null }],
      total: null,
    });
  });

  it('never lets a withheld count be recovered from the published ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 10 }),
        (counts, threshold) => {
          const cells = counts.map((count, i) => ({ key: `k${i}`, count }));
          const { rows, total } = suppressSmallCells(cells, threshold);
          // Every published count is 0 or at least the threshold.
          for (const r of rows)
            if (r.count !== null) expect(r.count === 0 || r.count >= threshold).toBe(true);
          // With a published total, a single withheld non-zero cell would equal total − the rest.
          const withheld = rows.filter((r) => r.count === null);
          if (total !== null) expect(withheld.length).not.toBe(1);
          // Withheld cells are never published by accident as a sum of one.
          if (total !== null) expect(total).toBe(counts.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe('age bands', () => {
  it.each([
    [0, '0-2'],
    [2, '0-2'],
    [3, '3-6'],
    [9, '7-9'],
    [10, '10-13'],
    [17, '14-17'],
    [18, '18+'],
  ])('%i years → %s', (years, band) => expect(ageBand(years)).toBe(band));
});
