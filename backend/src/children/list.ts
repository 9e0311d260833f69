import { z } from 'zod';
import { equals, type ListSpec } from '../http/list';
import { careForms, childStatuses, sexes } from '../db/tables/children';
import { reference } from '../classifiers/common';

/** Sorts and filters of the children list (the console's list view and the export). */
export const childList: ListSpec = {
  sort: {
    id: 'id',
    surname: 'nameSort',
    birthDate: 'birthDate',
    recordSheetReceivedOn: 'recordSheetReceivedOn',
    status: 'status',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['surname', 'ASC'],
  filters: {
    status: equals('status', z.enum(childStatuses)),
    sex: equals('sex', z.enum(sexes)),
    careForm: equals('careForm', z.enum(careForms)),
    careOrphanCourtId: equals('careOrphanCourtId', reference),
    careProviderId: equals('careProviderId', reference),
  },
  searchColumn: 'searchText',
};
