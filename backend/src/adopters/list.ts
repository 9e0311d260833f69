import type { AnyQuery } from '../db/database';
import { z } from 'zod';
import { equals, monthsSince, type FilterDef, type ListSpec } from '../http/list';
import { adopterOrigins, adopterStatuses, wishedSexes } from '../db/tables/adopters';
import { reference } from '../classifiers/common';

/** `wishedAge`: adopters whose wished age range includes the given age (years). */
const wishedAgeFilter: FilterDef = {
  schema: z.number().int().min(0).max(17),
  reveals: ['wishedAgeFrom', 'wishedAgeTo'],
  apply: (qb: AnyQuery, v: number) =>
    qb.where('wishedAgeFrom', '<=', v).where('wishedAgeTo', '>=', v),
};

/** Sorts and filters of the adopters list (the console's list view and the export). */
export const adopterList: ListSpec = {
  // Keys are API field names: a sort on a field the caller's role may not see is refused.
  sort: {
    id: 'id',
    surname: 'nameSort',
    enteredOn: 'enteredOn',
    decisionDate: 'decisionDate',
    decisionValidUntil: 'decisionValidUntil',
    status: 'status',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['enteredOn', 'ASC'],
  filters: {
    status: equals('status', z.enum(adopterStatuses)),
    origin: equals('origin', z.enum(adopterOrigins)),
    orphanCourtId: equals('orphanCourtId', reference),
    waitingMonthsMin: monthsSince('enteredOn', 'min'),
    waitingMonthsMax: monthsSince('enteredOn', 'max'),
    wishedSex: equals('wishedSex', z.enum(wishedSexes)),
    acceptsSiblings: equals('acceptsSiblings', z.boolean()),
    countryId: equals('countryId', reference),
    wishedAge: wishedAgeFilter,
  },
  searchColumn: 'searchText',
};
