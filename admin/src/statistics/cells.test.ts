import { isDimension, presentCells, type ChildStatistics } from './cells';

const answer = (rows: [string, number | null][], total: number | null): ChildStatistics => ({
  dimension: 'status',
  referenceDate: '2025-06-01',
  threshold: 5,
  total,
  rows: rows.map(([key, count]) => ({ key, count })),
});

describe('statistics cells', () => {
  it('prints counts, zero included, and small withheld counts as "< threshold"', () => {
    const { rows, total } = presentCells(
      answer(
        [
          ['available', 50],
          ['offered', null],
          ['adopted', null],
          ['suspended', null],
          ['withdrawn', 0],
        ],
        120,
      ),
    );
    expect(rows).toEqual([
      { key: 'available', kind: 'shown', text: '50' },
      { key: 'offered', kind: 'small', text: '< 5' },
      { key: 'adopted', kind: 'small', text: '< 5' },
      { key: 'suspended', kind: 'small', text: '< 5' },
      { key: 'withdrawn', kind: 'shown', text: '0' },
    ]);
    expect(total).toEqual({ kind: 'shown', text: '120' });
  });

  it('does not call a cell small when it may be the one hidden to protect another', () => {
    const { rows } = presentCells(
      answer(
        [
          ['female', null],
          ['male', null],
        ],
        40,
      ),
    );
    expect(rows.map((r) => r.kind)).toEqual(['protected', 'protected']);
    expect(rows.map((r) => r.text)).toEqual(['', '']);
  });

  it('withholds a small total as "< threshold" (then no cell protects another)', () => {
    const { rows, total } = presentCells(
      answer(
        [
          ['female', null],
          ['male', null],
        ],
        null,
      ),
    );
    expect(rows.map((r) => r.text)).toEqual(['< 5', '< 5']);
    expect(total).toEqual({ kind: 'small', text: '< 5' });
  });

  it('knows the dimensions the API offers', () => {
    expect(isDimension('ageBand')).toBe(true);
    expect(isDimension('religion')).toBe(false);
    expect(isDimension(undefined)).toBe(false);
  });
});
