import type { ColumnType } from 'kysely';
import type {
  careForms,
  ChildStatus,
  consents,
  disabilityGroups,
  HealthCondition,
  nationalityKinds,
  Relative,
  sexes,
} from '@adoption/model';
import type { RecordColumns, SearchColumns } from './common';

// The card's enumerations and sub-list rows are the shared model's (model/src/enums.ts, records.ts).
export {
  careForms,
  childStatuses,
  consents,
  disabilityGroups,
  nationalityKinds,
  relativeKinds,
  sexes,
  type ChildStatus,
  type HealthCondition,
  type Relative,
} from '@adoption/model';

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
