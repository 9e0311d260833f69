import { crudRoutes } from '../http/crud';
import { childSpec } from './spec';

/**
 * The child's card at `/api/children`: specialists keep it; care institutions and orphan courts
 * read the children in their scope (their proposals come as change requests). Reads are audited.
 */
export const childRoutes = (maxPage: number) => crudRoutes(childSpec, { tag: 'Children', maxPage });
