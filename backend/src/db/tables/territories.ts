import type { territoryKinds } from '@adoption/model';
import type { RecordColumns, SearchColumns } from './common';

/** Administrative territory (municipality) with its ATVK code. */
export interface TerritoriesTable extends RecordColumns, SearchColumns {
  atvkCode: string;
  name: string;
  kind: (typeof territoryKinds)[number];
}
