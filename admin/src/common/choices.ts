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
