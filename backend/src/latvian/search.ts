// Accent- and case-insensitive search text. Specialists often type without diacritics
// ("berzins" for "Bērziņš"), so both the stored search column and the query are folded the same
// way and matched by substring (e.g. `search_text LIKE '%' || token || '%'` for every token).

/** Latin letters that have no canonical decomposition but are read as a plain letter. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Lowercase, without diacritics, whitespace collapsed to single spaces and trimmed:
 * 'Bērziņš  Ģirts' → 'berzins girts'. Compatibility forms (NBSP, ligatures, full-width letters)
 * are folded too (NFKD), so the same word always folds to the same text.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđðħŧıßæœ]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The folded words of a query, each to be found as a substring (all of them must match).
 * Split on anything that is neither letter nor digit, so "Anna-Marija" or "150385-12346" find
 * the same records as "anna marija" or "150385 12346". Tokens hold only letters and digits,
 * hence never a LIKE wildcard (% _ \). Duplicates are dropped, order is kept.
 */
export function searchTokens(q: string): string[] {
  const words = foldForSearch(q).split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w !== ''))];
}
