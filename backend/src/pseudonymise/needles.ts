import { foldForSearch } from '../latvian/search';
import { normalizePersonalCode } from '../latvian/personal-code';

// What must never reach TEST: the personal codes, name pairs, e-mail addresses and phone numbers
// of the people in the PROD register (children, adopters, spouses, relatives). Collected from the
// restored backup before pseudonymisation; the pseudonymiser avoids producing any of them by
// chance, and the verification scans TEST for them afterwards.

export interface Needles {
  /** Personal codes, 11 digits without the hyphen. */
  codes: Set<string>;
  /** Folded "given surname" and "surname given" (each given name alone and all together). */
  pairs: Set<string>;
  /** Lower-case e-mail addresses. */
  emails: Set<string>;
  /** National phone numbers, digits only (371 / 00371 prefix removed). */
  phones: Set<string>;
}

export const emptyNeedles = (): Needles => ({
  codes: new Set(),
  pairs: new Set(),
  emails: new Set(),
  phones: new Set(),
});

/** Every way a name pair may be written: "Anna Marija Bērziņa", "Bērziņa Anna", … (folded). */
export function namePairs(givenNames: string, surname: string): string[] {
  const given = foldForSearch(givenNames);
  const last = foldForSearch(surname);
  if (!given || !last) return [];
  const forms = new Set([given, ...given.split(' ')]);
  return [...forms].flatMap((g) => [`${g} ${last}`, `${last} ${g}`]);
}

export const normaliseCode = (s: string): string | null => normalizePersonalCode(s);

export function normalisePhone(s: string): string | null {
  let digits = s.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length === 11 && digits.startsWith('371')) digits = digits.slice(3);
  return digits.length >= 7 ? digits : null;
}

export const normaliseEmail = (s: string): string | null =>
  s.includes('@') ? s.trim().toLowerCase() : null;

export interface PeopleVisitor {
  pair(givenNames: string, surname: string): void;
  code(value: string): void;
  email(value: string): void;
  phone(value: string): void;
}

/** `personal_code`, `spousePersonalCode` → `personalcode`, `spousepersonalcode`. */
const norm = (key: string) => key.toLowerCase().replace(/_/g, '');
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value, or the sides of a `{old, new}` change. */
const sides = (v: unknown): unknown[] => (isObject(v) ? Object.values(v) : [v]);

/**
 * Finds the people in a row (snake_case or camelCase keys) or a JSON value, by field name: a
 * `…givenNames` key with its `…surname` sibling (also inside `{old, new}` changes), and keys ending
 * in `personalCode`, `email`, `phone`. Arrays and nested objects (relatives, changes) are walked.
 */
export function visitPeople(value: unknown, visit: PeopleVisitor): void {
  if (Array.isArray(value)) {
    for (const item of value) visitPeople(item, visit);
    return;
  }
  if (!isObject(value)) return;
  const keys = new Map(Object.keys(value).map((k) => [norm(k), k]));
  for (const [k, original] of keys) {
    const v = value[original];
    if (k.endsWith('givennames')) {
      const surnameKey = keys.get(`${k.slice(0, -'givennames'.length)}surname`);
      if (surnameKey === undefined) continue;
      const s = value[surnameKey];
      if (typeof v === 'string' && typeof s === 'string') visit.pair(v, s);
      else if (isObject(v) && isObject(s)) {
        for (const side of Object.keys(v)) {
          const g = v[side];
          const last = s[side];
          if (typeof g === 'string' && typeof last === 'string') visit.pair(g, last);
        }
      }
    } else if (k.endsWith('personalcode')) {
      for (const x of sides(v)) if (typeof x === 'string') visit.code(x);
    } else if (k.endsWith('email')) {
      for (const x of sides(v)) if (typeof x === 'string') visit.email(x);
    } else if (k.endsWith('phone')) {
      for (const x of sides(v)) if (typeof x === 'string') visit.phone(x);
    }
    if (typeof v === 'object' && v !== null) visitPeople(v, visit);
  }
}

/** Adds the people of one row or JSON value to `needles`. */
export function addNeedles(needles: Needles, value: unknown): void {
  visitPeople(value, {
    pair: (g, s) => namePairs(g, s).forEach((p) => needles.pairs.add(p)),
    code: (c) => {
      const n = normaliseCode(c);
      if (n) needles.codes.add(n);
    },
    email: (e) => {
      const n = normaliseEmail(e);
      if (n) needles.emails.add(n);
    },
    phone: (p) => {
      const n = normalisePhone(p);
      if (n) needles.phones.add(n);
    },
  });
}

const CODE = /(?<!\d)(\d{6})-?(\d{5})(?!\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PHONE = /(?<!\d)(?:\+|00)?\d[\d -]{5,18}\d(?!\d)/g;

export type FindingKind = 'personal code' | 'name' | 'e-mail' | 'phone';

/** Which needles occur in a piece of free text (found anywhere, in any column). */
export function findInText(text: string, needles: Needles, names = true): FindingKind[] {
  const found = new Set<FindingKind>();
  for (const m of text.matchAll(CODE)) {
    if (needles.codes.has(m[1]! + m[2]!)) found.add('personal code');
  }
  for (const m of text.matchAll(EMAIL)) {
    if (needles.emails.has(m[0].toLowerCase())) found.add('e-mail');
  }
  for (const m of text.matchAll(PHONE)) {
    const n = normalisePhone(m[0]);
    if (n && needles.phones.has(n)) found.add('phone');
  }
  if (names && needles.pairs.size > 0) {
    const words = foldForSearch(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    outer: for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= 4 && i + n <= words.length; n++) {
        if (needles.pairs.has(words.slice(i, i + n).join(' '))) {
          found.add('name');
          break outer;
        }
      }
    }
  }
  return [...found];
}

/** Name pairs of a row or JSON value that are PROD pairs (e.g. given_names + surname columns). */
export function hasNeedlePair(value: unknown, needles: Needles): boolean {
  let hit = false;
  visitPeople(value, {
    pair: (g, s) => {
      if (namePairs(g, s).some((p) => needles.pairs.has(p))) hit = true;
    },
    code: () => {},
    email: () => {},
    phone: () => {},
  });
  return hit;
}
