/** The child card's enumerations (backend/src/db/tables/children.ts); names are translation keys. */
const choices = (kind: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `app.enums.${kind}.${id}` }));

/** The child's way through the register, in the order a case usually goes. */
export const childStatuses = [
  'record_received',
  'available',
  'offered',
  'getting_acquainted',
  'pre_adoption_care',
  'best_interests_confirmed',
  'permit_issued',
  'adopted',
  'not_consenting',
  'suspended',
  'withdrawn',
] as const;

export const sexes = ['female', 'male'] as const;
export const nationalityKinds = ['citizen', 'non_citizen', 'foreigner', 'stateless'] as const;
export const careForms = ['care_institution', 'foster_family', 'guardianship'] as const;
/** The statistics' age bands (backend/src/statistics/age-bands.ts). */
export const ageBands = ['0-2', '3-6', '7-9', '10-13', '14-17', '18+'] as const;

export const childStatusChoices = choices('child_status', childStatuses);
export const sexChoices = choices('sex', sexes);
export const nationalityKindChoices = choices('nationality_kind', nationalityKinds);
export const careFormChoices = choices('care_form', careForms);
/** Disability as VDEĀVK determines it: a child's without a group, an adult's I–III. */
export const disabilityGroups = ['child', 'I', 'II', 'III'] as const;
export const consents = ['given', 'refused'] as const;
/** Members of the birth family the record sheet lists. */
export const relativeKinds = [
  'mother',
  'father',
  'sister',
  'brother',
  'half_sister',
  'half_brother',
  'grandmother',
  'grandfather',
  'other',
] as const;

export const disabilityGroupChoices = choices('disability_group', disabilityGroups);
export const consentChoices = choices('consent', consents);
export const relativeKindChoices = choices('relative_kind', relativeKinds);
