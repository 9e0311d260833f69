import type { ColumnType } from 'kysely';
import type { RecordColumns, SearchColumns } from './common';

export const adopterStatuses = [
  'registered', // reģistrēts (rindas datums)
  'waiting',
  'information_received', // saņēmis informāciju par bērnu
  'getting_acquainted',
  'pre_adoption_care',
  'adopted',
  'closed',
  'suspended',
  'status_expired',
  'revoked',
  'withdrawn',
] as const;
export type AdopterStatus = (typeof adopterStatuses)[number];
export const adopterOrigins = ['latvian', 'foreign'] as const;
export const wishedSexes = ['female', 'male', 'any'] as const;
/** Health conditions and disabilities an adopter declares acceptable. */
export const healthAcceptances = [
  'minor_conditions',
  'chronic_illness',
  'developmental_delay',
  'disability',
  'infectious_disease',
] as const;

/** A refusal of an offered child, with its reason. */
export interface Refusal {
  refusedOn: string;
  childId: number | null;
  reason: string;
}

/** jsonb sub-list: read as an array, written as its JSON text. */
type JsonList<T> = ColumnType<T[], string | undefined, string>;

/** An adopter (adoptētājs): one person or spouses, recognised by an orphan court. */
export interface AdoptersTable extends RecordColumns, SearchColumns {
  origin: (typeof adopterOrigins)[number];
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
  preferredLanguage: ColumnType<'lv' | 'en', 'lv' | 'en' | undefined, 'lv' | 'en'>;
  /** The orphan court that recognised the adopter: scope of orphan-court users. */
  orphanCourtId: number;
  decisionNumber: string;
  decisionDate: string;
  decisionValidUntil: string | null;
  /** The date LM entered the adopter: the queue key of the selection. */
  enteredOn: string;
  status: ColumnType<AdopterStatus, AdopterStatus | undefined, AdopterStatus>;
  religion: string | null;
  ethnicity: string | null;
  motivation: string | null;
  wishedChildrenCount: ColumnType<number, number | undefined, number>;
  wishedSex: ColumnType<(typeof wishedSexes)[number], (typeof wishedSexes)[number] | undefined>;
  wishedAgeFrom: ColumnType<number, number | undefined, number>;
  wishedAgeTo: ColumnType<number, number | undefined, number>;
  acceptedHealth: JsonList<(typeof healthAcceptances)[number]>;
  acceptsSiblings: ColumnType<boolean, boolean | undefined, boolean>;
  wishedReligion: string | null;
  wishedLanguage: string | null;
  wishesNote: string | null;
  /** Foreign adopters: country, competent authority or accredited agency, home-study report. */
  countryId: number | null;
  foreignAuthority: string | null;
  homeStudyReportDate: string | null;
  trainingCertificateNumber: string | null;
  trainingCertificateDate: string | null;
  refusals: JsonList<Refusal>;
}
