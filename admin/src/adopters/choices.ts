/** The adopter record's enumerations (backend/src/db/tables/adopters.ts); names are translation keys. */
export const adopterStatuses = [
  'registered',
  'waiting',
  'information_received',
  'getting_acquainted',
  'pre_adoption_care',
  'adopted',
  'closed',
  'suspended',
  'status_expired',
  'revoked',
  'withdrawn',
] as const;

export const adopterOrigins = ['latvian', 'foreign'] as const;

export const adopterStatusChoices = adopterStatuses.map((id) => ({
  id,
  name: `app.enums.adopter_status.${id}`,
}));

export const adopterOriginChoices = adopterOrigins.map((id) => ({
  id,
  name: `app.enums.adopter_origin.${id}`,
}));
export const wishedSexes = ['any', 'female', 'male'] as const;
/** Health conditions and disabilities an adopter may declare acceptable. */
export const healthAcceptances = [
  'minor_conditions',
  'chronic_illness',
  'developmental_delay',
  'disability',
  'infectious_disease',
] as const;
export const wishedSexChoices = wishedSexes.map((id) => ({
  id,
  name: `app.enums.wished_sex.${id}`,
}));
export const healthAcceptanceChoices = healthAcceptances.map((id) => ({
  id,
  name: `app.enums.health_acceptance.${id}`,
}));
