/*
 * The card's fields as the console shows them: each field's kind (how its value reads: an
 * enumeration, a date, a personal code, a reference, a sub-list) and the card's order of fields
 * (its tabs, top to bottom), so changes are listed the way the card shows them.
 */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'personalCode' }
  | { kind: 'number' }
  /** `app.enums.<name>.<value>` */
  | { kind: 'enum'; name: string }
  /** A list of enumeration values (an adopter's accepted health conditions). */
  | { kind: 'enumList'; name: string }
  | { kind: 'reference'; reference: string }
  /** A sub-list of rows (relatives, health conditions, refusals). */
  | { kind: 'list' };

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const bool = { kind: 'boolean' } as const;
const code = { kind: 'personalCode' } as const;
const num = { kind: 'number' } as const;
const list = { kind: 'list' } as const;
const enumOf = (name: string) => ({ kind: 'enum', name }) as const;
const ref = (reference: string) => ({ kind: 'reference', reference }) as const;

const kinds: Record<string, Record<string, FieldKind>> = {
  children: {
    status: enumOf('child_status'),
    sex: enumOf('sex'),
    personalCode: code,
    nationalityKind: enumOf('nationality_kind'),
    careForm: enumOf('care_form'),
    careOrphanCourtId: ref('orphan-courts'),
    careProviderId: ref('care-providers'),
    siblingGroupId: ref('sibling-groups'),
    disabilityGroup: enumOf('disability_group'),
    consent: enumOf('consent'),
    doesNotWishAdoption: bool,
    clearedAbroad: bool,
    legallyFree: bool,
    relatives: list,
    healthConditions: list,
  },
  adopters: {
    status: enumOf('adopter_status'),
    origin: enumOf('adopter_origin'),
    personalCode: code,
    spousePersonalCode: code,
    preferredLanguage: enumOf('language'),
    orphanCourtId: ref('orphan-courts'),
    countryId: ref('countries'),
    wishedChildrenCount: num,
    wishedSex: enumOf('wished_sex'),
    wishedAgeFrom: num,
    wishedAgeTo: num,
    needWishes: list,
    acceptsSiblings: bool,
    refusals: list,
  },
  'sibling-groups': {
    mayBeSeparated: bool,
    separationOrphanCourtId: ref('orphan-courts'),
  },
};

const DATE_FIELD = /(Date|On|From|Until)$/;

export function fieldKind(resource: string, field: string): FieldKind {
  return kinds[resource]?.[field] ?? (DATE_FIELD.test(field) ? date : text);
}

/** The card's order of fields (its tabs, top to bottom), for listing changes the same way. */
export const cardFieldOrder: Record<string, readonly string[]> = {
  children: [
    'status',
    'surname',
    'givenNames',
    'sex',
    'personalCode',
    'birthDate',
    'nationalityKind',
    'recordSheetReceivedOn',
    'careForm',
    'careOrphanCourtId',
    'careDecisionNumber',
    'careDecisionDate',
    'careProviderId',
    'legallyFree',
    'legalStatusNote',
    'health',
    'healthConditions',
    'disabilityGroup',
    'disabilityFrom',
    'disabilityUntil',
    'disabilitySource',
    'motherPregnancy',
    'furtherTreatment',
    'personality',
    'development',
    'relativesContact',
    'relatives',
    'birthFamilyCharacterisation',
    'religion',
    'childOpinion',
    'consent',
    'consentDate',
    'doesNotWishAdoption',
    'clearedAbroad',
    'abroadCourtDecisionNumber',
    'abroadCourtDecisionDate',
    'abroadCommissionOpinionDate',
    'siblingGroupId',
  ],
  adopters: [
    'status',
    'origin',
    'surname',
    'givenNames',
    'personalCode',
    'birthDate',
    'spouseSurname',
    'spouseGivenNames',
    'spousePersonalCode',
    'spouseBirthDate',
    'declaredAddress',
    'phone',
    'email',
    'preferredLanguage',
    'orphanCourtId',
    'decisionNumber',
    'decisionDate',
    'decisionValidUntil',
    'enteredOn',
    'trainingCertificateNumber',
    'trainingCertificateDate',
    'religion',
    'ethnicity',
    'motivation',
    'wishedChildrenCount',
    'wishedSex',
    'wishedAgeFrom',
    'wishedAgeTo',
    'needWishes',
    'acceptsSiblings',
    'wishedReligion',
    'wishedLanguage',
    'wishesNote',
    'countryId',
    'foreignAuthority',
    'homeStudyReportDate',
    'refusals',
  ],
};

/** Entries `[field, …]` in the card's order; fields it does not list come last. */
export function inCardOrder<T>(resource: string, entries: [string, T][]): [string, T][] {
  const fields = cardFieldOrder[resource] ?? [];
  const rank = (f: string) => {
    const i = fields.indexOf(f);
    return i < 0 ? fields.length : i;
  };
  return [...entries].sort(([a], [b]) => rank(a) - rank(b));
}
