import { z } from 'zod';
import { adopterOrigins, adopterStatuses } from '../db/tables/adopters';
import { email, phone, reference, text } from '../classifiers/common';
import {
  isoDate,
  longText,
  outDate,
  outText,
  personalCode,
  personRecord,
  rigaToday,
} from '../people/fields';
import { allOrNone, datesInOrder, personalCodeErrors } from '../people/rules';
import type { FieldError } from '../http/problem';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';

/** An adopter record: the applicant, an optional spouse, contacts and the recognising decision. */
export const adopterInput = z.object({
  origin: z.enum(adopterOrigins),
  givenNames: text(200),
  surname: text(200),
  personalCode: personalCode.nullable().default(null),
  birthDate: isoDate,
  spouseGivenNames: longText(200),
  spouseSurname: longText(200),
  spousePersonalCode: personalCode.nullable().default(null),
  spouseBirthDate: isoDate.nullable().default(null),
  declaredAddress: text(300),
  phone,
  email,
  preferredLanguage: z.enum(['lv', 'en']).default('lv'),
  orphanCourtId: reference,
  decisionNumber: text(50),
  decisionDate: isoDate,
  decisionValidUntil: isoDate.nullable().default(null),
  enteredOn: isoDate,
});

/** An adopter as answered; fields the caller's role may not see are left out (policies/fields.ts). */
export const adopterRecord = personRecord('Adopter', z.enum(adopterStatuses), {
  origin: z.enum(adopterOrigins),
  givenNames: z.string(),
  surname: z.string(),
  personalCode: outText,
  birthDate: outDate,
  spouseGivenNames: outText,
  spouseSurname: outText,
  spousePersonalCode: outText,
  spouseBirthDate: outDate.nullable(),
  declaredAddress: z.string(),
  phone: outText,
  email: outText,
  preferredLanguage: z.enum(['lv', 'en']),
  orphanCourtId: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: outDate,
  decisionValidUntil: outDate.nullable(),
  enteredOn: outDate,
});

/** Codes that fit the birth dates; the spouse complete or absent; decision ≤ entry ≤ today. */
export function checkAdopter(a: Record<string, unknown>, today = rigaToday()): FieldError[] {
  const errors = [
    ...personalCodeErrors('personalCode', a.personalCode as string | null, a.birthDate as string),
    ...personalCodeErrors(
      'spousePersonalCode',
      a.spousePersonalCode as string | null,
      a.spouseBirthDate as string | null,
    ),
    ...allOrNone(a, ['spouseGivenNames', 'spouseSurname', 'spouseBirthDate']),
    ...datesInOrder(
      [
        ['birthDate', a.birthDate as string],
        ['decisionDate', a.decisionDate as string],
        ['enteredOn', a.enteredOn as string],
      ],
      today,
    ),
  ];
  if (a.spousePersonalCode && !a.spouseGivenNames) {
    errors.push({
      path: 'body.spouseGivenNames',
      code: 'required',
      message: 'is required together with spousePersonalCode',
    });
  }
  if (a.spousePersonalCode && a.spousePersonalCode === a.personalCode) {
    errors.push({
      path: 'body.spousePersonalCode',
      code: 'same_person',
      message: 'is the same as personalCode',
    });
  }
  const validUntil = a.decisionValidUntil as string | null;
  if (validUntil && validUntil < (a.decisionDate as string)) {
    errors.push({
      path: 'body.decisionValidUntil',
      code: 'date_order',
      message: `must not be before decisionDate (${String(a.decisionDate)})`,
    });
  }
  return errors;
}

export function adopterDerived(a: Record<string, unknown>) {
  const name = `${String(a.surname)} ${String(a.givenNames)}`;
  const spouse = a.spouseSurname ? `${String(a.spouseSurname)} ${String(a.spouseGivenNames)}` : '';
  return {
    searchText: foldForSearch(
      [name, spouse, a.personalCode, a.spousePersonalCode, a.email].filter(Boolean).join(' '),
    ),
    nameSort: latvianSortKey(name),
  };
}
