/**
 * dashboard/: the specialists' start page figures (`GET /api/dashboard`: offers awaiting an answer,
 * deadlines, who waits longest, time to a first offer and to adoption) and the head of
 * department's fairness report (`GET /api/reports/fairness`, aggregates only). The figures are
 * pure functions (figures.ts, fairness.ts) of rows read by repository.ts; docs/dashboard.md
 * defines each one.
 */
import {
  addDays,
  addMonths,
  ageBands,
  completedMonths,
  rigaToday,
  yearsOld,
} from '@adoption/model';
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { isoDate } from '../people/fields';
import { ageBand } from '../statistics/age-bands';
import { fairnessDimensions, fairnessReport } from './fairness';
import { mediansByAgeBand } from './figures';
import {
  adoptersWaitingLongest,
  childrenWaitingLongest,
  childTimelines,
  deadlines,
  fairnessChildren,
  fairnessOffers,
  offersAwaitingAnswer,
  queueAdopterIds,
} from './repository';

/** The dashboard's "deadlines in the next N days". */
export const DEADLINE_DAYS = 14;

const person = z.object({ id: z.number().int(), name: z.string() });
const offerItem = z.object({
  offerId: z.number().int(),
  adopter: person.nullable(),
  children: z.array(person),
  sentOn: z.string().nullable(),
  answerBy: z.string().nullable(),
});
const deadlineItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'overdue']),
  offerId: z.number().int().nullable(),
  adopter: person.nullable(),
  children: z.array(person),
});
const duration = z.object({ n: z.number().int().nullable(), medianDays: z.number().nullable() });

const dashboardAnswer = z
  .object({
    asOf: z.string(),
    deadlineDays: z.number().int(),
    awaitingAnswer: z.array(offerItem),
    deadlinesSoon: z.array(deadlineItem),
    overdue: z.array(deadlineItem),
    childrenWaitingLongest: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        birthDate: z.string(),
        age: z.number().int(),
        ageBand: z.enum(ageBands),
        siblingGroupId: z.number().int().nullable(),
        waitingSince: z.string(),
        waitingMonths: z.number().int(),
      }),
    ),
    adoptersWaitingLongest: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        origin: z.string(),
        enteredOn: z.string(),
        waitingMonths: z.number().int(),
      }),
    ),
    mediansByAgeBand: z.array(
      z.object({ band: z.enum(ageBands), toFirstOffer: duration, toAdoption: duration }),
    ),
  })
  .meta({ id: 'Dashboard' });

const fairnessRow = z.object({
  key: z.string(),
  children: z.number().int().nullable(),
  proposed: z.number().int().nullable(),
  proposedShare: z.number().nullable(),
  medianWaitingDays: z.number().nullable(),
});
const fairnessAnswer = z
  .object({
    from: z.string(),
    to: z.string(),
    threshold: z.number().int(),
    children: z.number().int().nullable(),
    dimensions: z.array(
      z.object({ dimension: z.enum(fairnessDimensions), rows: z.array(fairnessRow) }),
    ),
    concentration: z.object({
      measure: z.literal('gini'),
      adopters: z.number().int(),
      offers: z.number().int().nullable(),
      adoptersWithOffer: z.number().int().nullable(),
      top10PercentShare: z.number().nullable(),
      gini: z.number().nullable(),
    }),
    outcomes: z.object({
      toFirstOffer: duration,
      toAdoption: duration,
      offersSent: z.number().int().nullable(),
      declined: z.number().int().nullable(),
      declinedShare: z.number().nullable(),
      expired: z.number().int().nullable(),
      expiredShare: z.number().nullable(),
    }),
  })
  .meta({ id: 'FairnessReport' });

const unique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

export function dashboardRoutes(opts: { minCell: number }): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dashboard',
      summary:
        'The specialists’ dashboard: offers awaiting an answer, deadlines, who waits longest',
      tags: ['Dashboard'],
      access: 'dashboard:read',
      query: z
        .object({ asOf: isoDate.optional().describe('Reference date; default today in Riga') })
        .strict(),
      response: { description: 'The dashboard’s figures and lists', schema: dashboardAnswer },
      handler: async ({ db, query, audit }) => {
        const asOf = query.asOf ?? rigaToday();
        const [awaiting, soon, overdue, children, adopters, timelines] = await Promise.all([
          offersAwaitingAnswer(db),
          deadlines(db, { dueFrom: asOf, dueTo: addDays(asOf, DEADLINE_DAYS) }),
          deadlines(db, { overdueOn: asOf }),
          childrenWaitingLongest(db),
          adoptersWaitingLongest(db),
          childTimelines(db),
        ]);
        const answer = {
          asOf,
          deadlineDays: DEADLINE_DAYS,
          awaitingAnswer: awaiting,
          deadlinesSoon: soon,
          overdue,
          childrenWaitingLongest: children.map((c) => {
            const age = yearsOld(c.birthDate, asOf);
            return {
              id: c.id,
              name: `${c.givenNames} ${c.surname}`,
              birthDate: c.birthDate,
              age,
              ageBand: ageBand(age),
              siblingGroupId: c.siblingGroupId,
              waitingSince: c.recordSheetReceivedOn,
              waitingMonths: Math.max(0, completedMonths(c.recordSheetReceivedOn, asOf)),
            };
          }),
          adoptersWaitingLongest: adopters.map((a) => ({
            ...a,
            waitingMonths: Math.max(0, completedMonths(a.enteredOn, asOf)),
          })),
          mediansByAgeBand: mediansByAgeBand(timelines, asOf),
        };
        // The page names children and adopters: each read is audited as a list of them.
        const items = [...awaiting, ...soon, ...overdue];
        const childIds = unique([
          ...answer.childrenWaitingLongest.map((c) => c.id),
          ...items.flatMap((i) => i.children.map((c) => c.id)),
        ]);
        const adopterIds = unique([
          ...answer.adoptersWaitingLongest.map((a) => a.id),
          ...items.flatMap((i) => (i.adopter ? [i.adopter.id] : [])),
        ]);
        await audit({
          action: 'list',
          resource: 'children',
          recordIds: childIds,
          detail: { view: 'dashboard', asOf },
        });
        await audit({
          action: 'list',
          resource: 'adopters',
          recordIds: adopterIds,
          detail: { view: 'dashboard', asOf },
        });
        return answer;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/fairness',
      summary: 'Fairness report: waiting and proposals by group, concentration on adopters',
      tags: ['Dashboard'],
      access: 'fairness-report:read',
      query: z
        .object({
          from: isoDate
            .optional()
            .describe('First day of the period; default 12 months before `to`'),
          to: isoDate.optional().describe('Last day of the period; default today in Riga'),
        })
        .strict(),
      response: {
        description: 'Aggregates without personal data; small cells withheld (null)',
        schema: fairnessAnswer,
      },
      handler: async ({ db, query }) => {
        const to = query.to ?? rigaToday();
        const from = query.from ?? addDays(addMonths(to, -12), 1);
        if (from > to) throw Problem.field('query.from', 'after_to', 'must be on or before `to`');
        const [children, offers, adopterIds] = await Promise.all([
          fairnessChildren(db, to),
          fairnessOffers(db),
          queueAdopterIds(db, from, to),
        ]);
        return fairnessReport({
          from,
          to,
          threshold: opts.minCell,
          children,
          offers,
          adopterIds,
        });
      },
    }),
  ];
}
