import {
  addMonths,
  ageOn,
  completedMonths,
  downloadName,
  exportColumns,
  exportQuery,
  monthsOn,
} from './listValues';

describe('ages and waiting times', () => {
  it.each([
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-11-24', 2, '2027-01-24'],
  ])('%s %i months → %s', (iso, months, expected) => expect(addMonths(iso, months)).toBe(expected));

  it('counts completed years as the API does (29 February is a year older on 1 March)', () => {
    expect(ageOn('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageOn('2020-02-29', '2027-03-01')).toBe(7);
    expect(ageOn('2019-11-24', '2026-11-24')).toBe(7);
    expect(ageOn('2019-11-25', '2026-11-24')).toBe(6);
    expect(ageOn('2026-11-24', '2026-11-24')).toBe(0);
  });

  it('counts completed months', () => {
    expect(completedMonths('2026-01-31', '2026-02-28')).toBe(0);
    expect(completedMonths('2026-01-28', '2026-02-28')).toBe(1);
    expect(monthsOn('2025-05-24', '2026-11-24')).toBe(18);
    expect(monthsOn('2025-05-25', '2026-11-24')).toBe(17);
  });

  it('leaves a missing or hidden date blank', () => {
    expect(ageOn(undefined, '2026-11-24')).toBeUndefined();
    expect(monthsOn(null, '2026-11-24')).toBeUndefined();
    expect(ageOn('24.11.2019', '2026-11-24')).toBeUndefined();
  });
});

describe('export columns from the column chooser', () => {
  const available = [
    { index: '0', source: 'surname' },
    { index: '1', source: 'spouse', label: 'resources.adopters.fields.spouse' },
    { index: '2', source: 'birthDate' },
    { index: '3', source: 'countryId' },
    { index: '4', label: 'Unlabeled column #4' },
  ];
  const aliases = { spouse: ['spouseSurname', 'spouseGivenNames'] };

  it('by default every column but the omitted ones, aliases expanded', () => {
    expect(exportColumns(available, undefined, ['countryId'], aliases)).toEqual([
      'surname',
      'spouseSurname',
      'spouseGivenNames',
      'birthDate',
    ]);
  });

  it("after a choice, the chosen columns in the chooser's order", () => {
    expect(exportColumns(available, ['2', '0', '4'], ['countryId'], aliases)).toEqual([
      'birthDate',
      'surname',
    ]);
  });
});

describe('the export request', () => {
  it('carries format, language, filter, sort and columns', () => {
    const params = new URLSearchParams(
      exportQuery({
        format: 'xlsx',
        lang: 'en',
        filter: { ageBand: ['3-6'], clearedAbroad: true },
        sort: { field: 'surname', order: 'DESC' },
        columns: ['surname', 'age'],
      }),
    );
    expect(Object.fromEntries(params)).toEqual({
      format: 'xlsx',
      lang: 'en',
      filter: '{"ageBand":["3-6"],"clearedAbroad":true}',
      sort: '["surname","DESC"]',
      columns: '["surname","age"]',
    });
  });

  it('falls back to Latvian and leaves out an empty column list', () => {
    const params = new URLSearchParams(
      exportQuery({ format: 'csv', lang: 'de', filter: undefined, sort: undefined, columns: [] }),
    );
    expect(Object.fromEntries(params)).toEqual({ format: 'csv', lang: 'lv', filter: '{}' });
  });

  it("saves under the API's file name, else <resource>-<date>.<format>", () => {
    expect(
      downloadName(
        'attachment; filename="berni-2026-11-24.xlsx"',
        'children',
        'xlsx',
        '2026-11-25',
      ),
    ).toBe('berni-2026-11-24.xlsx');
    expect(downloadName(null, 'children', 'csv', '2026-11-24')).toBe('children-2026-11-24.csv');
    expect(downloadName('attachment; filename="../x.csv"', 'adopters', 'csv', '2026-11-24')).toBe(
      'adopters-2026-11-24.csv',
    );
  });
});
