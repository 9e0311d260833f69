import { z } from 'zod';
import { equals, type ListSpec } from '../../http/list';
import { careProviderKinds } from '../../db/tables/care-providers';
import { email, phone, recordMeta, reference, text } from '../common';

/** Out-of-family care provider (aprūpes iestāde) with its legal address. */
export const careProviderInput = z.object({
  name: text(300),
  kind: z.enum(careProviderKinds),
  registrationNumber: z
    .string()
    .regex(/^[0-9]{11}$/, 'must be an 11-digit registration number')
    .nullable()
    .default(null),
  legalAddress: text(300),
  territoryId: reference,
  phone,
  email,
});

export const careProvider = z
  .object({ ...recordMeta, ...careProviderInput.shape })
  .meta({ id: 'CareProvider' });

export const careProviderList: ListSpec = {
  sort: {
    id: 'id',
    name: 'nameSort',
    kind: 'kind',
    territoryId: 'territoryId',
    registrationNumber: 'registrationNumber',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    kind: equals('kind', careProviderInput.shape.kind),
    territoryId: equals('territoryId', reference),
  },
  searchColumn: 'searchText',
};
