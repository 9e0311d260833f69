import { statusRoutes } from '../people/status-routes';
import { childSpec } from './spec';
import { childStatusMachine } from './status';
import { childStatusMoveErrors } from './rules';

/** `POST /api/children/:id/status` and `GET /api/children/:id/status-history`. */
export const childStatusRoutes = () =>
  statusRoutes({
    register: childSpec,
    tag: 'Children',
    machine: childStatusMachine,
    history: { table: 'childStatusChanges', key: 'childId' },
    entryDate: 'recordSheetReceivedOn',
    check: childStatusMoveErrors,
  });
