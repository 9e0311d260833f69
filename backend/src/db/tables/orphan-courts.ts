import type { RecordColumns, SearchColumns } from './common';

/** Orphan court (bāriņtiesa): decides out-of-family care and recognises adopters. */
export interface OrphanCourtsTable extends RecordColumns, SearchColumns {
  name: string;
  territoryId: number;
  address: string;
  phone: string | null;
  email: string | null;
}
