import { crudRoutes } from '../http/crud';
import { adopterDerived, adopterInput, adopterRecord } from './schema';
import { checkAdopter, refusedChildrenExist } from './rules';
import { adopterList } from './list';

/**
 * Adopter records at `/api/adopters`: specialists keep them; an orphan court reads the adopters
 * it recognised. Reads are audited.
 */
export const adopterRoutes = (maxPage: number) =>
  crudRoutes({
    resource: 'adopters',
    table: 'adopters',
    tag: 'Adopters',
    record: adopterRecord,
    input: adopterInput,
    list: adopterList,
    derive: adopterDerived,
    check: checkAdopter,
    guard: refusedChildrenExist,
    policy: 'adopters',
    auditReads: true,
    maxPage,
  });
