import fc from 'fast-check';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  randomPerson,
  SURNAME_PAIRS,
  surnameFor,
} from './names';
import { createRng } from './random';

const DIACRITIC = /[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]/;

/** The feminine form by the usual Latvian rules, written independently of the data. */
function expectedFeminine(masculine: string): string {
  const rules: [RegExp, string][] = [
    [/ais$/, 'ā'],
    [/nieks$/, 'niece'],
    [/ons$/, 'one'],
    [/is$/, 'e'],
    [/š$/, 'a'],
    [/s$/, 'a'],
  ];
  for (const [ending, replacement] of rules) {
    if (ending.test(masculine)) return masculine.replace(ending, replacement);
  }
  return masculine; // -a / -e surnames do not change
}
/** German-origin surnames whose feminine form takes -e. */
const FEMININE_IN_E = new Set(['Šmits']);

describe('name lists', () => {
  it('have about 60 given names per sex and 50 surname pairs, without duplicates', () => {
    expect(FEMALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(60);
    expect(MALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(60);
    expect(SURNAME_PAIRS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(FEMALE_GIVEN_NAMES).size).toBe(FEMALE_GIVEN_NAMES.length);
    expect(new Set(MALE_GIVEN_NAMES).size).toBe(MALE_GIVEN_NAMES.length);
    expect(new Set(SURNAME_PAIRS.map(([m]) => m)).size).toBe(SURNAME_PAIRS.length);
    const both = FEMALE_GIVEN_NAMES.filter((n) => MALE_GIVEN_NAMES.includes(n));
    expect(both).toEqual([]);
  });

  it('use full Latvian diacritics (stored in NFC)', () => {
    const all = [...FEMALE_GIVEN_NAMES, ...MALE_GIVEN_NAMES, ...SURNAME_PAIRS.flat()];
    for (const name of all) expect(name).toBe(name.normalize('NFC'));
    for (const name of ['Jānis', 'Mārtiņš', 'Krišjānis', 'Ņikita', 'Kārlis']) {
      expect(MALE_GIVEN_NAMES).toContain(name);
    }
    for (const name of ['Līga', 'Māra', 'Ērika', 'Anna', 'Dace'])
      expect(FEMALE_GIVEN_NAMES).toContain(name);
    const accented = all.filter((n) => DIACRITIC.test(n)).length;
    expect(accented / all.length).toBeGreaterThan(0.4);
  });

  it('pair every masculine surname with its correct feminine form', () => {
    expect(SURNAME_PAIRS).toEqual(
      expect.arrayContaining([
        ['Bērziņš', 'Bērziņa'],
        ['Liepa', 'Liepa'],
        ['Jansons', 'Jansone'],
        ['Eglītis', 'Eglīte'],
        ['Šmits', 'Šmite'],
        ['Ķēniņš', 'Ķēniņa'],
      ]),
    );
    for (const [masculine, feminine] of SURNAME_PAIRS) {
      const expected = FEMININE_IN_E.has(masculine)
        ? masculine.replace(/s$/, 'e')
        : expectedFeminine(masculine);
      expect([masculine, feminine]).toEqual([masculine, expected]);
    }
  });

  it('surnameFor picks the form by sex', () => {
    expect(surnameFor(['Ozols', 'Ozola'], 'M')).toBe('Ozols');
    expect(surnameFor(['Ozols', 'Ozola'], 'F')).toBe('Ozola');
  });
});

describe('randomPerson', () => {
  it('is gender-consistent for any seed and requested sex (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom('F', 'M', undefined), (seed, sex) => {
        const person = randomPerson(createRng(seed), sex as 'F' | 'M' | undefined);
        if (sex !== undefined) expect(person.sex).toBe(sex);
        const given = person.sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
        expect(given).toContain(person.givenName);
        const forms = SURNAME_PAIRS.map((pair) => surnameFor(pair, person.sex));
        expect(forms).toContain(person.surname);
        // A masculine-only form never ends up on a woman and vice versa.
        const wrongForms = SURNAME_PAIRS.filter(([m, f]) => m !== f).map((pair) =>
          surnameFor(pair, person.sex === 'F' ? 'M' : 'F'),
        );
        expect(wrongForms).not.toContain(person.surname);
      }),
      { numRuns: 2000 },
    );
  });

  it('mixes sexes and carries diacritics across a sample, reproducibly', () => {
    const rng = createRng('names');
    const people = Array.from({ length: 500 }, () => randomPerson(rng));
    const women = people.filter((p) => p.sex === 'F').length;
    expect(women).toBeGreaterThan(200);
    expect(women).toBeLessThan(300);
    const withDiacritics = people.filter((p) => DIACRITIC.test(p.givenName + p.surname)).length;
    expect(withDiacritics / people.length).toBeGreaterThan(0.5);
    expect(new Set(people.map((p) => `${p.givenName} ${p.surname}`)).size).toBeGreaterThan(300);
    const again = createRng('names');
    expect(Array.from({ length: 500 }, () => randomPerson(again))).toEqual(people);
  });
});
