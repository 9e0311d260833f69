import type {
  AdopterStatus,
  adopterOrigins,
  careForms,
  ChildStatus,
  consents,
  disabilityGroups,
  healthAcceptances,
  needAnswers,
  Language,
  nationalityKinds,
  relativeKinds,
  sexes,
  wishedSexes,
} from './enums';

/*
 * The person registers' records as the API answers them (JSON: dates `YYYY-MM-DD`, instants ISO
 * strings). The card's fields are optional: the API leaves out the groups the caller's role may
 * not see (./fields.ts). The API's answer schemas (backend children/, adopters/, sibling-groups/
 * schema.ts) are checked against these types when the backend compiles.
 */
type Of<T extends readonly string[]> = T[number];

/** Bookkeeping every register record carries. */
export interface RecordMeta {
  id: number;
  /** Send back unchanged on update; a stale one gets 409. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One relative of the birth family (a row of the card's sub-list). */
export interface Relative {
  kind: Of<typeof relativeKinds>;
  givenNames: string;
  surname: string;
  birthDate: string | null;
  residence: string | null;
  note: string | null;
}

/** One health condition (diagnosis) with its further treatment. */
export interface HealthCondition {
  condition: string;
  /** ICD-10 code (SSK-10), e.g. F84.0. */
  icd10: string | null;
  since: string | null;
  treatment: string | null;
}

/** The adopter's answer for one need; a need not listed counts as `cannot_meet`. */
export interface NeedWish {
  need: Of<typeof healthAcceptances>;
  answer: Of<typeof needAnswers>;
  /** Required with `consider`: what the adopter would need to know or have. */
  note: string | null;
}

/** A refusal of an offered child, with its reason. */
export interface Refusal {
  refusedOn: string;
  childId: number | null;
  reason: string;
}

/** The card's fields of a child. */
export interface ChildFields {
  givenNames: string;
  surname: string;
  sex: Of<typeof sexes>;
  /** 11 digits, no hyphen. */
  personalCode: string | null;
  birthDate: string;
  nationalityKind: Of<typeof nationalityKinds>;
  religion: string | null;
  recordSheetReceivedOn: string;
  careForm: Of<typeof careForms>;
  careOrphanCourtId: number;
  careDecisionNumber: string;
  careDecisionDate: string;
  careProviderId: number | null;
  health: string | null;
  furtherTreatment: string | null;
  birthFamilyCharacterisation: string | null;
  /** Set through the sibling group's members. */
  siblingGroupId: number | null;
  personality: string | null;
  development: string | null;
  relativesContact: string | null;
  motherPregnancy: string | null;
  healthConditions: HealthCondition[];
  disabilityGroup: Of<typeof disabilityGroups> | null;
  disabilityFrom: string | null;
  disabilityUntil: string | null;
  disabilitySource: string | null;
  relatives: Relative[];
  childOpinion: string | null;
  consent: Of<typeof consents> | null;
  consentDate: string | null;
  doesNotWishAdoption: boolean;
  clearedAbroad: boolean;
  abroadCourtDecisionNumber: string | null;
  abroadCourtDecisionDate: string | null;
  abroadCommissionOpinionDate: string | null;
  legallyFree: boolean;
  legalStatusNote: string | null;
}

/** A child as answered (`GET /api/children/:id`). */
export interface Child extends RecordMeta, Partial<ChildFields> {
  status: ChildStatus;
}

/** The record's fields of an adopter (one person or spouses). */
export interface AdopterFields {
  origin: Of<typeof adopterOrigins>;
  givenNames: string;
  surname: string;
  personalCode: string | null;
  birthDate: string;
  spouseGivenNames: string | null;
  spouseSurname: string | null;
  spousePersonalCode: string | null;
  spouseBirthDate: string | null;
  declaredAddress: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: Language;
  orphanCourtId: number;
  decisionNumber: string;
  decisionDate: string;
  decisionValidUntil: string | null;
  enteredOn: string;
  religion: string | null;
  ethnicity: string | null;
  motivation: string | null;
  wishedChildrenCount: number;
  wishedSex: Of<typeof wishedSexes>;
  wishedAgeFrom: number;
  wishedAgeTo: number;
  /** Graded wishes: for each need of a child, can meet / would consider / cannot meet. */
  needWishes: NeedWish[];
  acceptsSiblings: boolean;
  wishedReligion: string | null;
  wishedLanguage: string | null;
  wishesNote: string | null;
  countryId: number | null;
  foreignAuthority: string | null;
  homeStudyReportDate: string | null;
  trainingCertificateNumber: string | null;
  trainingCertificateDate: string | null;
  refusals: Refusal[];
}

/** An adopter as answered (`GET /api/adopters/:id`). */
export interface Adopter extends RecordMeta, Partial<AdopterFields> {
  status: AdopterStatus;
}

/** A member as the sibling group shows it; identity fields follow the children's field rules. */
export interface SiblingGroupMember {
  id: number;
  givenNames?: string;
  surname?: string;
  birthDate?: string;
  status: ChildStatus;
}

/** Brothers and sisters, and the orphan court's decision whether they may be separated. */
export interface SiblingGroup extends RecordMeta {
  note: string | null;
  mayBeSeparated: boolean;
  separationOrphanCourtId: number | null;
  separationDecisionNumber: string | null;
  separationDecisionDate: string | null;
  /** The members the caller may see, oldest first. */
  children: SiblingGroupMember[];
}
