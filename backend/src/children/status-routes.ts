import { statusRoutes, type StatusRouteSpec } from '../people/status-routes';
import { childSpec } from './spec';
import { childStatusMachine } from './status';
import { childStatusMoveErrors } from './rules';

/** How a child's status moves: the status route and an offer's moves (offers/) share it. */
export const childStatusSpec: StatusRouteSpec = {
  register: childSpec,
  tag: 'Children',
  machine: childStatusMachine,
  history: { table: 'childStatusChanges', key: 'childId' },
  entryDate: 'recordSheetReceivedOn',
  check: childStatusMoveErrors,
};

/** `POST /api/children/:id/status` and `GET /api/children/:id/status-history`. */
export const childStatusRoutes = () => statusRoutes(childStatusSpec);
