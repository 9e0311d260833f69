import type { Role } from './enums';

/**
 * Field groups of the person registers and who may see them: which parts of a person record each role may see, where the law makes the
 * difference (special categories: health, religion; the birth family). A field not listed in a
 * group is bookkeeping (id, version, timestamps, status) and visible to whoever sees the record.
 * The API strips hidden fields from every answer; the console asks `canAccess` with
 * `<resource>.<group>` (from `GET /api/auth/me`, which depends on the caller) to hide the same
 * parts (tabs, columns, inputs) instead of showing them empty.
 */
const groups = {
  children: {
    identity: ['givenNames', 'surname', 'sex', 'personalCode', 'birthDate', 'nationalityKind'],
    placement: [
      'recordSheetReceivedOn',
      'careForm',
      'careOrphanCourtId',
      'careDecisionNumber',
      'careDecisionDate',
      'careProviderId',
      'siblingGroupId',
      'legallyFree',
      'legalStatusNote',
    ],
    religion: ['religion'],
    health: [
      'health',
      'furtherTreatment',
      'healthConditions',
      'disabilityGroup',
      'disabilityFrom',
      'disabilityUntil',
      'disabilitySource',
      'motherPregnancy',
    ],
    development: ['personality', 'development', 'relativesContact'],
    birthFamily: ['birthFamilyCharacterisation', 'relatives'],
    adoption: [
      'childOpinion',
      'consent',
      'consentDate',
      'doesNotWishAdoption',
      'clearedAbroad',
      'abroadCourtDecisionNumber',
      'abroadCourtDecisionDate',
      'abroadCommissionOpinionDate',
    ],
  },
  adopters: {
    identity: [
      'origin',
      'givenNames',
      'surname',
      'personalCode',
      'birthDate',
      'spouseGivenNames',
      'spouseSurname',
      'spousePersonalCode',
      'spouseBirthDate',
    ],
    contact: ['declaredAddress', 'phone', 'email', 'preferredLanguage'],
    recognition: [
      'orphanCourtId',
      'decisionNumber',
      'decisionDate',
      'decisionValidUntil',
      'enteredOn',
      'trainingCertificateNumber',
      'trainingCertificateDate',
    ],
    background: ['religion', 'ethnicity', 'motivation'],
    wishes: [
      'wishedChildrenCount',
      'wishedSex',
      'wishedAgeFrom',
      'wishedAgeTo',
      'needWishes',
      'acceptsSiblings',
      'wishedReligion',
      'wishedLanguage',
      'wishesNote',
    ],
    foreign: ['countryId', 'foreignAuthority', 'homeStudyReportDate'],
    refusals: ['refusals'],
  },
} as const;

type Groups = typeof groups;
export type FieldResource = keyof Groups;
export type FieldGroup<R extends FieldResource> = keyof Groups[R] & string;
export type ChildGroup = FieldGroup<'children'>;
export type AdopterGroup = FieldGroup<'adopters'>;

/** The groups of a resource in the record sheet's order (the card's tabs). */
export const fieldGroupNames = <R extends FieldResource>(resource: R) =>
  Object.keys(groups[resource]) as FieldGroup<R>[];
export const childGroups: readonly ChildGroup[] = fieldGroupNames('children');
export const adopterGroups: readonly AdopterGroup[] = fieldGroupNames('adopters');

const S: Role = 'adoption_specialist';
const H: Role = 'head_of_department';
const C: Role = 'care_institution';
const O: Role = 'orphan_court';

// Who sees which group (within the rows their record scope allows).
// A care institution reports health and development but gets neither the birth family's social
// characterisation nor the religion; an orphan court made the care decision and sees it all.
// prettier-ignore
const visibleTo: { [R in FieldResource]: Record<FieldGroup<R>, readonly Role[]> } = {
  children: {
    identity:    [S, H, C, O],
    placement:   [S, H, C, O],
    religion:    [S, H,    O],
    health:      [S, H, C, O],
    development: [S, H, C, O],
    birthFamily: [S, H,    O],
    adoption:    [S, H,    O],
  },
  adopters: {
    identity:    [S, H,    O],
    contact:     [S, H,    O],
    recognition: [S, H,    O],
    background:  [S, H,    O],
    wishes:      [S, H,    O],
    foreign:     [S, H,    O],
    refusals:    [S, H,    O],
  },
};

export function visibleGroups<R extends FieldResource>(resource: R, role: Role): FieldGroup<R>[] {
  return (Object.entries(visibleTo[resource]) as [FieldGroup<R>, readonly Role[]][])
    .filter(([, roles]) => roles.includes(role))
    .map(([group]) => group);
}

/** The fields of the named groups, in group order (e.g. what an outside organisation reports). */
export function fieldsOfGroups<R extends FieldResource>(
  resource: R,
  ...names: FieldGroup<R>[]
): string[] {
  const of = groups[resource] as Record<string, readonly string[]>;
  return names.flatMap((name) => of[name] ?? []);
}

/** Every field some group of the resource lists. */
export function groupedFields(resource: FieldResource): string[] {
  return Object.values(groups[resource]).flat();
}

/** The fields of the resource this role must not see. */
export function hiddenFields(resource: FieldResource, role: Role): Set<string> {
  const visible = new Set<FieldGroup<typeof resource>>(visibleGroups(resource, role));
  const hidden = (Object.entries(groups[resource]) as [string, readonly string[]][])
    .filter(([group]) => !visible.has(group as FieldGroup<typeof resource>))
    .flatMap(([, fields]) => fields);
  return new Set(hidden);
}

/** `children.health:read`, … : the field groups a role sees, in the console's permission form. */
export function fieldPermissions(role: Role): string[] {
  return (Object.keys(groups) as FieldResource[]).flatMap((resource) =>
    visibleGroups(resource, role).map((group) => `${resource}.${group}:read`),
  );
}
