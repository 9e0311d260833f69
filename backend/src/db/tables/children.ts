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
}
