/**
 * children/: the child's card (bērna uzskaites lapa) as a register resource — schema, RecordSpec,
 * cross-field rules, list filters, duplicate checks, routes and status moves. What the card shares
 * with the adopter's record is people/; photos and documents attachments/, the field timeline
 * history/, brothers and sisters sibling-groups/, proposals of care institutions and orphan courts
 * change-requests/.
 */
import { crudRoutes } from '../http/crud';
import { childSpec } from './spec';

/**
 * The child's card at `/api/children`: specialists keep it; care institutions and orphan courts
 * read the children in their scope (their proposals come as change requests). Reads are audited.
 */
export const childRoutes = (maxPage: number) => crudRoutes(childSpec, { tag: 'Children', maxPage });
