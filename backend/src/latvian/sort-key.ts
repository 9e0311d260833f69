// latvian/: the Latvian language as the register needs it — sort keys, accent-insensitive search,
// personal codes (personas kods), dates, synthetic names and a seeded random source; pure, no
// database. Riga's calendar is the model's (model/src/calendar.ts).
//
// This file: a sort key for Latvian text. PGlite (PostgreSQL in WebAssembly) has ICU without
// Latvian data, so the register stores `latvianSortKey(name)` in a column compared with
// COLLATE "C" (plain code-point order); ordering by that column must give exactly the order of
// `new Intl.Collator('lv').compare`.
//
// The key mimics an ICU sort key: for every collation element a primary weight (the letter or
// symbol), a secondary weight (accents) and a tertiary weight (case), written level by level:
//
//     primary weights  SEP  secondary weights  SEP  tertiary weights
//
// SEP is lower than every weight, so a shorter level sorts first, exactly as ICU compares levels.
// The key is printable ASCII only (no NUL, nothing PostgreSQL text could reject, same order in
// UTF-8 bytes, UTF-16 units and code points) and about as long as the input.

import {
  DIGIT_ORDER,
  LATIN_EXTRAS,
  LETTER_ORDER,
  MARK_ORDER,
  VARIABLE_ORDER,
} from './sort-key-table';
import type { CollationStep } from './sort-key-table';

/** Bump when the key layout or tables change: stored keys must then be recomputed. */
export const LATVIAN_SORT_KEY_VERSION = 1;

const SEP = '!';
/** The lowest weight of the secondary and tertiary levels ("no accent", "lowercase"). Trailing
 *  runs of it are dropped: SEP sorts below it, so a dropped run still sorts first. */
const COMMON = '"';
const char = (code: number): string => String.fromCharCode(code);

/** Primaries after every letter: marker then six hex digits of the code point, so unknown
 *  characters still sort stably among themselves (by code point, after Latin letters). */
const LATE_MARKER = '~';

interface Element {
  /** '' for a combining mark, which only carries an accent weight. */
  readonly primary: string;
  readonly secondary: string;
  readonly tertiary: string;
}

/** Characters sorted often (letters, digits, space, hyphen) get one key character; the rest of the
 *  punctuation shares prefixes (two characters). The codes stay prefix-free and in table order. */
function isFrequent(c: string): boolean {
  return c === ' ' || c === '-' || /^[\p{L}\p{Nd}]$/u.test(c);
}

function buildTable(steps: readonly CollationStep[]): ReadonlyMap<string, Element> {
  const table = new Map<string, Element>();
  let next = 0x22; // first printable character above SEP
  let runPrefix: string | null = null;
  let runNext = 0;
  let primary = '';
  let secondaryRank = 0;
  let tertiaryRank = 0;
  for (const [level, chars] of steps) {
    const first = [...chars][0] ?? '';
    if (level === 'P') {
      if (isFrequent(first)) {
        primary = char(next++);
        runPrefix = null;
      } else {
        if (runPrefix === null || runNext > 0x7e) {
          runPrefix = char(next++);
          runNext = 0x22;
        }
        primary = runPrefix + char(runNext++);
      }
      secondaryRank = 0;
      tertiaryRank = 0;
    } else if (level === 'S') {
      secondaryRank++;
      tertiaryRank = 0;
    } else if (level === 'T') {
      tertiaryRank++;
    }
    for (const c of chars) {
      table.set(c, {
        primary,
        secondary: char(COMMON.charCodeAt(0) + secondaryRank),
        tertiary: char(COMMON.charCodeAt(0) + tertiaryRank),
      });
    }
  }
  if (next > LATE_MARKER.charCodeAt(0))
    throw new Error('latvian sort key: primary weights overflow');
  return table;
}

const TABLE = buildTable([...VARIABLE_ORDER, ...DIGIT_ORDER, ...LETTER_ORDER]);
const UPPER = char(COMMON.charCodeAt(0) + 1);

/** Accent weights start at '0', above the few secondary variants of punctuation (’ “ ” „), which
 *  ICU also weighs below every combining mark. */
const MARK_WEIGHT: ReadonlyMap<string, string> = new Map(
  MARK_ORDER.flatMap((marks, rank) => [...marks].map((m) => [m, char(0x30 + rank)] as const)),
);
const EXTRA_ACCENT = char(0x30 + MARK_ORDER.length);
const UNKNOWN_ACCENT = char(0x30 + MARK_ORDER.length + 1);

/** Tailored letters reachable by adding one mark to a base letter: 'a' → [['\u0304', 'ā']] … */
const CONTRACTIONS: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const byBase = new Map<string, Map<string, string>>();
  for (const letter of TABLE.keys()) {
    const [base, mark, ...rest] = [...letter.normalize('NFD')];
    if (base === undefined || mark === undefined || rest.length > 0) continue;
    const marks = byBase.get(base) ?? new Map<string, string>();
    marks.set(mark, letter);
    byBase.set(base, marks);
  }
  return byBase;
})();

const accent = (mark: string): Element => ({
  primary: '',
  secondary: MARK_WEIGHT.get(mark) ?? UNKNOWN_ACCENT,
  tertiary: COMMON,
});

/** In NFD, marks are sorted by combining class, so an earlier mark has a class <= the later one.
 *  It hides the later mark from a contraction (ICU "blocking") unless its class is strictly lower;
 *  canonical reordering moves `earlier` in front of `later` exactly in that case. */
function blocks(earlier: string, later: string): boolean {
  const probe = 'a' + later + earlier;
  return probe.normalize('NFD') === probe;
}

/** ICU also finds a tailored letter when another mark stands between base and its mark, provided
 *  that mark does not block (a + ogonek + macron sorts as ā + ogonek). */
function findContraction(
  base: string,
  marks: readonly string[],
): { letter: string; at: number } | null {
  const candidates = CONTRACTIONS.get(base);
  if (candidates === undefined) return null;
  for (const [at, mark] of marks.entries()) {
    const letter = candidates.get(mark);
    if (letter !== undefined && marks.slice(0, at).every((earlier) => !blocks(earlier, mark))) {
      return { letter, at };
    }
  }
  return null;
}

/** Controls and format characters ICU ignores completely (soft hyphen, zero-width joiners …);
 *  the Hangul fillers are default-ignorable in Unicode but ICU gives them weights. */
function isIgnorable(c: string): boolean {
  if (TABLE.has(c)) return false;
  if (/^[\u115f\u1160\u3164\uffa0]$/.test(c)) return false;
  return /^[\p{Cc}\p{Default_Ignorable_Code_Point}]$/u.test(c);
}

/** Letters with a canonical decomposition that ICU root nevertheless sorts as separate letters. */
const KEEP_PRECOMPOSED: ReadonlySet<string> = new Set(['й', 'Й']);

function lateElement(c: string): Element {
  const lower = c.toLowerCase();
  const codePoint = ([...lower].length === 1 ? lower : c).codePointAt(0) ?? 0;
  return {
    primary: LATE_MARKER + codePoint.toString(16).toUpperCase().padStart(6, '0'),
    secondary: COMMON,
    tertiary: lower === c ? COMMON : UPPER,
  };
}

function extraElements(c: string): Element[] | null {
  const lower = c.toLowerCase();
  const extra = LATIN_EXTRAS.get(lower) ?? LATIN_EXTRAS.get(lower.normalize('NFC'));
  if (extra === undefined) return null;
  const tertiary = lower === c ? COMMON : UPPER;
  const letters = [...extra.base].map((b): Element => ({ ...(TABLE.get(b) as Element), tertiary }));
  const mark =
    extra.mark === undefined ? { ...accent(''), secondary: EXTRA_ACCENT } : accent(extra.mark);
  const [first, ...others] = letters;
  return first === undefined ? [] : [first, mark, ...others];
}

/** One base character with the combining marks that follow it (a "cluster" of NFC text). */
function clusterElements(cluster: string): Element[] {
  const [base = '', ...allMarks] = [...cluster.normalize('NFD')];
  // Some marks weigh nothing in ICU: the grapheme joiner U+034F, variation selectors.
  const marks = allMarks.filter((m) => !isIgnorable(m));
  const contraction = findContraction(base, marks);
  if (contraction !== null) {
    const rest = marks.filter((_, i) => i !== contraction.at);
    return [TABLE.get(contraction.letter) as Element, ...rest.map(accent)];
  }
  const known = TABLE.get(base);
  if (known !== undefined) return [known, ...marks.map(accent)];
  if (/^\p{M}$/u.test(base) || isIgnorable(base)) {
    return (/^\p{M}$/u.test(base) ? [base, ...marks] : marks).map(accent);
  }
  const extra = extraElements(base);
  if (extra !== null) return [...extra, ...marks.map(accent)];
  // Other scripts decompose like Latin (ICU sorts ё as е + accent), except letters ICU treats as
  // letters of their own (й) and decompositions that are not base + marks (Hangul syllables).
  const [precomposed = '', ...precomposedMarks] = [...cluster].filter((c) => !isIgnorable(c));
  if (KEEP_PRECOMPOSED.has(precomposed) || !marks.every((m) => /^\p{M}$/u.test(m))) {
    return [lateElement(precomposed), ...precomposedMarks.map(accent)];
  }
  return [lateElement(base), ...marks.map(accent)];
}

function trimTrailing(s: string, weight: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === weight) end--;
  return s.slice(0, end);
}

/**
 * A string whose code-point order (COLLATE "C") equals `new Intl.Collator('lv').compare` order:
 * sign(compare(key(a), key(b))) === sign(collator.compare(a, b)) whenever the collator sees a
 * difference. Checked by property tests for the Latvian alphabet, Latin letters with diacritics,
 * loose combining marks, ASCII digits and the whitespace and punctuation in sort-key-table.ts.
 * Approximate only at the accent level for ß æ œ ð; other letters (ŋ, ə …) and other scripts
 * sort after the Latin letters by code point (accents still at the secondary level, as in ICU).
 */
export function latvianSortKey(s: string): string {
  const clusters = s.normalize('NFC').match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
  const elements = clusters.flatMap(clusterElements);
  const primary = elements.map((e) => e.primary).join('');
  const secondary = trimTrailing(elements.map((e) => e.secondary).join(''), COMMON);
  // Marks carry no case: with equal primary and secondary levels the elements line up one to one,
  // so only the base elements' tertiary weights can decide.
  const tertiary = trimTrailing(
    elements
      .filter((e) => e.primary !== '')
      .map((e) => e.tertiary)
      .join(''),
    COMMON,
  );
  return trimTrailing(primary + SEP + secondary + SEP + tertiary, SEP);
}
