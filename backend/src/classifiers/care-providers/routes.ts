import { crudRoutes } from '../../http/crud';
import { nameColumns } from '../common';
import { careProvider, careProviderInput, careProviderList } from './schema';

export const careProviderRoutes = (maxPage: number) =>
  crudRoutes({
    resource: 'care-providers',
    table: 'careProviders',
    tag: 'Classifiers',
    record: careProvider,
    input: careProviderInput,
    list: careProviderList,
    derive: (p) =>
      nameColumns(String(p.name), String(p.legalAddress), p.registrationNumber as string | null),
    maxPage,
  });
