import { crudRoutes, type CrudSpec } from '../http/crud';
import { likelyDuplicateGuard } from './duplicates';
import { childDerived, childInput, childRecord } from './schema';
import { checkChild } from './rules';
import { childList } from './list';

/**
 * The child's card as a register resource: its routes, and every writer of a child (accepted
 * change requests, backend/src/change-requests/) go through this one spec and its rules.
 */
export const childSpec: Omit<CrudSpec<'children', typeof childRecord.shape>, 'maxPage'> = {
  resource: 'children',
  table: 'children',
  tag: 'Children',
  record: childRecord,
  input: childInput,
  list: childList,
  derive: childDerived,
  check: checkChild,
  guard: likelyDuplicateGuard,
  policy: 'children',
  auditReads: true,
};

/**
 * The child's card at `/api/children`: specialists keep it; care institutions and orphan courts
 * read the children in their scope (their proposals come as change requests). Reads are audited.
 */
export const childRoutes = (maxPage: number) => crudRoutes({ ...childSpec, maxPage });
