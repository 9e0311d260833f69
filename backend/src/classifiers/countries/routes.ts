import { crudRoutes } from '../../http/crud';
import type { RecordSpec } from '../../records';
import { nameColumns } from '../common';
import { country, countryInput, countryList } from './schema';

/** Countries as a record (a classifier: no scope, no field rules). */
export const countrySpec = {
  resource: 'countries',
  table: 'countries',
  record: country,
  input: countryInput,
  list: countryList,
  derive: (c) =>
    nameColumns(String(c.nameLv), String(c.nameEn), String(c.alpha2), String(c.alpha3)),
} satisfies RecordSpec<'countries', typeof country.shape>;

export const countryRoutes = (maxPage: number) =>
  crudRoutes(countrySpec, { tag: 'Classifiers', maxPage });
