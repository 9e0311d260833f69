import { rigaToday } from '@adoption/model';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  SURNAME_PAIRS,
  surnameFor,
  type Sex,
} from '../latvian/names';
import {
  formatPersonalCode,
  generatePersonalCode,
  validatePersonalCode,
} from '../latvian/personal-code';
import { parseIsoDate } from '../latvian/dates';
import { foldForSearch } from '../latvian/search';
import { FOREIGN_ADDRESSES, STREETS, TOWNS } from '../demo/phrases';
import { Derive, hmac, personPseudonym, placeholderText, renumber } from './keyed';
import { namePairs, normaliseCode, normalisePhone, type Needles } from './needles';

// Synthetic people derived from keyed pseudonyms. A person is named by an identity string
// (`pc:<personal code>` when there is one, so the same person is recognised in every table);
// every value is derived from the person's pseudonym and the original value, and remembered, so
// a value repeated in the history, a proposal or a relative's entry gets the same replacement.

export interface SyntheticName {
  givenNames: string;
  surname: string;
}

const isFemaleName = (first: string) =>
  FEMALE_GIVEN_NAMES.includes(first) ||
  (!MALE_GIVEN_NAMES.includes(first) && /[aeē]$/iu.test(first));

/** The sex a name suggests (adopters and users carry none): list, else the Latvian ending. */
export function guessSex(givenNames: string): Sex {
  const first = givenNames.trim().split(/\s+/)[0] ?? '';
  return isFemaleName(first) ? 'F' : 'M';
}

/** The stem two forms of one surname share: Bērziņš/Bērziņa → berzin, Jansons/Jansone → janson. */
export const surnameStem = (surname: string) => {
  const known = SURNAME_PAIRS.find((pair) => pair.includes(surname));
  return foldForSearch(known?.[0] ?? surname).replace(/(ais|is|s|a|e)$/u, '');
};

export class Pseudonymiser {
  private readonly people = new Map<string, Person>();
  private readonly codes = new Map<string, string>();
  private readonly usedCodes: Set<string>;
  private readonly families = new Map<string, readonly [string, string]>();
  private readonly documents = new Map<string, string>();

  constructor(
    readonly key: Buffer,
    readonly needles: Needles,
  ) {
    // A synthetic code never equals any real one, so it can never be mistaken for a leak.
    this.usedCodes = new Set(needles.codes);
  }

  person(identity: string): Person {
    let p = this.people.get(identity);
    if (!p) {
      p = new Person(this, identity, Buffer.from(personPseudonym(this.key, identity), 'hex'));
      this.people.set(identity, p);
    }
    return p;
  }

  /** The surname pair of a family for a surname stem: brothers, sisters and a mother keep theirs shared. */
  surnamePair(family: string, original: string): readonly [string, string] {
    const id = `${family}|${surnameStem(original)}`;
    let pair = this.families.get(id);
    if (!pair) {
      pair = new Derive(hmac(this.key, `family:${id}`)).pick('surname', SURNAME_PAIRS);
      this.families.set(id, pair);
    }
    return pair;
  }

  /** One real personal code → one synthetic code, wherever it appears; never a real one. */
  personalCode(original: string, person: Person): string {
    const normalized = normaliseCode(original) ?? original;
    const known = this.codes.get(normalized);
    if (known) return original.includes('-') ? formatPersonalCode(known) : known;
    const v = validatePersonalCode(normalized, { newFormatChecksum: false });
    // Old-format codes encode the birth date: the synthetic one encodes the shifted date.
    const birthDate = v.ok && v.format === 'old' ? person.birthDate(v.birthDate!) : undefined;
    let code = '';
    for (let attempt = 0; code === '' || this.usedCodes.has(code); attempt++) {
      // A date has under a thousand old-format codes; should they run out, a new-format one.
      const date = attempt < 200 ? birthDate : undefined;
      code = generatePersonalCode(person.derive.rng(`code:${normalized}:${attempt}`), date);
    }
    this.usedCodes.add(code);
    this.codes.set(normalized, code);
    return original.includes('-') ? formatPersonalCode(code) : code;
  }

  documentNumber(original: string): string {
    let n = this.documents.get(original);
    if (n === undefined) {
      n = renumber(this.key, original);
      this.documents.set(original, n);
    }
    return n;
  }

  /** Free text → neutral text of the same length (keyed by the text, not by a person). */
  text(original: string): string {
    return placeholderText(new Derive(hmac(this.key, `text:${original}`)), original);
  }
}

export class Person {
  readonly derive: Derive;
  private readonly memo = new Map<string, string | SyntheticName>();

  constructor(
    private readonly all: Pseudonymiser,
    readonly identity: string,
    pseudonym: Buffer,
  ) {
    this.derive = new Derive(pseudonym);
  }

  private remember<T extends string | SyntheticName>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /**
   * Given names (as many as the original has, at most two) and surname of the right sex. The
   * surname comes from the family (`family`: a sibling group or an adopter's household) and the
   * original's stem; given names from the person. A pair that is some real person's is skipped.
   */
  name(
    givenNames: string,
    surname: string,
    sex: Sex,
    family = this.identity,
    /** A further condition (a spouse's name next to the adopter's in the search text). */
    accept: (candidate: SyntheticName) => boolean = () => true,
  ): SyntheticName {
    return this.remember(`name:${givenNames}|${surname}`, () => {
      const count = Math.min(2, Math.max(1, givenNames.trim().split(/\s+/).length));
      const list = sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
      let pair = this.all.surnamePair(family, surname);
      for (let attempt = 0; ; attempt++) {
        // After many clashes the surname changes too (a person's own surname pair).
        if (attempt >= 40) pair = this.derive.pick(`surname:${surname}:${attempt}`, SURNAME_PAIRS);
        if (attempt > 10_000) throw new Error('no synthetic name is free of real name pairs');
        const given: string[] = [];
        for (let i = 0; given.length < count; i++) {
          const g = this.derive.pick(`given:${givenNames}:${attempt}:${i}`, list);
          if (!given.includes(g)) given.push(g);
        }
        const candidate = { givenNames: given.join(' '), surname: surnameFor(pair, sex) };
        const pairs = namePairs(candidate.givenNames, candidate.surname);
        if (!pairs.some((p) => this.all.needles.pairs.has(p)) && accept(candidate))
          return candidate;
      }
    });
  }

  /**
   * Year and month kept (ages stay realistic for the rules on age 12, 25 and the age gap), the
   * day moved to another day of the month, never past `latest` (a care decision) or today.
   */
  birthDate(original: string, latest?: string): string {
    return this.remember(`birth:${original}`, () => {
      const date = parseIsoDate(original);
      if (!date) return original;
      const month = original.slice(0, 7);
      let max = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
      for (const bound of [latest, rigaToday()]) {
        if (bound && bound.slice(0, 7) === month) max = Math.min(max, Number(bound.slice(8, 10)));
      }
      const days: number[] = [];
      for (let d = 1; d <= max; d++) if (d !== date.day) days.push(d);
      if (days.length === 0) return original;
      const day = this.derive.pick(`day:${original}`, days);
      return `${month}-${String(day).padStart(2, '0')}`;
    });
  }

  personalCode(original: string): string {
    return this.all.personalCode(original, this);
  }

  /**
   * An address of the same kind: a town for a town ("Ventspils"), a Latvian street address for
   * one with a postcode, one of a few fictional foreign addresses for anything else.
   */
  address(original: string): string {
    return this.remember(`address:${original}`, () => {
      const d = this.derive;
      if (!/\d/.test(original)) return d.pick(`town:${original}`, TOWNS);
      if (!/LV-?\d{4}/iu.test(original)) return d.pick(`foreign:${original}`, FOREIGN_ADDRESSES);
      const street = d.pick(`street:${original}`, STREETS);
      const house = 1 + d.int(`house:${original}`, 120);
      return `${street} ${house}, ${d.pick(`town:${original}`, TOWNS)}, LV-${1001 + d.int(`post:${original}`, 4799)}`;
    });
  }

  /** The same shape (country code and the first digit kept: mobile stays mobile), new digits. */
  phone(original: string): string {
    return this.remember(`phone:${original}`, () => {
      const prefix = /^\s*(\+|00)?371\s*/.exec(original)?.[0] ?? '';
      const rest = original.slice(prefix.length);
      const firstDigit = rest.search(/\d/);
      for (let attempt = 0; ; attempt++) {
        const digits = this.derive.digits(`phone:${original}:${attempt}`, 40);
        let i = 0;
        const out =
          prefix + rest.replace(/\d/g, (c, at: number) => (at === firstDigit ? c : digits[i++]!));
        const n = normalisePhone(out);
        if (attempt > 100) return `+371 2${digits.slice(0, 7)}`; // too few digits to vary
        if (out === original || (n && this.all.needles.phones.has(n))) continue;
        if (n && this.all.needles.codes.has(n)) continue;
        return out;
      }
    });
  }

  /** given.surnameNN@example.invalid (RFC 6761: can never be delivered). */
  email(original: string, name: SyntheticName): string {
    return this.remember(`email:${original}`, () => {
      const ascii = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, '');
      const first = ascii(name.givenNames.split(' ')[0] ?? '') || 'persona';
      for (let attempt = 0; ; attempt++) {
        const range = attempt < 100 ? 100 : 10_000;
        const nn = String(this.derive.int(`email:${original}:${attempt}`, range)).padStart(2, '0');
        const out = `${first}.${ascii(name.surname)}${nn}@example.invalid`;
        if (!this.all.needles.emails.has(out)) return out;
      }
    });
  }

  /** One value of a short list (religion, ethnicity…), fixed per person and original. */
  choose<T extends string>(label: string, original: string, items: readonly T[]): T {
    return this.remember(`${label}:${original}`, () =>
      this.derive.pick(`${label}:${original}`, items),
    );
  }
}
