import { statusRoutes } from '../people/status-routes';
import { childRecord } from './schema';
import { childStatusMachine } from './status';
import { childStatusMoveErrors } from './rules';

/** `POST /api/children/:id/status` and `GET /api/children/:id/status-history`. */
export const childStatusRoutes = () =>
  statusRoutes({
    resource: 'children',
    tag: 'Children',
    machine: childStatusMachine,
    record: childRecord,
    history: { table: 'childStatusChanges', key: 'childId' },
    entryDate: 'recordSheetReceivedOn',
    check: childStatusMoveErrors,
  });
