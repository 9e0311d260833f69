import type { RecordColumns, SearchColumns } from './common';

export const careProviderKinds = [
  'children_care_institution',
  'social_care_centre',
  'family_type_home',
  'crisis_centre',
] as const;
export type CareProviderKind = (typeof careProviderKinds)[number];

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
