import { statusRoutes } from '../people/status-routes';
import { adopterRecord } from './schema';
import { adopterStatusMachine } from './status';

/** `POST /api/adopters/:id/status` and `GET /api/adopters/:id/status-history`. */
export const adopterStatusRoutes = () =>
  statusRoutes({
    resource: 'adopters',
    tag: 'Adopters',
    machine: adopterStatusMachine,
    record: adopterRecord,
    history: { table: 'adopterStatusChanges', key: 'adopterId' },
    entryDate: 'enteredOn',
  });
