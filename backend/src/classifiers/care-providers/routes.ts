import { crudRoutes } from '../../http/crud';
import type { RecordSpec } from '../../records';
import { nameColumns } from '../common';
import { careProvider, careProviderInput, careProviderList } from './schema';

/** Care providers as a record (a classifier: no scope, no field rules). */
export const careProviderSpec = {
  resource: 'care-providers',
  table: 'careProviders',
  record: careProvider,
  input: careProviderInput,
  list: careProviderList,
  derive: (p) =>
    nameColumns(String(p.name), String(p.legalAddress), p.registrationNumber as string | null),
} satisfies RecordSpec<'careProviders', typeof careProvider.shape>;

export const careProviderRoutes = (maxPage: number) =>
  crudRoutes(careProviderSpec, { tag: 'Classifiers', maxPage });
