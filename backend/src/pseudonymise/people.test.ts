import { rigaToday } from '@adoption/model';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAME_PAIRS } from '../latvian/names';
import { generatePersonalCode, isNewFormat, validatePersonalCode } from '../latvian/personal-code';
import { createRng } from '../latvian/random';
import { personPseudonym, placeholderText, pseudonymKey, renumber, Derive, hmac } from './keyed';
import { emptyNeedles, findInText, namePairs, type Needles } from './needles';
import { guessSex, Pseudonymiser, surnameStem } from './people';

// The keyed pseudonyms and the synthetic values derived from them, without a database.

const KEY = pseudonymKey('test-pseudonym-key-test-pseudonym-key-1');
const OTHER = pseudonymKey('test-pseudonym-key-test-pseudonym-key-2');
const fresh = (key = KEY, needles: Needles = emptyNeedles()) => new Pseudonymiser(key, needles);
const femaleSurnames = new Set(SURNAME_PAIRS.map((p) => p[1]));
const maleSurnames = new Set(SURNAME_PAIRS.map((p) => p[0]));

describe('keyed pseudonyms', () => {
  it('refuses a missing or short key', () => {
    expect(() => pseudonymKey(undefined)).toThrow(/PSEUDONYM_KEY .* at least 32/);
    expect(() => pseudonymKey('short')).toThrow(/at least 32/);
  });

  it('gives the same person the same pseudonym and values under one key, others under another', () => {
    expect(personPseudonym(KEY, 'pc:15038512345')).toBe(personPseudonym(KEY, 'pc:15038512345'));
    expect(personPseudonym(KEY, 'pc:15038512345')).not.toBe(
      personPseudonym(OTHER, 'pc:15038512345'),
    );
    expect(personPseudonym(KEY, 'pc:15038512345')).toMatch(/^[0-9a-f]{64}$/);
    const values = (key: Buffer) => {
      const person = fresh(key).person('pc:150385-12346');
      return [
        person.name('Anna', 'Bērziņa', 'F'),
        person.birthDate('1985-03-15'),
        person.personalCode('15038512346'),
        person.address('Brīvības iela 1, Rīga, LV-1010'),
        person.phone('+371 29123456'),
      ];
    };
    expect(values(KEY)).toEqual(values(KEY));
    expect(values(OTHER)).not.toEqual(values(KEY));
  });

  it('derives names with diacritics of the right sex, as many given names as the original', () => {
    const p = fresh();
    for (let i = 0; i < 200; i++) {
      const girl = p.person(`children:${i}`).name('Anna Marija', 'Ozola', 'F');
      expect(girl.givenNames.split(' ')).toHaveLength(2);
      girl.givenNames.split(' ').forEach((g) => expect(FEMALE_GIVEN_NAMES).toContain(g));
      expect(femaleSurnames.has(girl.surname)).toBe(true);
      const boy = p.person(`boys:${i}`).name('Jānis', 'Ozols', 'M');
      expect(MALE_GIVEN_NAMES).toContain(boy.givenNames);
      expect(maleSurnames.has(boy.surname)).toBe(true);
    }
  });

  it('keeps a family surname shared: brothers, sisters and their mother', () => {
    const p = fresh();
    const sister = p.person('pc:a').name('Līga', 'Bērziņa', 'F', 'group:7');
    const brother = p.person('pc:b').name('Kārlis', 'Bērziņš', 'M', 'group:7');
    const mother = p.person('relative:x').name('Ilze', 'Bērziņa', 'F', 'group:7');
    const pair = SURNAME_PAIRS.find((s) => s[1] === sister.surname)!;
    expect(brother.surname).toBe(pair[0]);
    expect(mother.surname).toBe(sister.surname);
    expect(surnameStem('Bērziņš')).toBe(surnameStem('Bērziņa'));
    expect(surnameStem('Jansons')).toBe(surnameStem('Jansone'));
  });

  it('never produces a name pair some real person has', () => {
    const needles = emptyNeedles();
    // Every female given name with every female surname is "real": only the second form is left.
    for (const g of FEMALE_GIVEN_NAMES) {
      for (const [, f] of SURNAME_PAIRS.slice(0, 50))
        namePairs(g, f).forEach((n) => needles.pairs.add(n));
    }
    const p = fresh(KEY, needles);
    for (let i = 0; i < 50; i++) {
      const name = p.person(`x:${i}`).name('Anna', 'Liepa', 'F');
      expect(namePairs(name.givenNames, name.surname).some((n) => needles.pairs.has(n))).toBe(
        false,
      );
    }
  });

  it('keeps year and month of a birth date, moves the day, never past the care decision or today', () => {
    const p = fresh();
    for (let i = 0; i < 100; i++) {
      const shifted = p.person(`c:${i}`).birthDate('2015-02-14');
      expect(shifted.slice(0, 7)).toBe('2015-02');
      expect(shifted).not.toBe('2015-02-14');
      expect(Number(shifted.slice(8))).toBeLessThanOrEqual(28);
      const bounded = p.person(`d:${i}`).birthDate('2020-05-20', '2020-05-22');
      expect(bounded <= '2020-05-22').toBe(true);
    }
    const today = rigaToday();
    const newborn = p.person('n').birthDate(`${today.slice(0, 7)}-01`);
    expect(newborn <= today || today.endsWith('-01')).toBe(true);
  });

  it('gives valid personal codes that encode the shifted birth date, never a real code', () => {
    const needles = emptyNeedles();
    needles.codes.add('15038512346');
    const p = fresh(KEY, needles);
    const person = p.person('pc:15038512346');
    const birth = person.birthDate('1985-03-15');
    const code = person.personalCode('15038512346');
    expect(validatePersonalCode(code, { birthDate: birth })).toMatchObject({
      ok: true,
      format: 'old',
    });
    expect(code).not.toBe('15038512346');
    expect(person.personalCode('150385-12346')).toBe(`${code.slice(0, 6)}-${code.slice(6)}`);
    // New-format codes stay new-format; every code is unique across people.
    const rng = createRng('originals');
    const codes = new Set<string>();
    const originals = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const original = generatePersonalCode(
        rng,
        i % 3 ? rng.date('2005-01-01', '2005-01-31') : undefined,
      );
      const c = p.person(`pc:${original}`).personalCode(original);
      expect(validatePersonalCode(c).ok).toBe(true);
      expect(isNewFormat(c)).toBe(isNewFormat(original));
      codes.add(c);
      originals.add(original);
    }
    // One synthetic code per person: as many as there were real ones.
    expect(codes.size).toBe(originals.size);
  });

  it('makes contacts that can never reach anyone and are not real ones', () => {
    const needles = emptyNeedles();
    const p = fresh(KEY, needles);
    const person = p.person('pc:1');
    const name = person.name('Ērika', 'Šmite', 'F');
    expect(person.email('erika@example.lv', name)).toMatch(
      /^[a-z]+\.[a-z]+\d{2}@example\.invalid$/,
    );
    const phone = person.phone('+371 29123456');
    expect(phone).toMatch(/^\+371 2\d{7}$/);
    expect(phone).not.toBe('+371 29123456');
    expect(person.address('Skolas iela 5, Cēsis, LV-4101')).toMatch(/^.+ \d+, .+, LV-\d{4}$/);
    expect(person.address('12 rue des Lilas, 69003 Lyon, France')).not.toMatch(/LV-/);
    expect(person.address('Ventspils')).toMatch(/^\p{L}+$/u);
  });

  it('sex from a given name, for adopters and users', () => {
    expect(guessSex('Anna Marija')).toBe('F');
    expect(guessSex('Jānis')).toBe('M');
    expect(guessSex('Undīne')).toBe('F');
    expect(guessSex('Ojārs')).toBe('M');
  });
});

describe('replaced text and numbers', () => {
  it('replaces free text by neutral text of the same length', () => {
    for (const original of [
      'x',
      'Astma.',
      'Māte Anna Bērziņa, 150385-12346, tālr. 29123456. '.repeat(20),
    ]) {
      const out = placeholderText(new Derive(hmac(KEY, original)), original);
      expect([...out]).toHaveLength([...original].length);
      expect(out).not.toMatch(/Bērziņa|150385|29123456/);
    }
  });

  it('renumbers documents keeping their shape, the same number the same way', () => {
    const n = renumber(KEY, 'BT-2025/21');
    expect(n).toMatch(/^BT-\d{4}\/\d{2}$/);
    expect(n).not.toBe('BT-2025/21');
    expect(renumber(KEY, 'BT-2025/21')).toBe(n);
    expect(renumber(OTHER, 'BT-2025/21')).not.toBe(n);
  });
});

describe('finding PROD data in text', () => {
  const needles = emptyNeedles();
  needles.codes.add('15038512346');
  needles.emails.add('anna@example.lv');
  needles.phones.add('29123456');
  namePairs('Anna', 'Bērziņa').forEach((p) => needles.pairs.add(p));

  it.each([
    ['Kods 150385-12346.', 'personal code'],
    ['kods 15038512346', 'personal code'],
    ['raksta uz ANNA@example.lv', 'e-mail'],
    ['zvanīt +371 29 123 456', 'phone'],
    ['tālr. 0037129123456', 'phone'],
    ['māte Anna Bērziņa', 'name'],
    ['berzina anna', 'name'],
  ])('finds %p', (text, kind) => {
    expect(findInText(text, needles)).toContain(kind);
  });

  it.each(['150385123460', 'Anna Ozola, Līga Bērziņa', 'anna@example.lv.lv', '+371 29123457'])(
    'does not mistake %p',
    (text) => {
      expect(findInText(text, needles)).toEqual([]);
    },
  );
});
