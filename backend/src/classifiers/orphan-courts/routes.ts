import { crudRoutes } from '../../http/crud';
import type { RecordSpec } from '../../records';
import { nameColumns } from '../common';
import { orphanCourt, orphanCourtInput, orphanCourtList } from './schema';

/** Orphan courts as a record (a classifier: no scope, no field rules). */
export const orphanCourtSpec = {
  resource: 'orphan-courts',
  table: 'orphanCourts',
  record: orphanCourt,
  input: orphanCourtInput,
  list: orphanCourtList,
  derive: (c) => nameColumns(String(c.name), String(c.address)),
} satisfies RecordSpec<'orphanCourts', typeof orphanCourt.shape>;

export const orphanCourtRoutes = (maxPage: number) =>
  crudRoutes(orphanCourtSpec, { tag: 'Classifiers', maxPage });
