import fc from 'fast-check';
import { foldForSearch, searchTokens } from './search';

const LATVIAN_LETTERS = 'aābcčdeēfgģhiījkķlļmnņoprsštuūvzžAĀBCČDEĒFGĢHIĪJKĶLĻMNŅOPRSŠTUŪVZŽ';

describe('foldForSearch', () => {
  it('lowercases and strips every Latvian diacritic', () => {
    expect(foldForSearch('Bērziņš')).toBe('berzins');
    expect(foldForSearch('ĀĒĪŪ ČŠŽ ĢĶĻŅ Ŗ Ō')).toBe('aeiu csz gkln r o');
    expect(foldForSearch('Ķēniņš')).toBe('kenins');
  });

  it('makes unaccented queries match accented names by substring', () => {
    expect(foldForSearch('Jānis Bērziņš').includes(foldForSearch('berzins'))).toBe(true);
    expect(foldForSearch('Līga Kalniņa').includes(foldForSearch('LIGA'))).toBe(true);
    expect(foldForSearch('Ērika Šmite').includes(foldForSearch('smite'))).toBe(true);
  });

  it('treats decomposed input like precomposed input', () => {
    expect(foldForSearch('Be\u0304rzin\u0327s\u030c')).toBe('berzins');
  });

  it('collapses all whitespace, including tabs, newlines and no-break spaces, and trims', () => {
    expect(foldForSearch('  Anna \t\n Marija\u00a0 Ozola  ')).toBe('anna marija ozola');
  });

  it('folds foreign letters without a decomposition and keeps punctuation and digits', () => {
    expect(foldForSearch('Łódź Ørsted Straße')).toBe('lodz orsted strasse');
    expect(foldForSearch('Anna-Marija, 150385-12346')).toBe('anna-marija, 150385-12346');
  });

  it('is idempotent and leaves no uppercase or combining marks (property)', () => {
    const text = fc
      .array(fc.constantFrom(...LATVIAN_LETTERS, ' ', '\t', '-', '1', 'é', 'Ö', '\u0301'), {
        maxLength: 30,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldForSearch(s);
        expect(foldForSearch(folded)).toBe(folded);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded).not.toMatch(/\p{M}|\s\s|^\s|\s$|[\t\n]/u);
        expect(folded).toMatch(/^[a-z0-9 -]*$/);
      }),
    );
  });
});

describe('searchTokens', () => {
  it('splits a query into folded words', () => {
    expect(searchTokens('  Jānis   BĒRZIŅŠ ')).toEqual(['janis', 'berzins']);
    expect(searchTokens('Anna-Marija')).toEqual(['anna', 'marija']);
    expect(searchTokens('150385-12346')).toEqual(['150385', '12346']);
  });

  it('drops empty and duplicate tokens', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' - , ')).toEqual([]);
    expect(searchTokens('Ozols ozols OZOLS')).toEqual(['ozols']);
  });

  it('never yields a LIKE wildcard', () => {
    expect(searchTokens('100%_match\\x')).toEqual(['100', 'match', 'x']);
  });

  it('every token of a folded name is found in the folded name', () => {
    const name = fc
      .array(fc.constantFrom(...LATVIAN_LETTERS, ' ', '-'), { maxLength: 25 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(name, (s) => {
        for (const token of searchTokens(s)) expect(foldForSearch(s)).toContain(token);
      }),
    );
  });
});
