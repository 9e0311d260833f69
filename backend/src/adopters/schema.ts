import { z } from 'zod';
import {
  adopterOrigins,
  adopterStatuses,
  healthAcceptances,
  needAnswers,
  wishedSexes,
} from '../db/tables/adopters';
import { email, phone, reference, text } from '../classifiers/common';
import { isoDate, longText, outDate, outText, personalCode, personRecord } from '../people/fields';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';

/**
 * A refusal of an offered child and its reason (atteikums). An empty reason records that the
 * adopter gave none: an unreasoned refusal, which the refusal rule counts (offers/refusal-rule.ts).
 */
export const refusal = z
  .object({
    refusedOn: isoDate,
    childId: reference.nullable().default(null),
    // The console sends an emptied input as null: both mean no reason, stored as ''.
    reason: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .nullish()
      .transform((s) => s ?? '')
      .meta({ description: 'Empty (or null) when the adopter gave no reason' }),
  })
  .strict();

/** One graded wish: a need of a child and whether the adopter can meet it (`consider` needs a note). */
export const needWish = z
  .object({
    need: z.enum(healthAcceptances),
    answer: z.enum(needAnswers),
    note: longText(1000),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.answer === 'consider' && !w.note)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'is required when the answer is consider',
      });
  });

const age = z.number().int().min(0, 'must be at least 0').max(17, 'must be at most 17');

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
  religion: longText(200),
  ethnicity: longText(100),
  motivation: longText(),
  wishedChildrenCount: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(10, 'must be at most 10')
    .default(1),
  wishedSex: z.enum(wishedSexes).default('any'),
  wishedAgeFrom: age.default(0),
  wishedAgeTo: age.default(17),
  needWishes: z
    .array(needWish)
    .max(healthAcceptances.length)
    .refine((a) => new Set(a.map((w) => w.need)).size === a.length, 'must not list a need twice')
    .default([]),
  acceptsSiblings: z.boolean().default(false),
  wishedReligion: longText(200),
  wishedLanguage: longText(100),
  wishesNote: longText(2000),
  countryId: reference.nullable().default(null),
  foreignAuthority: longText(300),
  homeStudyReportDate: isoDate.nullable().default(null),
  trainingCertificateNumber: longText(50),
  trainingCertificateDate: isoDate.nullable().default(null),
  refusals: z.array(refusal).max(100).default([]),
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
  religion: outText,
  ethnicity: outText,
  motivation: outText,
  wishedChildrenCount: z.number().int(),
  wishedSex: z.enum(wishedSexes),
  wishedAgeFrom: z.number().int(),
  wishedAgeTo: z.number().int(),
  needWishes: z.array(
    z.object({
      need: z.enum(healthAcceptances),
      answer: z.enum(needAnswers),
      note: z.string().nullable(),
    }),
  ),
  acceptsSiblings: z.boolean(),
  wishedReligion: outText,
  wishedLanguage: outText,
  wishesNote: outText,
  countryId: z.number().int().nullable(),
  foreignAuthority: outText,
  homeStudyReportDate: outDate.nullable(),
  trainingCertificateNumber: outText,
  trainingCertificateDate: outDate.nullable(),
  refusals: z.array(
    z.object({ refusedOn: outDate, childId: z.number().int().nullable(), reason: z.string() }),
  ),
});

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
