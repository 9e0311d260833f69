import { enumLabel, enumLabels, enumMessages, fileLabel } from './labels';

describe('labels', () => {
  it('labels every value in Latvian and English', () => {
    for (const labels of Object.values(enumLabels))
      for (const label of Object.values(labels)) {
        expect(label.lv.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
  });

  it('gives the console its app.enums messages', () => {
    expect(enumMessages('lv').child_status.available).toBe('Var piedāvāt adopcijai');
    expect(enumMessages('en').role.orphan_court).toBe('Orphan court');
    expect(Object.keys(enumMessages('en'))).toEqual(Object.keys(enumLabels));
  });

  it('leaves an unknown value (a newer code) as it is', () => {
    expect(enumLabel('child_status', 'archived', 'lv')).toBe('archived');
    expect(fileLabel('sex', 'other', 'en')).toBe('other');
  });

  it('words a file as the screen does, shorter where a cell needs it, lower case inside a list', () => {
    expect(fileLabel('child_status', 'available', 'lv')).toBe('Var piedāvāt adopcijai');
    expect(fileLabel('consent', 'given', 'lv')).toBe('Piekrīt');
    expect(fileLabel('relative_kind', 'mother', 'lv')).toBe('māte');
    expect(fileLabel('relative_kind', 'half_sister', 'en')).toBe('half-sister');
    expect(fileLabel('health_acceptance', 'chronic_illness', 'lv')).toBe('hroniska slimība');
    expect(fileLabel('wished_sex', 'any', 'en')).toBe('Either');
  });
});
