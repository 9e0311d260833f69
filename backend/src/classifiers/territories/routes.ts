import { crudRoutes } from '../../http/crud';
import type { RecordSpec } from '../../records';
import { nameColumns } from '../common';
import { territory, territoryInput, territoryList } from './schema';

/** Territories as a record (a classifier: no scope, no field rules). */
export const territorySpec = {
  resource: 'territories',
  table: 'territories',
  record: territory,
  input: territoryInput,
  list: territoryList,
  derive: (t) => nameColumns(String(t.name), String(t.atvkCode)),
} satisfies RecordSpec<'territories', typeof territory.shape>;

export const territoryRoutes = (maxPage: number) =>
  crudRoutes(territorySpec, { tag: 'Classifiers', maxPage });
