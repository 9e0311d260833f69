import { z } from 'zod';
import { equals, type ListSpec } from '../../http/list';
import { recordMeta, text } from '../common';

/** ISO 3166-1 country. */
export const countryInput = z.object({
  alpha2: z.string().regex(/^[A-Z]{2}$/, 'must be 2 capital letters (ISO 3166-1 alpha-2)'),
  alpha3: z.string().regex(/^[A-Z]{3}$/, 'must be 3 capital letters (ISO 3166-1 alpha-3)'),
  numeric: z.string().regex(/^[0-9]{3}$/, 'must be 3 digits (ISO 3166-1 numeric)'),
  nameLv: text(200),
  nameEn: text(200),
  hagueAdoption1993: z
    .boolean()
    .meta({ description: 'Party to the 1993 Hague Convention on Intercountry Adoption' }),
  bilateralAdoptionAgreement: z.boolean().default(false).meta({
    description:
      'Has a bilateral adoption agreement with Latvia: with the Hague Convention, children may be adopted to it',
  }),
});

export const country = z.object({ ...recordMeta, ...countryInput.shape }).meta({ id: 'Country' });

export const countryList: ListSpec = {
  sort: {
    id: 'id',
    nameLv: 'nameSort',
    nameEn: 'nameEn',
    alpha2: 'alpha2',
    alpha3: 'alpha3',
    numeric: 'numeric',
  },
  defaultSort: ['nameLv', 'ASC'],
  filters: {
    hagueAdoption1993: equals('hagueAdoption1993', z.boolean()),
    bilateralAdoptionAgreement: equals('bilateralAdoptionAgreement', z.boolean()),
    alpha2: equals('alpha2', z.string()),
  },
  searchColumn: 'searchText',
};
