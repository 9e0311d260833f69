import type { CareProviderKind } from '@adoption/model';
import type { RecordColumns, SearchColumns } from './common';

export { careProviderKinds, type CareProviderKind } from '@adoption/model';

/** Out-of-family care provider (aprūpes iestāde) with its legal address. */
export interface CareProvidersTable extends RecordColumns, SearchColumns {
  name: string;
  kind: CareProviderKind;
  registrationNumber: string | null;
  legalAddress: string;
  territoryId: number;
  phone: string | null;
  email: string | null;
}
