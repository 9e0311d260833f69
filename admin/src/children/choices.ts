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
