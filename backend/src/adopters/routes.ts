import { crudRoutes } from '../http/crud';
import { adopterSpec } from './spec';

/**
 * Adopter records at `/api/adopters`: specialists keep them; an orphan court reads the adopters
 * it recognised. Reads are audited.
 */
export const adopterRoutes = (maxPage: number) =>
  crudRoutes(adopterSpec, { tag: 'Adopters', maxPage });
