import type { ChangeRequestKind, ChangeRequestResource, Role } from './enums';
import { fieldsOfGroups } from './fields';

/**
 * Who may propose what (change requests): the fields each outside organisation is responsible
 * for, in the groups the propose page shows. A care institution reports the child's health and
 * development, contact with relatives and placement changes; an orphan court sends the record
 * sheet of a new child (Regulation No. 794) and its own decisions — care, clearance for adoption
 * abroad, legal status — the adopters it recognised, and whether brothers and sisters may be
 * separated. Every other field, and every other role, proposes nothing. Proposals never write
 * the register: an adoption specialist accepts them.
 */
export type ProposalResource = ChangeRequestResource;
export type ProposalKind = ChangeRequestKind;
/** A named group of fields (`app.change_requests.groups.<group>` in the console). */
export interface ProposalGroup {
  group: string;
  fields: readonly string[];
}

/** An orphan court's decision on separating a sibling group (with `mayBeSeparated`). */
export const separationFields = [
  'separationOrphanCourtId',
  'separationDecisionNumber',
  'separationDecisionDate',
] as const;

const childCareDecision = [
  'careForm',
  'careOrphanCourtId',
  'careDecisionNumber',
  'careDecisionDate',
  'careProviderId',
] as const;

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
const adopterRecognised: readonly ProposalGroup[] = [
  {
    group: 'recognition',
    fields: fieldsOfGroups(
      'adopters',
      'identity',
      'contact',
      'recognition',
      'background',
      'wishes',
      'foreign',
    ),
  },
];

type Table = Partial<
  Record<
    Role,
    Partial<Record<ProposalResource, Partial<Record<ProposalKind, readonly ProposalGroup[]>>>>
  >
>;

const responsibilities: Table = {
  care_institution: {
    children: {
      update: [
        // The children's field groups `health` and `development` (./fields.ts).
        { group: 'health', fields: fieldsOfGroups('children', 'health') },
        { group: 'development', fields: fieldsOfGroups('children', 'development') },
        { group: 'placement', fields: ['careForm', 'careProviderId'] },
      ],
    },
  },
  orphan_court: {
    children: {
      create: [{ group: 'record_sheet', fields: childRecordSheet }],
      update: [
        { group: 'care_decision', fields: childCareDecision },
        {
          group: 'abroad',
          fields: ['clearedAbroad', 'abroadCourtDecisionNumber', 'abroadCourtDecisionDate'],
        },
        { group: 'legal_status', fields: ['legallyFree', 'legalStatusNote'] },
      ],
    },
    adopters: { create: adopterRecognised, update: adopterRecognised },
    'sibling-groups': {
      update: [{ group: 'separation', fields: ['mayBeSeparated', ...separationFields] }],
    },
  },
};

/** The groups of fields `role` may propose for `kind` on `resource` (none: it may not). */
export function proposalGroups(
  role: unknown,
  resource: ProposalResource,
  kind: ProposalKind = 'update',
): readonly ProposalGroup[] {
  return responsibilities[role as Role]?.[resource]?.[kind] ?? [];
}

/** The fields `role` may propose for `kind` on `resource` (empty: it may not propose that). */
export function proposableFields(
  role: unknown,
  resource: ProposalResource,
  kind: ProposalKind = 'update',
): readonly string[] {
  return [...new Set(proposalGroups(role, resource, kind).flatMap((g) => g.fields))];
}

/** Whether `role` proposes anything at all (the console's "Propose a change"). */
export function proposes(role: unknown): boolean {
  return responsibilities[role as Role] !== undefined;
}

/** Whether the role proposes a new child's record sheet. */
export const proposesNewChild = (role: unknown) =>
  proposalGroups(role, 'children', 'create').length > 0;

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

/** Role → resource → kind → fields, for the docs table and the tests. */
export function responsibilityTable() {
  const fields = (groups: readonly ProposalGroup[] = []) => groups.flatMap((g) => g.fields);
  return Object.fromEntries(
    Object.entries(responsibilities).map(([role, resources]) => [
      role,
      Object.fromEntries(
        Object.entries(resources).map(([resource, kinds]) => [
          resource,
          Object.fromEntries(Object.entries(kinds).map(([kind, g]) => [kind, fields(g)])),
        ]),
      ),
    ]),
  ) as Partial<
    Record<Role, Partial<Record<ProposalResource, Partial<Record<ProposalKind, string[]>>>>>
  >;
}
