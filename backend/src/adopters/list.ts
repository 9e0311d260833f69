import { z } from 'zod';
import { equals, type ListSpec } from '../http/list';
import { adopterOrigins, adopterStatuses } from '../db/tables/adopters';
import { reference } from '../classifiers/common';

/** Sorts and filters of the adopters list (the console's list view and the export). */
export const adopterList: ListSpec = {
  sort: {
    id: 'id',
    surname: 'nameSort',
    enteredOn: 'enteredOn',
    decisionDate: 'decisionDate',
    status: 'status',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['enteredOn', 'ASC'],
  filters: {
    status: equals('status', z.enum(adopterStatuses)),
    origin: equals('origin', z.enum(adopterOrigins)),
    orphanCourtId: equals('orphanCourtId', reference),
  },
  searchColumn: 'searchText',
};
