/**
 * adopters/: the adopter's record (adoptētājs) — a person an orphan court (bāriņtiesa) has
 * recognised as fit to adopt, waiting in the queue — as a register resource: schema, RecordSpec,
 * rules (the legal age gap), list filters, routes and status moves. What it shares with the child's
 * card is people/, the write path records/, the console's screens admin/src/adopters/.
 */
import { crudRoutes } from '../http/crud';
import { adopterSpec } from './spec';

/**
 * Adopter records at `/api/adopters`: specialists keep them; an orphan court reads the adopters
 * it recognised. Reads are audited.
 */
export const adopterRoutes = (maxPage: number) =>
  crudRoutes(adopterSpec, { tag: 'Adopters', maxPage });
