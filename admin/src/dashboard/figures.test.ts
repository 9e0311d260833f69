import {
  columnCells,
  countText,
  daysUntil,
  medianChartRows,
  monthsOf,
  monthsText,
  ratioText,
  shareText,
} from './figures';

describe('dashboard figures in the console', () => {
  it('tells medians in months with one decimal', () => {
    expect(monthsOf(null)).toBeNull();
    expect(monthsOf(365.25)).toBe(12);
    expect(monthsOf(45)).toBe(1.5);
    expect(monthsText(45)).toBe('1,5');
    expect(monthsText(null)).toBe('—');
  });

  it('writes withheld counts as "<threshold" and withheld shares and medians as "—"', () => {
    expect(countText(null, 5)).toBe('<5');
    expect(countText(0, 5)).toBe('0');
    expect(countText(12, 5)).toBe('12');
    expect(shareText(null)).toBe('—');
    expect(shareText(0.5789)).toMatch(/^57,9\s?%$/);
    expect(ratioText(0.31)).toBe('0,31');
    expect(ratioText(null)).toBe('—');
  });

  it('reads a column withheld in two cells as "—" (one may be large), else as "<threshold"', () => {
    expect(columnCells([40, null, null, 0], 5)).toEqual(['40', '—', '—', '0']);
    expect(columnCells([40, null, null, null], 5)).toEqual(['40', '<5', '<5', '<5']);
    expect(columnCells([40, 30], 5)).toEqual(['40', '30']);
  });

  it('turns the medians by age band into chart rows', () => {
    expect(
      medianChartRows([
        {
          band: '0-2',
          toFirstOffer: { n: 2, medianDays: 61 },
          toAdoption: { n: 0, medianDays: null },
        },
      ]),
    ).toEqual([{ band: '0-2', toFirstOffer: 2, toAdoption: null, nFirstOffer: 2, nAdoption: 0 }]);
  });

  it('counts days to a date', () => {
    expect(daysUntil('2035-06-15', '2035-06-20')).toBe(5);
    expect(daysUntil('2035-06-15', '2035-06-10')).toBe(-5);
  });
});
