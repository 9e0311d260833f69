import { z } from 'zod';
import { sql } from 'kysely';
import {
  adopterOrigins,
  deadlineKinds,
  deadlineStatuses,
  offerStatuses,
  overrideStatuses,
  rigaToday,
  addDays,
} from '@adoption/model';
import { equals, type ListSpec } from '../http/list';
import { reference } from '../classifiers/common';
import { isoDate } from '../people/fields';

const version = z.number().int().positive();
const date = z.string().meta({ format: 'date' });
const dateTime = z.string().meta({ format: 'date-time' });
const ids = z
  .array(reference)
  .min(1, 'must name at least one child')
  .max(20, 'must name at most 20 children')
  .refine((a) => new Set(a).size === a.length, 'must not name a child twice');
const reason = z
  .string()
  .trim()
  .max(4000, 'must be at most 4000 characters')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .default(null);

/** `POST /api/offers`: a draft offer (the creation rule is in service.ts). */
export const offerInput = z
  .object({
    adopterId: reference,
    childIds: ids.optional(),
    siblingGroupId: reference.optional(),
    selectionRunId: reference.optional(),
    overrideRequestId: reference.optional(),
    acknowledgedAhead: z.boolean().default(false).meta({
      description:
        'The specialist saw the adopters ahead in the queue who also fit (required when the run names any)',
    }),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.childIds && b.siblingGroupId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['childIds'],
        message: 'is required (or siblingGroupId)',
      });
  });
export type OfferInput = z.output<typeof offerInput>;

/** `POST /api/offers/:id/moves`. */
export const moveInput = z
  .object({
    to: z.enum(offerStatuses),
    on: isoDate.meta({ description: 'The date the move happened (not in the future)' }),
    reason,
    unreasoned: z.boolean().default(false).meta({
      description: 'Declined: the adopter gave no reason (counted by the refusal rule)',
    }),
    version,
  })
  .strict();
export type MoveInput = z.output<typeof moveInput>;

const deadline = z
  .object({
    id: z.number().int(),
    kind: z.enum(deadlineKinds),
    status: z.enum(deadlineStatuses),
    dueOn: date,
    doneOn: date.nullable(),
    remindedOn: date.nullable(),
    childId: z.number().int().nullable(),
  })
  .meta({ id: 'OfferDeadline' });

const overrideRequestRecord = z
  .object({
    id: z.number().int(),
    adopterId: z.number().int(),
    childIds: z.array(z.number().int()),
    siblingGroupId: z.number().int().nullable(),
    selectionRunId: z.number().int().nullable(),
    reason: z.string(),
    status: z.enum(overrideStatuses),
    requestedBy: z.number().int(),
    requestedByName: z.string(),
    decidedBy: z.number().int().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: dateTime.nullable(),
    decisionNote: z.string().nullable(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'OverrideRequest' });
export { overrideRequestRecord };

const allowedMove = z.object({
  to: z.enum(offerStatuses),
  reason: z.enum(['required', 'optional']),
});

/** An offer as the list answers it. */
export const offerSummary = z
  .object({
    id: z.number().int(),
    adopterId: z.number().int(),
    adopterName: z.string(),
    childIds: z.array(z.number().int()),
    childNames: z.array(z.string()),
    siblingGroupId: z.number().int().nullable(),
    status: z.enum(offerStatuses),
    live: z.boolean(),
    foreignAdoption: z.boolean(),
    selectionRunId: z.number().int().nullable(),
    overrideRequestId: z.number().int().nullable(),
    sentOn: date.nullable(),
    answerBy: date.nullable(),
    closedOn: date.nullable(),
    nextDeadline: deadline.nullable(),
    createdBy: z.number().int(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'OfferSummary' });

/** `GET /api/offers/:id`: the offer with its people, timeline, deadlines and override. */
export const offerRecord = offerSummary
  .extend({
    outcomeReason: z.string().nullable(),
    children: z.array(
      z.object({
        id: z.number().int(),
        givenNames: z.string(),
        surname: z.string(),
        birthDate: date,
        status: z.string(),
      }),
    ),
    adopter: z.object({
      id: z.number().int(),
      givenNames: z.string(),
      surname: z.string(),
      spouseGivenNames: z.string().nullable(),
      spouseSurname: z.string().nullable(),
      origin: z.enum(adopterOrigins),
      status: z.string(),
    }),
    timeline: z.array(
      z.object({
        id: z.number().int(),
        fromStatus: z.enum(offerStatuses).nullable(),
        toStatus: z.enum(offerStatuses),
        happenedOn: date,
        reason: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()).nullable(),
        createdBy: z.number().int(),
        createdByName: z.string(),
        createdAt: dateTime,
      }),
    ),
    deadlines: z.array(deadline),
    overrideRequest: overrideRequestRecord.nullable(),
    allowedMoves: z.array(allowedMove),
  })
  .meta({ id: 'Offer' });

const today = () => rigaToday();
const flag = z.boolean();

/** The list's sorts and filters (ra-data-simple-rest contract). */
export const offerList: ListSpec = {
  sort: {
    id: 'id',
    status: 'status',
    sentOn: 'sentOn',
    answerBy: 'answerBy',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    status: equals('status', z.enum(offerStatuses)),
    adopterId: equals('adopterId', reference),
    live: { schema: flag, apply: (qb, v: boolean) => qb.where('live', '=', v) },
    childId: {
      schema: reference,
      apply: (qb, v: number) =>
        qb.where(
          sql<boolean>`exists (select 1 from offer_children oc where oc.offer_id = offers.id and oc.child_id = ${v})`,
        ),
    },
    deadlineWithinDays: {
      schema: z.number().int().min(0).max(366),
      apply: (qb, v: number) =>
        qb.where(
          sql<boolean>`exists (select 1 from deadlines d where d.offer_id = offers.id and d.status = 'open' and d.due_on between ${today()}::date and ${addDays(today(), v)}::date)`,
        ),
    },
    overdue: {
      schema: flag,
      apply: (qb, v: boolean) =>
        qb.where(
          sql<boolean>`${sql.raw(v ? '' : 'not ')}exists (select 1 from deadlines d where d.offer_id = offers.id and (d.status = 'overdue' or (d.status = 'open' and d.due_on < ${today()}::date)))`,
        ),
    },
  },
};

/** `POST /api/override-requests`. */
export const overrideInput = z
  .object({
    adopterId: reference,
    childIds: ids.optional(),
    siblingGroupId: reference.optional(),
    selectionRunId: reference.optional(),
    reason: z
      .string()
      .trim()
      .min(1, 'must say why the children are offered outside the selection')
      .max(4000, 'must be at most 4000 characters'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.childIds && b.siblingGroupId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['childIds'],
        message: 'is required (or siblingGroupId)',
      });
  });
export type OverrideInput = z.output<typeof overrideInput>;

export const decisionInput = z
  .object({
    decision: z.enum(['approved', 'refused']),
    note: z
      .string()
      .trim()
      .max(4000, 'must be at most 4000 characters')
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .default(null),
    version,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.decision === 'refused' && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when refusing' });
  });

export const withdrawInput = z.object({ version }).strict();

export const overrideList: ListSpec = {
  sort: { id: 'id', status: 'status', createdAt: 'createdAt', updatedAt: 'updatedAt' },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    status: equals('status', z.enum(overrideStatuses)),
    adopterId: equals('adopterId', reference),
  },
};

/** `GET /api/adopters/:id/refusals-summary`. */
export const refusalsSummary = z
  .object({
    adopterId: z.number().int(),
    origin: z.enum(adopterOrigins),
    total: z.number().int(),
    reasoned: z.number().int(),
    unreasoned: z.number().int(),
    refusals: z.array(
      z.object({
        refusedOn: date,
        childId: z.number().int().nullable(),
        reason: z.string().nullable(),
        offerId: z.number().int().nullable(),
      }),
    ),
    declinedOffers: z.number().int(),
    rule: z.object({
      count: z.number().int(),
      withinMonths: z.number().int(),
      pauseMonths: z.number().int(),
      appliesTo: z.enum(['foreign', 'all']),
      parametersVersion: z.number().int(),
    }),
    outcome: z.object({
      applies: z.boolean(),
      unreasonedRecent: z.number().int(),
      windowFrom: date,
      triggeredOn: date.nullable(),
      pausedUntil: date.nullable(),
      paused: z.boolean(),
      suggestCourtReview: z.boolean(),
    }),
  })
  .meta({ id: 'RefusalsSummary' });
