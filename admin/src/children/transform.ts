/*
 * What the child form sends: the API refuses values that do not belong (a care provider outside
 * institution care, abroad decisions of a child not cleared for adoption abroad, disability
 * details without a group), and the form hides those inputs, so their stale values are cleared.
 */
type Values = Record<string, unknown>;

export const inInstitution = (values: Values) => values.careForm === 'care_institution';

const nullify = (data: Values, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, null]));

export const abroadFields = [
  'abroadCourtDecisionNumber',
  'abroadCourtDecisionDate',
  'abroadCommissionOpinionDate',
] as const;
export const disabilityDetails = ['disabilityFrom', 'disabilityUntil', 'disabilitySource'] as const;

export function childTransform(data: Values): Values {
  return {
    ...data,
    ...(inInstitution(data) ? {} : { careProviderId: null }),
    ...(data.clearedAbroad === true ? {} : nullify(data, abroadFields)),
    ...(data.disabilityGroup ? {} : nullify(data, disabilityDetails)),
  };
}
