import { statusRoutes, type StatusRouteSpec } from '../people/status-routes';
import { adopterSpec } from './spec';
import { adopterStatusMachine } from './status';

/** How an adopter's status moves: the status route and an offer's moves (offers/) share it. */
export const adopterStatusSpec: StatusRouteSpec = {
  register: adopterSpec,
  tag: 'Adopters',
  machine: adopterStatusMachine,
  history: { table: 'adopterStatusChanges', key: 'adopterId' },
  entryDate: 'enteredOn',
};

/** `POST /api/adopters/:id/status` and `GET /api/adopters/:id/status-history`. */
export const adopterStatusRoutes = () => statusRoutes(adopterStatusSpec);
