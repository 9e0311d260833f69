import type { ColumnType } from 'kysely';
import type {
  adopterOrigins,
  AdopterStatus,
  Language,
  NeedWish,
  Refusal,
  wishedSexes,
} from '@adoption/model';
import type { RecordColumns, SearchColumns } from './common';

// The adopter's enumerations and refusal rows are the shared model's (model/src/enums.ts, records.ts).
export {
  adopterOrigins,
  adopterStatuses,
  healthAcceptances,
  needAnswers,
  wishedSexes,
  type AdopterStatus,
  type NeedWish,
  type Refusal,
} from '@adoption/model';

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
  preferredLanguage: ColumnType<Language, Language | undefined, Language>;
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
  /** Graded wishes per need (can meet / would consider / cannot meet). */
  needWishes: JsonList<NeedWish>;
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
