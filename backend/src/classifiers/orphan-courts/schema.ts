import { z } from 'zod';
import { equals, type ListSpec } from '../../http/list';
import { email, phone, recordMeta, reference, text } from '../common';

/** Orphan court (bāriņtiesa) of a municipality. */
export const orphanCourtInput = z.object({
  name: text(200),
  territoryId: reference,
  address: text(300),
  phone,
  email,
});

export const orphanCourt = z
  .object({ ...recordMeta, ...orphanCourtInput.shape })
  .meta({ id: 'OrphanCourt' });

export const orphanCourtList: ListSpec = {
  sort: { id: 'id', name: 'nameSort', territoryId: 'territoryId', updatedAt: 'updatedAt' },
  defaultSort: ['name', 'ASC'],
  filters: { territoryId: equals('territoryId', reference) },
  searchColumn: 'searchText',
};
