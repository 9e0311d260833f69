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
}
