// The collation order that `latvianSortKey` reproduces, read off Node's ICU (ICU 78.2 / CLDR 48,
// locale `lv`, default options: tertiary strength, punctuation NOT ignored). Every adjacent pair in
// these tables is checked against `Intl.Collator('lv')` by sort-key.test.ts, so a Node upgrade that
// changes the collation fails the tests instead of silently mis-sorting stored keys.
//
// Note for readers who know the older Latvian rules: in CLDR 48 the long vowels ā ē ī ō ū are
// separate letters (a PRIMARY difference, not a secondary one), and the order around i is
// i < y < ī < j. The tables follow ICU, not the older convention.

/** How a character differs from the one listed before it: a new base letter/symbol (P), only an
 *  accent-like variant (S), only a case-like variant (T), or not at all (=). */
export type CollationStep = readonly [level: 'P' | 'S' | 'T' | '=', chars: string];

/** Whitespace, punctuation and symbols, in ICU order. ICU root puts all of them before digits,
 *  and digits before letters. Characters ICU expands to several (… № ™) are left out on purpose:
 *  they fall to the late weight. */
export const VARIABLE_ORDER: readonly CollationStep[] = [
  ['P', '\t'],
  ['P', '\n'],
  ['P', '\u000b'],
  ['P', '\f'],
  ['P', '\r'],
  ['P', '\u0085'],
  ['P', '\u2028'],
  ['P', ' '],
  ['T', '\u3000'],
  ['T', '\u2009\u2002\u2003'],
  ['T', '\u00a0\u202f'],
  ['P', '_'],
  ['P', '-'],
  ['P', '\u2010'],
  ['T', '\u2011'],
  ['P', '\u2012'],
  ['P', '\u2013'],
  ['P', '\u2014'],
  ['P', '\u2015'],
  ['P', ','],
  ['P', ';'],
  ['P', ':'],
  ['P', '!'],
  ['P', '¡'],
  ['P', '?'],
  ['P', '¿'],
  ['P', '.'],
  ['P', '·'],
  ['P', "'"],
  ['S', '\u2018'],
  ['S', '\u2019'],
  ['S', '\u201a'],
  ['P', '\u2039'],
  ['P', '\u203a'],
  ['P', '"'],
  ['S', '\u201c'],
  ['S', '\u201d'],
  ['S', '\u201e'],
  ['P', '«'],
  ['P', '»'],
  ['P', '('],
  ['P', ')'],
  ['P', '['],
  ['P', ']'],
  ['P', '{'],
  ['P', '}'],
  ['P', '§'],
  ['P', '¶'],
  ['P', '@'],
  ['P', '*'],
  ['P', '/'],
  ['P', '\\'],
  ['P', '&'],
  ['P', '#'],
  ['P', '%'],
  ['P', '‰'],
  ['P', '†'],
  ['P', '‡'],
  ['P', '•'],
  ['P', '′'],
  ['P', '″'],
  ['P', '`'],
  ['P', '´'],
  ['P', '^'],
  ['P', '¯'],
  ['P', '¨'],
  ['P', '¸'],
  ['P', '°'],
  ['P', '©'],
  ['P', '®'],
  ['P', '+'],
  ['P', '±'],
  ['P', '÷'],
  ['P', '×'],
  ['P', '<'],
  ['P', '='],
  ['P', '>'],
  ['P', '¬'],
  ['P', '|'],
  ['P', '¦'],
  ['P', '~'],
  ['P', '\u2212'],
  ['P', '¤'],
  ['P', '¢'],
  ['P', '$'],
  ['P', '£'],
  ['P', '¥'],
  ['P', '€'],
];

export const DIGIT_ORDER: readonly CollationStep[] = [...'0123456789'].map(
  (d) => ['P', d] as const,
);

/** Letters in `lv` order; each uppercase letter is a tertiary variant of its lowercase. ŧ is not
 *  Latvian, but ICU root sorts it as a letter of its own after t. */
export const LETTER_ORDER: readonly CollationStep[] = [
  ...'aābcčdeēfgģhiyījkķlļmnņoōpqrŗsštŧuūvwxzž',
].flatMap((letter) => [['P', letter] as const, ['T', letter.toUpperCase()] as const]);

/** Combining marks in ICU's secondary order (lowest first); marks in one string weigh the same.
 *  Marks that NFD replaces (U+0340, 0341, 0343, 0344) are omitted because input is normalised. */
export const MARK_ORDER: readonly string[] = [
  '\u0332',
  '\u0313',
  '\u0314',
  '\u0301',
  '\u0300',
  '\u0306',
  '\u0302',
  '\u030c',
  '\u030a',
  '\u0342',
  '\u0308',
  '\u030b',
  '\u0303',
  '\u0307',
  '\u0338',
  '\u0327',
  '\u0328',
  '\u0304',
  '\u030d\u030e\u0312\u0315\u031a\u033d\u033e\u033f\u0346\u034a\u034b\u034c\u0350\u0351\u0352\u0357\u035b\u035d\u035e',
  '\u0316\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320\u0329\u032a\u032b\u032c\u032f\u0333\u033a\u033b\u033c\u0347\u0348\u0349\u034d\u034e\u0353\u0354\u0355\u0356\u0359\u035a\u035c\u035f\u0362',
  '\u0336\u0337',
  '\u0335',
  '\u0305',
  '\u0309',
  '\u030f',
  '\u0310',
  '\u0311',
  '\u031b',
  '\u0321',
  '\u0322',
  '\u0323',
  '\u0324',
  '\u0325',
  '\u0326',
  '\u032d',
  '\u032e',
  '\u0330',
  '\u0331',
  '\u0334',
  '\u0339',
  '\u0345',
  '\u0358',
  '\u0360',
  '\u0361',
];

/** Latin letters without a canonical decomposition, written as the base letter(s) ICU sorts them
 *  with. `mark` is the combining mark ICU treats them as equal to (ø = o + U+0338); where ICU has
 *  no such equivalent the letter gets an accent weight above every mark, which keeps the primary
 *  order exact and the secondary order only approximate. */
export const LATIN_EXTRAS: ReadonlyMap<string, { readonly base: string; readonly mark?: string }> =
  new Map([
    ['ø', { base: 'o', mark: '\u0338' }],
    ['ł', { base: 'l', mark: '\u0335' }],
    ['đ', { base: 'd', mark: '\u0335' }],
    ['ħ', { base: 'h', mark: '\u0335' }],
    ['ð', { base: 'd' }],
    ['ß', { base: 'ss' }],
    ['æ', { base: 'ae' }],
    ['œ', { base: 'oe' }],
  ]);
