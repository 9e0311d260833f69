import { crudRoutes } from '../../http/crud';
import { nameColumns } from '../common';
import { orphanCourt, orphanCourtInput, orphanCourtList } from './schema';

export const orphanCourtRoutes = (maxPage: number) =>
  crudRoutes({
    resource: 'orphan-courts',
    table: 'orphanCourts',
    tag: 'Classifiers',
    record: orphanCourt,
    input: orphanCourtInput,
    list: orphanCourtList,
    derive: (c) => nameColumns(String(c.name), String(c.address)),
    maxPage,
  });
