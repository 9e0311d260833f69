import { crudRoutes } from '../../http/crud';
import { nameColumns } from '../common';
import { territory, territoryInput, territoryList } from './schema';

export const territoryRoutes = (maxPage: number) =>
  crudRoutes({
    resource: 'territories',
    table: 'territories',
    tag: 'Classifiers',
    record: territory,
    input: territoryInput,
    list: territoryList,
    derive: (t) => nameColumns(String(t.name), String(t.atvkCode)),
    maxPage,
  });
