import type { Sex } from '../latvian/names';
import { foldForSearch } from '../latvian/search';
import { DIAGNOSES, ETHNICITIES, RELIGIONS } from '../demo/phrases';
import { fieldRule } from './classification';
import { findInText } from './needles';
import { guessSex, type Pseudonymiser, type SyntheticName } from './people';

// The values of a child's card or an adopter record, wherever they appear: the record's own
// columns, its field history ({field: {old, new}}) and proposals ({field: value}). One function
// for all three, keyed by field name, so the same person gets the same replacement everywhere.

export type PersonResource = 'children' | 'adopters';

/** A person as the current record names them (the original values). */
export interface PersonRef {
  identity: string;
  sex: Sex;
  givenNames: string;
  surname: string;
  /** Surnames are shared within a family: a sibling group, an adopter's household. */
  family: string;
}

export interface RecordContext {
  resource: PersonResource;
  main: PersonRef;
  spouse?: PersonRef;
  /** A child is born no later than the care decision (a database check). */
  latestBirth?: string;
}

type Values = Record<string, unknown>;
const isObject = (v: unknown): v is Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A child's relative is the same person as a registered child with that name and birth date. */
export const relativeKey = (givenNames: string, surname: string, birthDate: unknown) =>
  `${foldForSearch(givenNames)}|${foldForSearch(surname)}|${typeof birthDate === 'string' ? birthDate : ''}`;

const RELATIVE_SEX: Record<string, Sex> = {
  mother: 'F',
  sister: 'F',
  half_sister: 'F',
  grandmother: 'F',
  father: 'M',
  brother: 'M',
  half_brother: 'M',
  grandfather: 'M',
};

export class RecordPseudonymiser {
  constructor(
    readonly p: Pseudonymiser,
    /** relativeKey → identity of the registered child. */
    readonly childrenByName: ReadonlyMap<string, string>,
  ) {}

  /** Strings of a value no rule names: replaced by neutral text (fail safe), the rest kept. */
  unknown(value: unknown): unknown {
    if (typeof value === 'string') return this.p.text(value);
    if (Array.isArray(value)) return value.map((v) => this.unknown(v));
    if (isObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.unknown(v)]));
    }
    return value;
  }

  /** `{field: value}` of a record (any subset of its fields) → the pseudonymised values. */
  values(ctx: RecordContext, values: Values): Values {
    const out: Values = { ...values };
    // Names first and together: a (given names, surname) pair is checked against real pairs.
    for (const [ref, prefix] of [
      [ctx.main, ''],
      [ctx.spouse, 'spouse'],
    ] as const) {
      const gKey = prefix ? 'spouseGivenNames' : 'givenNames';
      const sKey = prefix ? 'spouseSurname' : 'surname';
      if (!(gKey in values) && !(sKey in values)) continue;
      const g = values[gKey];
      const s = values[sKey];
      const person = ref ?? this.fallback(ctx, values, prefix);
      const name = this.p
        .person(person.identity)
        .name(
          typeof g === 'string' ? g : person.givenNames,
          typeof s === 'string' ? s : person.surname,
          person.sex,
          person.family,
          prefix ? this.besideMain(ctx) : undefined,
        );
      if (typeof g === 'string') out[gKey] = name.givenNames;
      if (typeof s === 'string') out[sKey] = name.surname;
    }
    // Birth dates before codes: an old-format code encodes the (shifted) birth date.
    const fields = Object.keys(values).sort(
      (a, b) => Number(!a.endsWith('irthDate')) - Number(!b.endsWith('irthDate')),
    );
    for (const field of fields) {
      if (/^(spouse)?(givenNames|surname)$/i.test(field)) continue;
      out[field] = this.field(ctx, field, values[field], out);
    }
    return out;
  }

  /**
   * The search text puts the spouse's name right after the adopter's ("Ozola Anna Kalniņa Līga"):
   * the words across the two ("Anna Kalniņa") must not be a real person's name either.
   */
  private besideMain(ctx: RecordContext) {
    const m = ctx.main;
    if (!m.givenNames) return undefined;
    const main = this.p.person(m.identity).name(m.givenNames, m.surname, m.sex, m.family);
    return (c: SyntheticName) =>
      !findInText(
        `${main.surname} ${main.givenNames} ${c.surname} ${c.givenNames}`,
        this.p.needles,
      ).includes('name');
  }

  private fallback(ctx: RecordContext, values: Values, prefix: string): PersonRef {
    const g = values[prefix ? 'spouseGivenNames' : 'givenNames'];
    return {
      identity: `${ctx.main.identity}:${prefix || 'main'}`,
      sex: guessSex(typeof g === 'string' ? g : ''),
      givenNames: typeof g === 'string' ? g : '',
      surname: '',
      family: ctx.main.family,
    };
  }

  private field(ctx: RecordContext, field: string, value: unknown, done: Values): unknown {
    if (value === null || value === undefined) return value;
    const rule = fieldRule(ctx.resource, field);
    if (!rule) return this.unknown(value);
    const ref = rule.spouse ? (ctx.spouse ?? this.fallback(ctx, done, 'spouse')) : ctx.main;
    const person = this.p.person(ref.identity);
    const str = typeof value === 'string' ? value : undefined;
    switch (rule.treatment) {
      case 'keep':
        return value;
      case 'clear':
        return rule.to ?? null;
      case 'recompute':
        return this.unknown(value); // derived columns never belong in history; fail safe
      case 'drop-rows':
        return this.unknown(value);
    }
    switch (rule.how) {
      case 'text':
        return str === undefined ? this.unknown(value) : this.p.text(str);
      case 'document-number':
        return str === undefined ? this.unknown(value) : this.p.documentNumber(str);
      case 'birth-date':
        return str === undefined ? value : person.birthDate(str, ctx.latestBirth);
      case 'personal-code':
        return str === undefined ? value : person.personalCode(str);
      case 'address':
        return str === undefined ? this.unknown(value) : person.address(str);
      case 'phone':
        return str === undefined ? this.unknown(value) : person.phone(str);
      case 'email': {
        const name = person.name(ref.givenNames, ref.surname, ref.sex, ref.family);
        return str === undefined ? this.unknown(value) : person.email(str, name);
      }
      case 'religion':
        return str === undefined ? this.unknown(value) : person.choose(field, str, RELIGIONS);
      case 'ethnicity': {
        const forms = ETHNICITIES.map(([pair]) => pair[ref.sex === 'F' ? 1 : 0]);
        return str === undefined ? this.unknown(value) : person.choose(field, str, forms);
      }
      case 'relatives':
        return Array.isArray(value) ? value.map((r) => this.relative(ctx, r)) : this.unknown(value);
      case 'health-conditions':
        return Array.isArray(value)
          ? value.map((c) => this.condition(ref.identity, c))
          : this.unknown(value);
      case 'refusals':
        return Array.isArray(value)
          ? value.map((r) =>
              isObject(r)
                ? {
                    ...r,
                    // An empty reason (an unreasoned refusal) stays empty: the refusal rule counts it.
                    reason:
                      typeof r.reason === 'string' && r.reason ? this.p.text(r.reason) : r.reason,
                  }
                : this.unknown(r),
            )
          : this.unknown(value);
      case 'need-wishes':
        return Array.isArray(value)
          ? value.map((w) =>
              isObject(w)
                ? { ...w, note: typeof w.note === 'string' ? this.p.text(w.note) : w.note }
                : this.unknown(w),
            )
          : this.unknown(value);
      default:
        throw new Error(`no pseudonymisation for ${ctx.resource}.${field} (${rule.how})`);
    }
  }

  /** A relative of the birth family: a person of their own (shared by brothers and sisters). */
  private relative(ctx: RecordContext, r: unknown): unknown {
    if (!isObject(r)) return this.unknown(r);
    const given = typeof r.givenNames === 'string' ? r.givenNames : '';
    const surname = typeof r.surname === 'string' ? r.surname : '';
    const key = relativeKey(given, surname, r.birthDate);
    const identity = this.childrenByName.get(key) ?? `relative:${key}`;
    const sex = RELATIVE_SEX[String(r.kind)] ?? guessSex(given);
    const person = this.p.person(identity);
    const name = person.name(given, surname, sex, ctx.main.family);
    const out: Values = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === 'kind') out[k] = v;
      else if (k === 'givenNames') out[k] = typeof v === 'string' ? name.givenNames : v;
      else if (k === 'surname') out[k] = typeof v === 'string' ? name.surname : v;
      else if (k === 'birthDate') out[k] = typeof v === 'string' ? person.birthDate(v) : v;
      else if (k === 'residence') out[k] = typeof v === 'string' ? person.address(v) : v;
      else out[k] = this.unknown(v);
    }
    return out;
  }

  /** A diagnosis: another real-looking one (condition, ICD-10 code, treatment); the date kept. */
  private condition(identity: string, c: unknown): unknown {
    if (!isObject(c)) return this.unknown(c);
    const d = this.p
      .person(identity)
      .derive.pick(`diagnosis:${String(c.condition)}|${String(c.icd10)}`, DIAGNOSES);
    const out: Values = {};
    for (const [k, v] of Object.entries(c)) {
      if (k === 'condition') out[k] = d.condition;
      else if (k === 'icd10') out[k] = v === null ? null : d.icd10;
      else if (k === 'since') out[k] = v;
      else if (k === 'treatment')
        out[k] = typeof v === 'string' ? (d.treatment ?? this.p.text(v)) : v;
      else out[k] = this.unknown(v);
    }
    return out;
  }

  /** `{field: {old, new}}` → each side pseudonymised as a set of values. */
  changes(ctx: RecordContext, changes: unknown): unknown {
    if (!isObject(changes)) return this.unknown(changes);
    const side = (name: 'old' | 'new') =>
      this.values(
        ctx,
        Object.fromEntries(
          Object.entries(changes)
            .filter(([, c]) => isObject(c) && name in c)
            .map(([f, c]) => [f, (c as Values)[name]]),
        ),
      );
    const olds = side('old');
    const news = side('new');
    return Object.fromEntries(
      Object.entries(changes).map(([f, c]) => {
        if (!isObject(c)) return [f, this.unknown(c)];
        const out: Values = {};
        for (const k of Object.keys(c)) {
          out[k] = k === 'old' ? olds[f] : k === 'new' ? news[f] : this.unknown(c[k]);
        }
        return [f, out];
      }),
    );
  }
}
