import { normalizePersonalCode, personalCodeProblem, rigaToday } from '@adoption/model';

/*
 * Cross-field checks of the person registers, mirroring the API's rules (backend/src/people/rules.ts)
 * so most mistakes show under the input before saving. Input-level validators: react-admin calls
 * them with the value and all the form's values. They answer a translation key or undefined.
 */
type Values = Record<string, unknown>;
export type PersonValidator = (value: unknown, values: Values) => string | undefined;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
const asText = (v: unknown) => (isEmpty(v) ? undefined : String(v));

/** A valid personal code that fits the birth date in `birthDateSource` (no code is fine). */
export const validPersonalCode =
  (birthDateSource: string): PersonValidator =>
  (value, values) => {
    const code = asText(value);
    if (!code) return undefined;
    const problem = personalCodeProblem(code, asText(values[birthDateSource]));
    return problem ? `app.validation.server.personal_code_${problem}` : undefined;
  };

/** A date not after today in Latvia. */
export const notInFuture =
  (today: () => string = rigaToday): PersonValidator =>
  (value) => {
    const date = asText(value);
    return date && date > today() ? 'app.validation.server.date_in_future' : undefined;
  };

/**
 * A date not before the earlier dates of the record, each `[source, message]` earliest first; as in
 * the API, the nearest earlier date given is the one compared.
 */
export const notBefore =
  (earlier: readonly (readonly [source: string, message: string])[]): PersonValidator =>
  (value, values) => {
    const date = asText(value);
    if (!date) return undefined;
    for (const [source, message] of [...earlier].reverse()) {
      const other = asText(values[source]);
      if (other) return date < other ? message : undefined;
    }
    return undefined;
  };

/** Required when `condition` holds for the form's values. */
export const requiredWhen =
  (condition: (values: Values) => boolean): PersonValidator =>
  (value, values) =>
    isEmpty(value) && condition(values) ? 'ra.validation.required' : undefined;

/** Must stay empty when `condition` holds (e.g. a care provider outside institution care). */
export const emptyWhen =
  (condition: (values: Values) => boolean): PersonValidator =>
  (value, values) =>
    !isEmpty(value) && condition(values) ? 'app.validation.server.not_allowed' : undefined;

/** Fields that come together or not at all: required once any of `together` is given. */
export const requiredWithAny = (together: readonly string[]): PersonValidator =>
  requiredWhen((values) => together.some((source) => !isEmpty(values[source])));

/** A spouse's personal code must not be the applicant's own (`otherSource`). */
export const differentCode =
  (otherSource: string): PersonValidator =>
  (value, values) => {
    const code = asText(value);
    const other = asText(values[otherSource]);
    if (!code || !other) return undefined;
    const same = normalizePersonalCode(code) ?? code;
    return same === (normalizePersonalCode(other) ?? other)
      ? 'app.validation.server.same_person'
      : undefined;
  };
