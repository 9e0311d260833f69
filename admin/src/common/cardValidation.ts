import {
  ADULT_AGE,
  birthday,
  CONSENT_AGE,
  elderKinds,
  formatLvDate,
  ICD10_CODE,
  isIsoDate,
  MIN_ADOPTER_AGE,
  parentKinds,
  yearsOld,
} from '@adoption/model';

/*
 * Checks of the card's newer rules (backend/src/children/rules.ts, adopters/rules.ts; their ages,
 * ICD-10 form and relatives' kinds are the shared model's, model/src/rules.ts) made in the
 * form where they are cheap, with the same message keys as the API's answer
 * (`app.validation.server.<code>`), so a mistake reads the same before and after saving.
 * react-admin calls an input validator with the value, all values and the input's props (whose
 * `source` tells a sub-list row: `relatives.1.birthDate`).
 */
type Values = Record<string, unknown>;
type Message = string | { message: string; args: Record<string, unknown> };
export type CardValidator = (
  value: unknown,
  values: Values,
  props?: { source?: string },
) => Message | undefined;

const key = (code: string) => `app.validation.server.${code}`;
const withArgs = (code: string, args: Record<string, unknown>): Message => ({
  message: key(code),
  args,
});

/** The value at a dotted path of the form (`relatives.1.kind`). */
export const valueAt = (values: Values, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, part) => (v && typeof v === 'object' ? (v as Values)[part] : undefined),
      values,
    );

/** The path of a field in the same sub-list row: (`relatives.1.birthDate`, `kind`) → `relatives.1.kind`. */
export const siblingPath = (source: string, field: string) =>
  source.includes('.') ? `${source.slice(0, source.lastIndexOf('.'))}.${field}` : field;

/** Consent is recorded from the child's 12th birthday: the message names that day. */
export const consentFromTwelve: CardValidator = (value, values) => {
  const born = values.birthDate;
  if (!isIsoDate(value) || !isIsoDate(born)) return undefined;
  const twelfth = birthday(born, CONSENT_AGE);
  return value < twelfth
    ? withArgs('consent_under_12', { date: formatLvDate(twelfth) })
    : undefined;
};

/** "Does not wish to be adopted" contradicts a consent given. */
export const notWithConsent: CardValidator = (value, values) =>
  value === true && values.consent === 'given' ? key('contradicts_consent') : undefined;

/** Groups I–III are an adult's: a child (under 18 on the date from) has the group `child`. */
export const adultGroup: CardValidator = (value, values) => {
  const born = values.birthDate;
  const from = values.disabilityFrom;
  if (typeof value !== 'string' || value === 'child' || !isIsoDate(born) || !isIsoDate(from))
    return undefined;
  return yearsOld(born, from) < ADULT_AGE ? key('disability_group_adult') : undefined;
};

/** An ICD-10 code such as F84.0 (empty is fine: the condition alone may be known). */
export const icd10: CardValidator = (value) =>
  typeof value === 'string' && value.trim() !== '' && !ICD10_CODE.test(value.trim().toUpperCase())
    ? key('icd10')
    : undefined;

/** For code inputs: capitals as typed; blank becomes null (the API refuses an empty code). */
export const parseIcd10 = (value: string | null | undefined) =>
  typeof value === 'string' && value.trim() !== '' ? value.toUpperCase() : null;

/** One mother and one father at most: the second row of a parent kind is marked. */
export const oneOfEachParent: CardValidator = (value, values, props) => {
  if (
    typeof value !== 'string' ||
    !(parentKinds as readonly string[]).includes(value) ||
    !props?.source
  )
    return undefined;
  const index = Number(/\.(\d+)\.kind$/.exec(props.source)?.[1] ?? NaN);
  const rows = values.relatives;
  if (!Array.isArray(rows) || Number.isNaN(index)) return undefined;
  return rows.slice(0, index).some((r) => (r as Values | null)?.kind === value)
    ? key('duplicate_parent')
    : undefined;
};

/** Parents and grandparents were born before the child. */
export const elderBornBefore: CardValidator = (value, values, props) => {
  const born = values.birthDate;
  if (!isIsoDate(value) || !isIsoDate(born) || !props?.source) return undefined;
  const kind = valueAt(values, siblingPath(props.source, 'kind'));
  return typeof kind === 'string' &&
    (elderKinds as readonly string[]).includes(kind) &&
    value >= born
    ? withArgs('relative_birth_order', { date: formatLvDate(born) })
    : undefined;
};

/** A date of the child's life (a condition noted since) is not before the birth. */
export const notBeforeChildBirth: CardValidator = (value, values) => {
  const born = values.birthDate;
  return isIsoDate(value) && isIsoDate(born) && value < born
    ? withArgs('date_order_date', { date: formatLvDate(born) })
    : undefined;
};

/** Not before the date in `source` (e.g. disability until ≥ from), naming that date. */
export const notBeforeField =
  (source: string): CardValidator =>
  (value, values) => {
    const other = valueAt(values, source);
    return isIsoDate(value) && isIsoDate(other) && value < other
      ? withArgs('date_order_date', { date: formatLvDate(other) })
      : undefined;
  };

/** An adopter (and the spouse) has turned 25 by the recognising decision. */
export const oldEnoughAtDecision: CardValidator = (value, values) => {
  const decision = values.decisionDate;
  if (!isIsoDate(value) || !isIsoDate(decision) || value > decision) return undefined;
  return yearsOld(value, decision) < MIN_ADOPTER_AGE
    ? withArgs('adopter_too_young', { date: formatLvDate(decision) })
    : undefined;
};

/** The wished age "to" is not below "from". */
export const ageRangeOrder: CardValidator = (value, values) => {
  const from = values.wishedAgeFrom;
  return typeof value === 'number' && typeof from === 'number' && value < from
    ? withArgs('range_order', { from })
    : undefined;
};
