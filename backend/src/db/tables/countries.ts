import type { ColumnType } from 'kysely';
import type { RecordColumns, SearchColumns } from './common';

/** ISO 3166-1 country; `hagueAdoption1993` marks parties to the 1993 Hague Adoption Convention. */
export interface CountriesTable extends RecordColumns, SearchColumns {
  alpha2: string;
  alpha3: string;
  numeric: string;
  nameLv: string;
  nameEn: string;
  hagueAdoption1993: boolean;
  /** A bilateral adoption agreement with Latvia: with Hague 1993, eligible for adoption abroad. */
  bilateralAdoptionAgreement: ColumnType<boolean, boolean | undefined, boolean>;
}
