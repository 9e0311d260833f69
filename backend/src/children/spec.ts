import type { RecordSpec } from '../records';
import { likelyDuplicateGuard } from './duplicates';
import { childDerived, childInput, childRecord } from './schema';
import { checkChild } from './rules';
import { childList } from './list';

/**
 * The child's card as a record: its routes, its status moves and every other writer of a child
 * (accepted change requests, backend/src/change-requests/) go through this one spec and its rules.
 */
export const childSpec = {
  resource: 'children',
  table: 'children',
  record: childRecord,
  input: childInput,
  list: childList,
  // The card's free text and sub-lists: on the card, never in a list row.
  listOmits: [
    'health',
    'furtherTreatment',
    'healthConditions',
    'birthFamilyCharacterisation',
    'personality',
    'development',
    'relativesContact',
    'motherPregnancy',
    'relatives',
    'childOpinion',
    'legalStatusNote',
  ],
  derive: childDerived,
  check: checkChild,
  guard: likelyDuplicateGuard,
  policy: 'children',
  auditReads: true,
} satisfies RecordSpec<'children', typeof childRecord.shape>;
