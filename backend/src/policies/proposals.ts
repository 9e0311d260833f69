import type { Role } from './roles';
import { fieldsOfGroups } from './fields';
import type { ChangeRequestResource } from '../db/tables/change-requests';
import { separationFields } from '../sibling-groups/schema';

/**
 * Who may propose what (change requests, backend/src/change-requests/): the fields each outside
 * organisation is responsible for. A care institution reports the child's health and development,
 * contact with relatives and placement changes; an orphan court sends the record sheet of a new
 * child (Regulation No. 794) and its own decisions — care, clearance for adoption abroad, legal
 * status — the adopters it recognised, and whether brothers and sisters may be separated. Every other field, and every other role, proposes
 * nothing. Proposals never write the register: an adoption specialist accepts them.
 */
export type ProposalResource = ChangeRequestResource;
export type ProposalKind = 'create' | 'update';

// The children's field groups `health` and `development` (./fields.ts).
const childHealth = fieldsOfGroups('children', 'health');
const childDevelopment = fieldsOfGroups('children', 'development');
const childPlacementChange = ['careForm', 'careProviderId'] as const;

const childCareDecision = [
  'careForm',
  'careOrphanCourtId',
  'careDecisionNumber',
  'careDecisionDate',
  'careProviderId',
] as const;
const childAbroadClearance = [
  'clearedAbroad',
  'abroadCourtDecisionNumber',
  'abroadCourtDecisionDate',
] as const;
const childLegalStatus = ['legallyFree', 'legalStatusNote'] as const;

/** The whole record sheet (uzskaites lapa) of a new child: every field of the card. */
const childRecordSheet = [
  'givenNames',
  'surname',
  'sex',
  'personalCode',
  'birthDate',
  'nationalityKind',
  'religion',
  'recordSheetReceivedOn',
  ...childCareDecision,
  'health',
  'furtherTreatment',
  'birthFamilyCharacterisation',
  'personality',
  'development',
  'relativesContact',
  'motherPregnancy',
  'healthConditions',
  'disabilityGroup',
  'disabilityFrom',
  'disabilityUntil',
  'disabilitySource',
  'relatives',
  'childOpinion',
  'consent',
  'consentDate',
  'doesNotWishAdoption',
  'clearedAbroad',
  'abroadCourtDecisionNumber',
  'abroadCourtDecisionDate',
  'abroadCommissionOpinionDate',
  'legallyFree',
  'legalStatusNote',
] as const;

// The adopters' groups identity, contact, recognition, background, wishes and foreign of
// ./fields.ts: everything the recognising court decided on. Refusals of offered children are the
// specialist's own record.
const adopterRecognised = fieldsOfGroups(
  'adopters',
  'identity',
  'contact',
  'recognition',
  'background',
  'wishes',
  'foreign',
);

/** Its decision that the children of a sibling group may (or may not) be adopted separately. */
const siblingSeparation = ['mayBeSeparated', ...separationFields] as const;

type Table = Partial<
  Record<Role, Partial<Record<ProposalResource, Partial<Record<ProposalKind, readonly string[]>>>>>
>;

// prettier-ignore
const responsibilities: Table = {
  care_institution: {
    children: { update: [...childHealth, ...childDevelopment, ...childPlacementChange] },
  },
  orphan_court: {
    children: {
      create: childRecordSheet,
      update: [...childCareDecision, ...childAbroadClearance, ...childLegalStatus],
    },
    adopters: { create: adopterRecognised, update: adopterRecognised },
    'sibling-groups': { update: siblingSeparation },
  },
};

/** The fields `role` may propose for `kind` on `resource` (empty: it may not propose that). */
export function proposableFields(
  role: Role,
  resource: ProposalResource,
  kind: ProposalKind,
): readonly string[] {
  return [...new Set(responsibilities[role]?.[resource]?.[kind] ?? [])];
}

/** Whether `role` proposes anything at all (the console's "Propose a change"). */
export function proposes(role: Role): boolean {
  return responsibilities[role] !== undefined;
}

/** The fields of `fields` the role is not responsible for (empty: it may propose them all). */
export function notResponsibleFor(
  role: Role,
  resource: ProposalResource,
  kind: ProposalKind,
  fields: readonly string[],
): string[] {
  const allowed = new Set(proposableFields(role, resource, kind));
  return fields.filter((f) => !allowed.has(f));
}

/** The roles that propose something, with what (for the docs table and the tests). */
export function responsibilityTable(): Table {
  return responsibilities;
}
