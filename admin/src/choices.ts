import {
  adopterOrigins,
  adopterStatuses,
  auditActions,
  auditResources,
  careForms,
  careProviderKinds,
  changeRequestKinds,
  changeRequestResources,
  changeRequestStatuses,
  childStatuses,
  consents,
  disabilityGroups,
  mailTemplateNames,
  nationalityKinds,
  outboxStatuses,
  relativeKinds,
  roles,
  sexes,
  territoryKinds,
  wishedSexes,
  type EnumName,
} from '@adoption/model';

/*
 * The choices of the console's selects and filters: the shared model's enumerations
 * (model/src/enums.ts) with translation keys as names (SelectInput/SelectField translate them).
 */
const choices = (prefix: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `${prefix}.${id}` }));
const enumChoices = (name: EnumName, ids: readonly string[]) => choices(`app.enums.${name}`, ids);

export const roleChoices = enumChoices('role', roles);
/** Languages by their own names. */
export const languageChoices = [
  { id: 'lv', name: 'Latviešu' },
  { id: 'en', name: 'English' },
];
export const territoryKindChoices = enumChoices('territory_kind', territoryKinds);
export const careProviderKindChoices = enumChoices('care_provider_kind', careProviderKinds);

// The child's card.
export const childStatusChoices = enumChoices('child_status', childStatuses);
export const sexChoices = enumChoices('sex', sexes);
export const nationalityKindChoices = enumChoices('nationality_kind', nationalityKinds);
export const careFormChoices = enumChoices('care_form', careForms);
export const disabilityGroupChoices = enumChoices('disability_group', disabilityGroups);
export const consentChoices = enumChoices('consent', consents);
export const relativeKindChoices = enumChoices('relative_kind', relativeKinds);

// The adopter.
export const adopterStatusChoices = enumChoices('adopter_status', adopterStatuses);
export const adopterOriginChoices = enumChoices('adopter_origin', adopterOrigins);
export const wishedSexChoices = enumChoices('wished_sex', wishedSexes);

// Change requests, outgoing mail, the audit trail.
export const changeRequestStatusChoices = choices(
  'app.change_requests.statuses',
  changeRequestStatuses,
);
export const changeRequestResourceChoices = choices(
  'app.change_requests.resources',
  changeRequestResources,
);
export const changeRequestKindChoices = choices('app.change_requests.kinds', changeRequestKinds);
export const outgoingMailStatusChoices = choices('app.outgoing_mail.statuses', outboxStatuses);
export const outgoingMailTemplateChoices = choices(
  'app.outgoing_mail.templates',
  mailTemplateNames,
);
export const auditActionChoices = choices('app.audit.actions', auditActions);
export const auditResourceChoices = choices('app.audit.resources', auditResources);
