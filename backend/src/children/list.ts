import type { AnyQuery } from '../db/database';
import { addMonths, rigaToday } from '@adoption/model';
import { z } from 'zod';
import { equals, monthsSince, type FilterDef, type ListSpec } from '../http/list';
import { careForms, childStatuses, sexes } from '../db/tables/children';
import { reference } from '../classifiers/common';
import { ageBands, type AgeBand } from '../statistics/age-bands';

/**
 * The birth dates of the children in an age band on `today` (completed years, the statistics'
 * bands): born after `after` (when given) and on or before `onOrBefore`. A child is `n` years old
 * from the day its birth date lies `n` years back (born 29 February: from 1 March in other years),
 * as PostgreSQL's `age()` and the statistics count.
 */
export function ageBandBirthDates(
  band: AgeBand,
  today: string,
): { after?: string; onOrBefore: string } {
  const [from, to] = band === '18+' ? [18, undefined] : band.split('-').map(Number);
  const onOrBefore = addMonths(today, -12 * from!);
  return to === undefined
    ? { onOrBefore }
    : { after: addMonths(today, -12 * (to + 1)), onOrBefore };
}

const oneOrMore = <T extends z.ZodType>(value: T) =>
  z.union([value, z.array(value).min(1).max(20)]);
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** `ageBand`: one band or several (any of them), as ranges of birth dates. */
const ageBandFilter: FilterDef = {
  schema: oneOrMore(z.enum(ageBands)),
  reveals: ['birthDate'],
  apply: (qb: AnyQuery, v: AgeBand | AgeBand[]) => {
    const today = rigaToday();
    return qb.where((eb) =>
      eb.or(
        [...new Set(list(v))].map((band) => {
          const { after, onOrBefore } = ageBandBirthDates(band, today);
          const upper = eb('birthDate', '<=', onOrBefore);
          return after ? eb.and([eb('birthDate', '>', after), upper]) : upper;
        }),
      ),
    );
  },
};

/** `consent`: given, refused or `none` (not recorded yet); one or several. */
const consentFilter: FilterDef = {
  schema: oneOrMore(z.enum(['given', 'refused', 'none'])),
  reveals: ['consent'],
  apply: (qb: AnyQuery, v: string | string[]) => {
    const values = list(v);
    const recorded = values.filter((c) => c !== 'none');
    return qb.where((eb) =>
      eb.or([
        ...(recorded.length ? [eb('consent', 'in', recorded)] : []),
        ...(values.includes('none') ? [eb('consent', 'is', null)] : []),
      ]),
    );
  },
};

/** A boolean filter on whether `column` holds a value. */
const present = (column: string): FilterDef => ({
  schema: z.boolean(),
  reveals: [column],
  apply: (qb: AnyQuery, v: boolean) => qb.where(column, v ? 'is not' : 'is', null),
});

/** Sorts and filters of the children list (the console's list view and the export). */
export const childList: ListSpec = {
  // Keys are API field names: a sort on a field the caller's role may not see is refused.
  sort: {
    id: 'id',
    surname: 'nameSort',
    birthDate: 'birthDate',
    recordSheetReceivedOn: 'recordSheetReceivedOn',
    careDecisionDate: 'careDecisionDate',
    careForm: 'careForm',
    consent: 'consent',
    clearedAbroad: 'clearedAbroad',
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
    ageBand: ageBandFilter,
    waitingMonthsMin: monthsSince('recordSheetReceivedOn', 'min'),
    waitingMonthsMax: monthsSince('recordSheetReceivedOn', 'max'),
    consent: consentFilter,
    clearedAbroad: equals('clearedAbroad', z.boolean()),
    doesNotWishAdoption: equals('doesNotWishAdoption', z.boolean()),
    legallyFree: equals('legallyFree', z.boolean()),
    hasDisability: present('disabilityGroup'),
    siblingGroup: present('siblingGroupId'),
  },
  searchColumn: 'searchText',
};
