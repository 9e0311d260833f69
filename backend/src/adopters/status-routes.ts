import { statusRoutes } from '../people/status-routes';
import { adopterSpec } from './spec';
import { adopterStatusMachine } from './status';

/** `POST /api/adopters/:id/status` and `GET /api/adopters/:id/status-history`. */
export const adopterStatusRoutes = () =>
  statusRoutes({
    register: adopterSpec,
    tag: 'Adopters',
    machine: adopterStatusMachine,
    history: { table: 'adopterStatusChanges', key: 'adopterId' },
    entryDate: 'enteredOn',
  });
