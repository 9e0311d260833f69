import { z } from 'zod';
import { careForms, childStatuses, nationalityKinds, sexes } from '../db/tables/children';
import { reference, text } from '../classifiers/common';
import {
  isoDate,
  longText,
  outDate,
  outText,
  personalCode,
  personRecord,
  rigaToday,
} from '../people/fields';
import { datesInOrder, personalCodeErrors } from '../people/rules';
import type { FieldError } from '../http/problem';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';

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
});

/** Birth ≤ care decision ≤ record sheet received ≤ today; a code that fits; a provider when placed in an institution. */
export function checkChild(c: Record<string, unknown>, today = rigaToday()): FieldError[] {
  const errors = [
    ...personalCodeErrors('personalCode', c.personalCode as string | null, c.birthDate as string),
    ...datesInOrder(
      [
        ['birthDate', c.birthDate as string],
        ['careDecisionDate', c.careDecisionDate as string],
        ['recordSheetReceivedOn', c.recordSheetReceivedOn as string],
      ],
      today,
    ),
  ];
  const inInstitution = c.careForm === 'care_institution';
  if (inInstitution && c.careProviderId == null) {
    errors.push({
      path: 'body.careProviderId',
      code: 'required',
      message: 'is required when the child is in a care institution',
    });
  }
  if (!inInstitution && c.careProviderId != null) {
    errors.push({
      path: 'body.careProviderId',
      code: 'not_allowed',
      message: 'is only given when the care form is care_institution',
    });
  }
  return errors;
}

export function childDerived(c: Record<string, unknown>) {
  const name = `${String(c.surname)} ${String(c.givenNames)}`;
  return {
    // The personal code is searchable (with and without the hyphen) but never sorted on.
    searchText: foldForSearch(`${name} ${String(c.personalCode ?? '')}`),
    nameSort: latvianSortKey(name),
  };
}
