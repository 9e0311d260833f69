import type { RecordSpec } from '../records';
import { adopterDerived, adopterInput, adopterRecord } from './schema';
import { checkAdopter, refusedChildrenExist } from './rules';
import { adopterList } from './list';

/**
 * The adopter record: its routes, its status moves and every other writer of an adopter
 * (accepted change requests, backend/src/change-requests/) go through this one spec and its rules.
 */
export const adopterSpec = {
  resource: 'adopters',
  table: 'adopters',
  record: adopterRecord,
  input: adopterInput,
  list: adopterList,
  // The record's free text and wishes in detail: on the record, never in a list row.
  listOmits: ['motivation', 'needWishes', 'wishesNote', 'refusals'],
  derive: adopterDerived,
  check: checkAdopter,
  guard: refusedChildrenExist,
  policy: 'adopters',
  auditReads: true,
} satisfies RecordSpec<'adopters', typeof adopterRecord.shape>;
