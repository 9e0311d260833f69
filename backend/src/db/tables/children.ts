import type { ColumnType } from 'kysely';
import type { RecordColumns, SearchColumns } from './common';

export const childStatuses = [
  'record_received', // uzskaites lapa saņemta
  'available', // var piedāvāt adoptētājiem
  'offered', // informācija nosūtīta vienam adoptētājam
  'getting_acquainted', // iepazīšanās
  'pre_adoption_care', // pirmsadopcijas aprūpe
  'best_interests_confirmed', // bāriņtiesa atzinusi adopciju bērna interesēs
  'permit_issued', // ministra atļauja adopcijai uz ārvalstīm
  'adopted',
  'not_consenting', // bērns nepiekrīt adopcijai
  'suspended',
  'withdrawn', // izslēgts no reģistra bez adopcijas
] as const;
export type ChildStatus = (typeof childStatuses)[number];

export const sexes = ['female', 'male'] as const;
export const nationalityKinds = ['citizen', 'non_citizen', 'foreigner', 'stateless'] as const;
/** Out-of-family care form (ārpusģimenes aprūpes forma). */
export const careForms = ['care_institution', 'foster_family', 'guardianship'] as const;
/** Disability as VDEĀVK determines it: under 18 without a group (`child`), adults I–III. */
export const disabilityGroups = ['child', 'I', 'II', 'III'] as const;
export const consents = ['given', 'refused'] as const;
/** Members of the birth family the record sheet lists (Reg. 794 point 3). */
export const relativeKinds = [
  'mother',
  'father',
  'sister',
  'brother',
  'half_sister',
  'half_brother',
  'grandmother',
  'grandfather',
  'other',
] as const;

/** One relative of the birth family (a row of the card's sub-list). */
export interface Relative {
  kind: (typeof relativeKinds)[number];
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

/** jsonb sub-list: read as an array, written as its JSON text. */
type JsonList<T> = ColumnType<T[], string | undefined, string>;

/** The adoptable child's card (bērna kartīte): the columns scopes and field rules rely on. */
export interface ChildrenTable extends RecordColumns, SearchColumns {
  givenNames: string;
  surname: string;
  sex: (typeof sexes)[number];
  personalCode: string | null;
  birthDate: string;
  nationalityKind: (typeof nationalityKinds)[number];
  religion: string | null;
  /** The date LM received the record sheet (uzskaites lapa): the child's entry date. */
  recordSheetReceivedOn: string;
  careForm: (typeof careForms)[number];
  /** The orphan court that decided the out-of-family care: scope of orphan-court users. */
  careOrphanCourtId: number;
  careDecisionNumber: string;
  careDecisionDate: string;
  /** The institution the child is placed with: scope of care-institution users. */
  careProviderId: number | null;
  health: string | null;
  furtherTreatment: string | null;
  birthFamilyCharacterisation: string | null;
  status: ColumnType<ChildStatus, ChildStatus | undefined, ChildStatus>;
  /** The child's brothers and sisters (sibling_groups), set through the group's members. */
  siblingGroupId: number | null;
  personality: string | null;
  development: string | null;
  /** Contact with relatives (saskarsme ar radiniekiem), reported by the care provider. */
  relativesContact: string | null;
  motherPregnancy: string | null;
  healthConditions: JsonList<HealthCondition>;
  disabilityGroup: (typeof disabilityGroups)[number] | null;
  disabilityFrom: string | null;
  disabilityUntil: string | null;
  disabilitySource: string | null;
  relatives: JsonList<Relative>;
  childOpinion: string | null;
  /** The child's consent to adoption, required from age 12. */
  consent: (typeof consents)[number] | null;
  consentDate: string | null;
  doesNotWishAdoption: ColumnType<boolean, boolean | undefined, boolean>;
  /** May be adopted abroad: an orphan-court decision and the Foreign Adoption Commission's opinion. */
  clearedAbroad: ColumnType<boolean, boolean | undefined, boolean>;
  abroadCourtDecisionNumber: string | null;
  abroadCourtDecisionDate: string | null;
  abroadCommissionOpinionDate: string | null;
  /** Legally free for adoption (juridiski brīvs). */
  legallyFree: ColumnType<boolean, boolean | undefined, boolean>;
  legalStatusNote: string | null;
}
