import { ICD10_CODE } from '@adoption/model';
import { z } from 'zod';
import {
  careForms,
  childStatuses,
  consents,
  disabilityGroups,
  nationalityKinds,
  relativeKinds,
  sexes,
} from '../db/tables/children';
import { reference, text } from '../classifiers/common';
import { isoDate, longText, outDate, outText, personalCode, personRecord } from '../people/fields';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';

/** A relative of the birth family (parents, grandparents, brothers and sisters). */
export const relative = z
  .object({
    kind: z.enum(relativeKinds),
    givenNames: text(200),
    surname: text(200),
    birthDate: isoDate.nullable().default(null),
    residence: longText(300),
    note: longText(1000),
  })
  .strict();

/** A health condition (diagnosis) with its ICD-10 code and the further treatment it needs. */
export const healthCondition = z
  .object({
    condition: text(300),
    icd10: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ICD10_CODE, 'must be an ICD-10 code such as F84.0')
      .nullable()
      .default(null),
    since: isoDate.nullable().default(null),
    treatment: longText(2000),
  })
  .strict();

/** What a specialist enters on the child's card (bērna kartīte); status moves separately. */
export const childInput = z.object({
  givenNames: text(200),
  surname: text(200),
  sex: z.enum(sexes),
  personalCode: personalCode.nullable().default(null),
  birthDate: isoDate,
  nationalityKind: z.enum(nationalityKinds),
  religion: longText(200),
  recordSheetReceivedOn: isoDate,
  careForm: z.enum(careForms),
  careOrphanCourtId: reference,
  careDecisionNumber: text(50),
  careDecisionDate: isoDate,
  careProviderId: reference.nullable().default(null),
  health: longText(),
  furtherTreatment: longText(),
  birthFamilyCharacterisation: longText(),
  personality: longText(),
  development: longText(),
  relativesContact: longText(),
  motherPregnancy: longText(),
  healthConditions: z.array(healthCondition).max(50).default([]),
  disabilityGroup: z.enum(disabilityGroups).nullable().default(null),
  disabilityFrom: isoDate.nullable().default(null),
  disabilityUntil: isoDate.nullable().default(null),
  disabilitySource: longText(200),
  relatives: z.array(relative).max(50).default([]),
  childOpinion: longText(),
  consent: z.enum(consents).nullable().default(null),
  consentDate: isoDate.nullable().default(null),
  doesNotWishAdoption: z.boolean().default(false),
  clearedAbroad: z.boolean().default(false),
  abroadCourtDecisionNumber: longText(50),
  abroadCourtDecisionDate: isoDate.nullable().default(null),
  abroadCommissionOpinionDate: isoDate.nullable().default(null),
  legallyFree: z.boolean().default(false),
  legalStatusNote: longText(1000),
  /** Save although a child with the same name and birth date exists (not stored). */
  confirmLikelyDuplicate: z.boolean().optional(),
});

/** A child as answered; fields the caller's role may not see are left out (policies/fields.ts). */
export const childRecord = personRecord('Child', z.enum(childStatuses), {
  givenNames: z.string(),
  surname: z.string(),
  sex: z.enum(sexes),
  personalCode: outText.meta({ description: '11 digits, no hyphen' }),
  birthDate: outDate,
  nationalityKind: z.enum(nationalityKinds),
  religion: outText,
  recordSheetReceivedOn: outDate,
  careForm: z.enum(careForms),
  careOrphanCourtId: z.number().int(),
  careDecisionNumber: z.string(),
  careDecisionDate: outDate,
  careProviderId: z.number().int().nullable(),
  health: outText,
  furtherTreatment: outText,
  birthFamilyCharacterisation: outText,
  /** Read-only: set through `PUT /api/sibling-groups/:id/members`. */
  siblingGroupId: z.number().int().nullable(),
  personality: outText,
  development: outText,
  relativesContact: outText,
  motherPregnancy: outText,
  healthConditions: z.array(
    z.object({
      condition: z.string(),
      icd10: outText,
      since: outDate.nullable(),
      treatment: outText,
    }),
  ),
  disabilityGroup: z.enum(disabilityGroups).nullable(),
  disabilityFrom: outDate.nullable(),
  disabilityUntil: outDate.nullable(),
  disabilitySource: outText,
  relatives: z.array(
    z.object({
      kind: z.enum(relativeKinds),
      givenNames: z.string(),
      surname: z.string(),
      birthDate: outDate.nullable(),
      residence: outText,
      note: outText,
    }),
  ),
  childOpinion: outText,
  consent: z.enum(consents).nullable(),
  consentDate: outDate.nullable(),
  doesNotWishAdoption: z.boolean(),
  clearedAbroad: z.boolean(),
  abroadCourtDecisionNumber: outText,
  abroadCourtDecisionDate: outDate.nullable(),
  abroadCommissionOpinionDate: outDate.nullable(),
  legallyFree: z.boolean(),
  legalStatusNote: outText,
});

export function childDerived(c: Record<string, unknown>) {
  const name = `${String(c.surname)} ${String(c.givenNames)}`;
  return {
    // The personal code is searchable (with and without the hyphen) but never sorted on.
    searchText: foldForSearch(`${name} ${String(c.personalCode ?? '')}`),
    nameSort: latvianSortKey(name),
  };
}
