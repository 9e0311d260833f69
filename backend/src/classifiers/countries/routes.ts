import { crudRoutes } from '../../http/crud';
import { nameColumns } from '../common';
import { country, countryInput, countryList } from './schema';

export const countryRoutes = (maxPage: number) =>
  crudRoutes({
    resource: 'countries',
    table: 'countries',
    tag: 'Classifiers',
    record: country,
    input: countryInput,
    list: countryList,
    derive: (c) =>
      nameColumns(String(c.nameLv), String(c.nameEn), String(c.alpha2), String(c.alpha3)),
    maxPage,
  });
