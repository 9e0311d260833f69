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
