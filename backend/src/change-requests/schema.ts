import { z } from 'zod';
import { equals, type ListSpec } from '../http/list';
import { reference } from '../classifiers/common';
import { longText } from '../people/fields';
import {
  changeRequestKinds,
  changeRequestResources,
  changeRequestStatuses,
} from '../db/tables/change-requests';

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be a field name');
const comment = longText(2000);
const version = z.number().int().positive();

/** `POST /api/change-requests`: what a care institution or an orphan court proposes. */
export const proposalInput = z
  .object({
    resource: z.enum(changeRequestResources),
    kind: z.enum(changeRequestKinds).default('update'),
    recordId: reference.optional(),
    changes: z
      .record(fieldName, z.unknown())
      .refine((c) => Object.keys(c).length > 0, 'must propose at least one field')
      .meta({
        description:
          '`{field: value}`: the new values (update), or the whole record sheet (create), in the form the resource itself takes',
      }),
    comment,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'update' && b.recordId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'is required for an update' });
    }
    if (b.kind === 'create' && b.recordId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['recordId'],
        message: 'is not given for a new record',
      });
    }
  });
export type ProposalInput = z.output<typeof proposalInput>;

/** `POST …/:id/accept`. */
export const acceptInput = z
  .object({
    version,
    fields: z
      .array(fieldName)
      .min(1, 'must accept at least one field (return the request instead)')
      .max(100)
      .optional()
      .meta({ description: 'The fields to accept; all proposed fields when left out' }),
    comment,
    override: z.boolean().default(false).meta({
      description: 'Accept although the register changed these fields since the proposal',
    }),
    complete: z.record(fieldName, z.unknown()).optional().meta({
      description:
        'Values the specialist adds for fields the proposal does not carry, where a rule needs them with the proposed ones (the Commission’s opinion date of a clearance abroad)',
    }),
    confirmLikelyDuplicate: z.boolean().optional().meta({
      description: 'Passed on to the record: accept although a likely duplicate exists',
    }),
  })
  .strict();
export type AcceptInput = z.output<typeof acceptInput>;

/** `POST …/:id/return`: the comment says the proposer what to change. */
export const returnInput = z
  .object({
    version,
    comment: z
      .string()
      .trim()
      .min(1, 'must say why the request is returned')
      .max(2000, 'must be at most 2000 characters'),
  })
  .strict();

export const withdrawInput = z.object({ version }).strict();

const instant = z.string().meta({ format: 'date-time' });
const values = z.record(z.string(), z.unknown());

/** A change request as listed (no values: those are shown one request at a time). */
export const changeRequestSummary = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    resource: z.enum(changeRequestResources),
    kind: z.enum(changeRequestKinds),
    recordId: z.number().int().nullable(),
    createdRecordId: z.number().int().nullable(),
    recordName: z.string().nullable().meta({
      description: "The record's name when the caller may see it (a new record: the proposed one)",
    }),
    fields: z.array(z.string()).meta({ description: 'The proposed fields' }),
    proposedBy: z.number().int(),
    proposedByName: z.string(),
    careProviderId: z.number().int().nullable(),
    orphanCourtId: z.number().int().nullable(),
    comment: z.string().nullable(),
    status: z.enum(changeRequestStatuses),
    acceptedFields: z.array(z.string()).nullable(),
    decisionComment: z.string().nullable(),
    decidedBy: z.number().int().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'ChangeRequestSummary' });

/** One change request with the values: proposed, as the record held them, and as it holds them now. */
export const changeRequestRecord = changeRequestSummary
  .extend({
    proposed: values,
    valuesAtProposal: values.nullable().meta({
      description: "The record's values of the proposed fields when proposed (update only)",
    }),
    current: values.nullable().meta({
      description:
        "The record's values of the proposed fields now; null for a new record, or when the record is outside the caller's scope",
    }),
    recordVersion: z.number().int().nullable(),
    changedSinceProposal: z.array(z.string()).meta({
      description: 'Proposed fields the register changed since the proposal (a conflict)',
    }),
  })
  .meta({ id: 'ChangeRequest' });

export const changeRequestList: ListSpec = {
  sort: {
    id: 'id',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
    decidedAt: 'decidedAt',
    status: 'status',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: equals('status', z.enum(changeRequestStatuses)),
    resource: equals('resource', z.enum(changeRequestResources)),
    kind: equals('kind', z.enum(changeRequestKinds)),
    recordId: equals('recordId', reference),
    proposedBy: equals('proposedBy', reference),
    careProviderId: equals('careProviderId', reference),
    orphanCourtId: equals('orphanCourtId', reference),
  },
};
