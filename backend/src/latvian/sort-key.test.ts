import fc from 'fast-check';
import { latvianSortKey } from './sort-key';
import { DIGIT_ORDER, LETTER_ORDER, MARK_ORDER, VARIABLE_ORDER } from './sort-key-table';

// The oracle. If a Node upgrade changes Latvian collation these tests fail on purpose: stored
// keys would then have to be recomputed (bump LATVIAN_SORT_KEY_VERSION).
const collator = new Intl.Collator('lv');
const byLevel = {
  P: new Intl.Collator('lv', { sensitivity: 'base' }),
  S: new Intl.Collator('lv', { sensitivity: 'accent' }),
  T: new Intl.Collator('lv', { sensitivity: 'variant' }),
};
/** The first level at which ICU tells a and b apart, or '=' if it does not. */
function icuLevel(a: string, b: string): 'P' | 'S' | 'T' | '=' {
  if (byLevel.P.compare(a, b) !== 0) return 'P';
  if (byLevel.S.compare(a, b) !== 0) return 'S';
  return byLevel.T.compare(a, b) !== 0 ? 'T' : '=';
}

/** Code-point order, which is what COLLATE "C" gives on UTF-8 text. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return x.length - y.length;
}
const byKey = (a: string, b: string): number =>
  compareCodePoints(latvianSortKey(a), latvianSortKey(b));
const sortByKey = (words: readonly string[]): string[] => [...words].sort(byKey);

/** Asserts the key agrees with ICU on the pair; ICU-equal pairs may get any order. */
function agreesWithIcu(a: string, b: string): boolean {
  const icu = Math.sign(collator.compare(a, b));
  return icu === 0 || Math.sign(byKey(a, b)) === icu;
}

// ICU with normalisation off (the `lv` default) is not canonically closed for text that is not
// in FCD form: it sorts "ñ" + U+0327 apart from its canonical equivalent "ņ" + U+0303. The key
// normalises, so properties whose strings may be non-FCD feed ICU the NFD form, which is always
// FCD and which ICU handles exactly.
function agreesWithIcuOnNfd(a: string, b: string): boolean {
  return (
    agreesWithIcu(a.normalize('NFD'), b.normalize('NFD')) &&
    Math.sign(byKey(a, b)) === Math.sign(byKey(a.normalize('NFD'), b.normalize('NFD')))
  );
}

describe('the collation tables match Node ICU', () => {
  const steps = [...VARIABLE_ORDER, ...DIGIT_ORDER, ...LETTER_ORDER];
  it.each(steps.slice(1).map((step, i) => [steps[i]?.[1] ?? '', step[1], step[0]] as const))(
    '%j then %j differ at level %s',
    (previous, chars, level) => {
      const [first = ''] = [...chars];
      const [last = ''] = [...previous].slice(-1);
      expect(icuLevel(last, first)).toBe(level);
      if (level !== '=') expect(collator.compare(last, first)).toBeLessThan(0);
      for (const c of chars) expect(icuLevel(first, c)).toBe('=');
    },
  );

  it('orders the combining marks as ICU weighs accents', () => {
    for (const [i, group] of MARK_ORDER.entries()) {
      const [first = ''] = [...group];
      for (const mark of group) expect(icuLevel('b' + first, 'b' + mark)).toBe('=');
      const next = MARK_ORDER[i + 1];
      if (next !== undefined) {
        expect(icuLevel('b' + first, 'b' + next.charAt(0))).toBe('S');
        expect(collator.compare('b' + first, 'b' + next.charAt(0))).toBeLessThan(0);
      }
    }
  });
});

describe('latvianSortKey, known orders', () => {
  it('sorts Latvian letters after their base letters (ICU lv: long vowels are letters too)', () => {
    const expected = ['Abele', 'Ābele', 'Cīrulis', 'Čaks', 'Kalniņš', 'Ķēniņš', 'Zariņš', 'Žagata'];
    expect(sortByKey([...expected].reverse())).toEqual(expected);
    expect([...expected].reverse().sort(collator.compare)).toEqual(expected);
  });

  it('puts y between i and j (and ī after y)', () => {
    const expected = ['Ieva', 'Ilze', 'Yvonne', 'Īle', 'Jānis', 'Juris'];
    expect(sortByKey(['Juris', 'Jānis', 'Yvonne', 'Īle', 'Ilze', 'Ieva'])).toEqual(expected);
    expect(['Juris', 'Jānis', 'Yvonne', 'Īle', 'Ilze', 'Ieva'].sort(collator.compare)).toEqual(
      expected,
    );
  });

  it('orders the tailored consonants after their bases', () => {
    const pairs = [
      ['cz', 'č'],
      ['gz', 'ģ'],
      ['kz', 'ķ'],
      ['lz', 'ļ'],
      ['nz', 'ņ'],
      ['rz', 'ŗ'],
      ['sz', 'š'],
      ['zz', 'ž'],
      ['oz', 'ō'],
      ['uz', 'ū'],
    ];
    for (const [a = '', b = ''] of pairs) {
      expect(byKey(a, b)).toBeLessThan(0);
      expect(collator.compare(a, b)).toBeLessThan(0);
    }
  });

  it('puts lowercase before uppercase only when nothing else differs', () => {
    expect(byKey('ogre', 'Ogre')).toBeLessThan(0);
    expect(byKey('Ogre', 'ogres')).toBeLessThan(0);
    expect(byKey('ābele', 'Ābele')).toBeLessThan(0);
    expect(byKey('Ābele', 'ābeles')).toBeLessThan(0);
    expect(sortByKey(['OGRE', 'Ogre', 'ogre', 'oGre'])).toEqual(['ogre', 'oGre', 'Ogre', 'OGRE']);
  });

  it('sorts spaces and hyphens before letters and digits, as ICU does', () => {
    const expected = ['Anna Marija', 'Anna-Marija', 'Anna1', 'Annamarija', 'Annas'];
    expect(sortByKey([...expected].reverse())).toEqual(expected);
    expect([...expected].reverse().sort(collator.compare)).toEqual(expected);
    expect(sortByKey(['Ozols-Liepa', 'Ozols Liepa', 'Ozoliņa', 'Ozols'])).toEqual([
      'Ozoliņa',
      'Ozols',
      'Ozols Liepa',
      'Ozols-Liepa',
    ]);
  });

  it('compares digits one by one (no numeric collation)', () => {
    expect(sortByKey(['10', '2', '1', '1. maijs', '01'])).toEqual([
      '01',
      '1',
      '1. maijs',
      '10',
      '2',
    ]);
  });

  it('orders accents on foreign letters at the secondary level', () => {
    const expected = ['Muller', 'Müller', 'Mullers'];
    expect(sortByKey([...expected].reverse())).toEqual(expected);
    expect(byKey('Öster', 'Oster')).toBeGreaterThan(0);
    expect(byKey('Öster', 'Ōster')).toBeLessThan(0); // ō is a letter of its own in lv
  });

  it('gives canonically equivalent strings the same key and the empty string the lowest', () => {
    expect(latvianSortKey('Be\u0304rzin\u0327s\u030c')).toBe(latvianSortKey('Bērziņš'));
    expect(latvianSortKey('A\u0301')).toBe(latvianSortKey('Á'));
    expect(latvianSortKey('a\u034fb\u00ad\u200d')).toBe(latvianSortKey('ab'));
    expect(latvianSortKey('Ж\ufe0f')).toBe(latvianSortKey('Ж'));
    expect(byKey('', 'a')).toBeLessThan(0);
    expect(byKey('', ' ')).toBeLessThan(0);
  });

  it('sorts other scripts after Latin letters, stably by code point', () => {
    expect(sortByKey(['Жанна', 'Žanna', 'Иван', 'Anna'])).toEqual([
      'Anna',
      'Žanna',
      'Жанна',
      'Иван',
    ]);
    expect(byKey('жанна', 'Жанна')).toBeLessThan(0);
  });
});

describe('latvianSortKey, shape of the key', () => {
  const latvian = fc.array(fc.constantFrom(...'aābcčdeēfgģhiījkķlļmnņoprsštuūvzžAĀŠŽ -0'), {
    maxLength: 40,
  });

  it('is printable ASCII only: no NUL, nothing PostgreSQL text could reject', () => {
    const anything = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(anything, (s) => {
        expect(latvianSortKey(s)).toMatch(/^[\x21-\x7e]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays short for names: at most about twice the length', () => {
    fc.assert(
      fc.property(latvian, (chars) => {
        expect(latvianSortKey(chars.join('')).length).toBeLessThanOrEqual(2 * chars.length + 2);
      }),
    );
    expect(latvianSortKey('Bērziņš').length).toBeLessThanOrEqual(12);
  });

  it('is deterministic', () => {
    expect(latvianSortKey('Krišjānis Ķēniņš')).toBe(latvianSortKey('Krišjānis Ķēniņš'));
  });
});

describe('latvianSortKey agrees with Intl.Collator("lv") (property)', () => {
  const stringOf = (alphabet: readonly string[], maxLength: number) =>
    fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));

  it('on the Latvian alphabet in both cases plus space, hyphen and digits', () => {
    const letters = [...'aābcčdeēfgģhiījkķlļmnņoprsštuūvzž'];
    const alphabet = [
      ...letters,
      ...letters.map((l) => l.toUpperCase()),
      ' ',
      '-',
      ...'0123456789',
    ];
    const word = stringOf(alphabet, 12);
    fc.assert(fc.property(word, word, agreesWithIcu), { numRuns: 20_000 });
  });

  it('on near-equal strings, where accents and case decide (small alphabet, many ties)', () => {
    const alphabet = [...'aAāĀáÁäoOōŌöøØ -', 'e', 'E', 'ē', 'é'];
    const word = stringOf(alphabet, 6);
    fc.assert(fc.property(word, word, agreesWithIcu), { numRuns: 20_000 });
  });

  it('on near-equal strings with stacked marks and look-alike letters', () => {
    const alphabet = [
      'a',
      'ā',
      'ą',
      'a\u0328\u0304',
      'ǟ',
      'Ǭ',
      'ō',
      'n',
      'Ņ',
      'ņ',
      'ñ',
      'n\u0326',
      'd',
      'đ',
      'ð',
      'D',
    ];
    const marks = ['\u0301', '\u0304', '\u0327', '\u0328', '\u0332', '\u0335'];
    const word = stringOf(
      [...alphabet, ...marks, 'ß', 's', 'S', 'æ', 'e', ' ', '\u00a0', "'", '’', '‚'],
      6,
    );
    fc.assert(fc.property(word, word, agreesWithIcuOnNfd), { numRuns: 20_000 });
  });

  it('on wider text: foreign accents, loose combining marks, punctuation variants, other scripts', () => {
    const alphabet = [
      ...'aābcčdeēfgģhiīyjkķlļmnņoōpqrŗsštuūvwxzžAĀCČGĢIĪYKĶNŅSŠZŽ 0123456789',
      ...'-–—_.,\'’‘"“”„«»()/&#\u00a0\u3000\u2009\t\n',
      ...'áàâäãåçéèêëíìîïñóòôöõúùûüýÿÁÖÜÉőűăęąśźżćńłŁøØđßæœðŧħжЖйёЁ',
      ...'\u0301\u0304\u0327\u030c\u0328\u0332\u0361\u00ad\u200d\u0001',
    ];
    const word = stringOf(alphabet, 8);
    fc.assert(fc.property(word, word, agreesWithIcuOnNfd), { numRuns: 20_000 });
  });

  it('keeps sorted lists of generated Latvian names in ICU order', () => {
    const names = [
      'Bērziņš',
      'Bērziņa',
      'Berzins',
      'Kalniņš',
      'Kalniņa',
      'Ozols',
      'Ozola',
      'Ozoliņš',
      'Liepa',
    ];
    const given = ['Jānis', 'Anna', 'Ērika', 'Ņikita', 'Krišjānis', 'Līga', 'Ilze', 'Yvonne'];
    const full = fc
      .tuple(fc.constantFrom(...names), fc.constantFrom(...given))
      .map(([s, g]) => `${s} ${g}`);
    fc.assert(
      fc.property(fc.array(full, { maxLength: 30 }), (list) => {
        const viaKey = sortByKey(list);
        const viaIcu = [...list].sort(collator.compare);
        expect(viaKey).toEqual(viaIcu);
      }),
      { numRuns: 500 },
    );
  });
});
