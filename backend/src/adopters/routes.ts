import { crudRoutes, type CrudSpec } from '../http/crud';
import { adopterDerived, adopterInput, adopterRecord } from './schema';
import { checkAdopter, refusedChildrenExist } from './rules';
import { adopterList } from './list';

/**
 * The adopter record as a register resource: its routes, and every writer of an adopter
 * (accepted change requests, backend/src/change-requests/) go through this one spec and its rules.
 */
export const adopterSpec: Omit<CrudSpec<'adopters', typeof adopterRecord.shape>, 'maxPage'> = {
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
};

/**
 * Adopter records at `/api/adopters`: specialists keep them; an orphan court reads the adopters
 * it recognised. Reads are audited.
 */
export const adopterRoutes = (maxPage: number) => crudRoutes({ ...adopterSpec, maxPage });
