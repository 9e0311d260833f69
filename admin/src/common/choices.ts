/** Enumerations of the classifiers; names are translation keys (SelectInput/SelectField translate them). */
export const territoryKindChoices = [
  { id: 'state_city', name: 'app.enums.territory_kind.state_city' },
  { id: 'municipality', name: 'app.enums.territory_kind.municipality' },
];

export const careProviderKindChoices = [
  {
    id: 'children_care_institution',
    name: 'app.enums.care_provider_kind.children_care_institution',
  },
  { id: 'social_care_centre', name: 'app.enums.care_provider_kind.social_care_centre' },
  { id: 'family_type_home', name: 'app.enums.care_provider_kind.family_type_home' },
  { id: 'crisis_centre', name: 'app.enums.care_provider_kind.crisis_centre' },
];

/** The roles of the register's users (backend/src/policies/roles.ts). */
export const roleChoices = [
  'administrator',
  'adoption_specialist',
  'head_of_department',
  'care_institution',
  'orphan_court',
  'analyst',
  'auditor',
].map((id) => ({ id, name: `app.enums.role.${id}` }));

export const languageChoices = [
  { id: 'lv', name: 'Latviešu' },
  { id: 'en', name: 'English' },
];
