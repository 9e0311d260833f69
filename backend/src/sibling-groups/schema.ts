import type { AnyQuery } from '../db/database';
import { rigaToday, separationFields } from '@adoption/model';
import { sql } from 'kysely';
import { z } from 'zod';
import { equals, type FilterDef, type ListSpec } from '../http/list';
import { recordMeta, reference, text } from '../classifiers/common';
import { isoDate, longText, outDate, outText } from '../people/fields';
import { datesInOrder } from '../people/rules';
import { childStatuses } from '../db/tables/children';
import type { FieldError } from '../http/problem';

/** The orphan court's decision that the brothers and sisters may be adopted separately. */

/** What a specialist enters about a group; members are set with `PUT …/:id/members`. */
export const siblingGroupInput = z.object({
  note: longText(2000),
  mayBeSeparated: z.boolean().default(false),
  separationOrphanCourtId: reference.nullable().default(null),
  separationDecisionNumber: text(50).nullable().default(null),
  separationDecisionDate: isoDate.nullable().default(null),
});

/** A member as the group shows it; identity fields follow the children's field rules. */
export const siblingGroupMember = z
  .object({
    id: z.number().int(),
    givenNames: z.string().optional(),
    surname: z.string().optional(),
    birthDate: outDate.optional(),
    status: z.enum(childStatuses),
  })
  .meta({ id: 'SiblingGroupMember' });

/** The group's own columns (selected for every query). */
export const groupColumns = [
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'note',
  'mayBeSeparated',
  ...separationFields,
] as const;

export const siblingGroupRecord = z
  .object({
    ...recordMeta,
    note: outText,
    mayBeSeparated: z.boolean(),
    separationOrphanCourtId: z.number().int().nullable(),
    separationDecisionNumber: outText,
    separationDecisionDate: outDate.nullable(),
    children: z.array(siblingGroupMember).meta({
      description: 'The members the caller may see (children record scope), oldest first',
    }),
  })
  .meta({ id: 'SiblingGroup' });

/** Update: the input plus `version`; echoed read-only fields (id, timestamps, children) are ignored. */
export const siblingGroupUpdate = siblingGroupInput
  .extend({
    version: z.number().int().positive(),
    id: z.unknown().optional(),
    createdAt: z.unknown().optional(),
    updatedAt: z.unknown().optional(),
    children: z.unknown().optional(),
  })
  .strict();

export const membersInput = z
  .object({
    childIds: z.array(reference).max(50, 'a group holds at most 50 children'),
    version: z.number().int().positive(),
  })
  .strict();

/** The separation decision is given in full when the children may be separated, else not at all. */
export function checkSiblingGroup(g: Record<string, unknown>, today = rigaToday()): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of separationFields) {
    const given = g[field] != null;
    if (g.mayBeSeparated && !given) {
      errors.push({
        path: `body.${field}`,
        code: 'required',
        message: 'is required when the children may be separated',
      });
    } else if (!g.mayBeSeparated && given) {
      errors.push({
        path: `body.${field}`,
        code: 'not_allowed',
        message: 'is only given when mayBeSeparated is true',
      });
    }
  }
  errors.push(
    ...datesInOrder(
      [['separationDecisionDate', g.separationDecisionDate as string | null | undefined]],
      today,
    ),
  );
  return errors;
}

/** `complete: true` keeps groups of at least two children, `false` those still being assembled. */
const complete: FilterDef = {
  schema: z.boolean(),
  apply: (qb: AnyQuery, value: boolean) =>
    qb.where(
      sql<boolean>`(select count(*) from children where children.sibling_group_id = sibling_groups.id) ${sql.raw(value ? '>=' : '<')} 2`,
    ),
};

export const siblingGroupList: ListSpec = {
  sort: {
    id: 'id',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
    separationDecisionDate: 'separationDecisionDate',
  },
  defaultSort: ['id', 'DESC'],
  filters: {
    complete,
    mayBeSeparated: equals('mayBeSeparated', z.boolean()),
    separationOrphanCourtId: equals('separationOrphanCourtId', reference),
  },
};
