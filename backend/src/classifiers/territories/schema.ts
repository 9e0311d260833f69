import { z } from 'zod';
import { equals, type ListSpec } from '../../http/list';
import { recordMeta, text } from '../common';

/** Municipality (pašvaldība) with its code in the ATVK classifier. */
export const territoryInput = z.object({
  atvkCode: z.string().regex(/^[0-9]{7}$/, 'must be a 7-digit ATVK code'),
  name: text(200),
  kind: z.enum(['state_city', 'municipality']).meta({ description: 'valstspilsēta or novads' }),
});

export const territory = z
  .object({ ...recordMeta, ...territoryInput.shape })
  .meta({ id: 'Territory' });

export const territoryList: ListSpec = {
  sort: { id: 'id', name: 'nameSort', atvkCode: 'atvkCode', kind: 'kind', updatedAt: 'updatedAt' },
  defaultSort: ['name', 'ASC'],
  filters: {
    kind: equals('kind', territoryInput.shape.kind),
    atvkCode: equals('atvkCode', z.string()),
  },
  searchColumn: 'searchText',
};
