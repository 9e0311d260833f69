/*
 * What the adopter form sends: the foreign adopter's country, authority and home-study report
 * only for origin "foreign" (the API refuses them otherwise, and the form hides their tab).
 */
type Values = Record<string, unknown>;

export const foreignFields = ['countryId', 'foreignAuthority', 'homeStudyReportDate'] as const;

export const isForeign = (values: Values) => values.origin === 'foreign';

export function adopterTransform(data: Values): Values {
  if (isForeign(data)) return data;
  return { ...data, ...Object.fromEntries(foreignFields.map((f) => [f, null])) };
}
