import { z } from 'zod';
import {
  registerDifferenceKinds,
  registerDifferenceResolutions,
  registerDifferenceStates,
  registerDifferenceStatuses,
} from '@adoption/model';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AnyQuery } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { isoInstant } from '../http/instants';
import { idParams } from '../http/ids';
import {
  equals,
  listQueries,
  listQueryDoc,
  parseListQuery,
  setContentRange,
  type ListSpec,
} from '../http/list';
import { Problem } from '../http/problem';
import { userNames } from '../users/names';
import { PERSON_FIELD } from './differences';
import { comparedFieldVisible } from './compare';

// The nightly reconciliation's work queue (docs/integrations.md, "Nightly reconciliation"):
// `GET /api/register-differences` (the list contract, filters by kind, register, status, who it is
// assigned to), one item, `…/:id/assign` and `…/:id/resolve` (with a reason, kept as the field's
// register note so the card's check shows it too). Taking the register's value on the card
// resolves the item as `taken` (routes.ts). Specialists and heads of department work the queue.

const resource = 'register-differences';
const base = `/api/${resource}`;
const tags = ['Registers'];

export const registerDifference = z
  .object({
    id: z.number().int(),
    resource: z.enum(['children', 'adopters']),
    recordId: z.number().int(),
    recordName: z
      .string()
      .nullable()
      .meta({ description: 'Surname and given names of the record' }),
    register: z.enum(['population', 'disability']),
    field: z.string().meta({ description: 'The compared field; `person`: not found at all' }),
    kind: z.enum(registerDifferenceKinds),
    state: z.enum(registerDifferenceStates),
    ours: z.string().nullable(),
    theirs: z.string().nullable(),
    /** The caller's role may not see this field: ours and theirs are withheld. */
    withheld: z.boolean(),
    status: z.enum(registerDifferenceStatuses),
    foundAt: z.string(),
    seenAt: z.string(),
    assignedTo: z.number().int().nullable(),
    assignedToName: z.string().nullable(),
    assignedAt: z.string().nullable(),
    resolution: z.enum(registerDifferenceResolutions).nullable(),
    resolutionReason: z.string().nullable(),
    resolvedBy: z.number().int().nullable(),
    resolvedByName: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RegisterDifference' });

const columns = [
  'id',
  'resource',
  'recordId',
  'register',
  'field',
  'kind',
  'state',
  'ours',
  'theirs',
  'status',
  'foundAt',
  'seenAt',
  'assignedTo',
  'assignedAt',
  'resolution',
  'resolutionReason',
  'resolvedBy',
  'resolvedAt',
  'version',
];

const differenceList: ListSpec = {
  sort: { id: 'id', foundAt: 'foundAt', seenAt: 'seenAt', kind: 'kind', resolvedAt: 'resolvedAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    status: equals('status', z.enum(registerDifferenceStatuses)),
    kind: equals('kind', z.enum(registerDifferenceKinds)),
    register: equals('register', z.enum(['population', 'disability'])),
    resource: equals('resource', z.enum(['children', 'adopters'])),
    recordId: equals('recordId', z.number().int().positive()),
    resolution: equals('resolution', z.enum(registerDifferenceResolutions)),
    assignedTo: equals('assignedTo', z.number().int().positive()),
    unassigned: {
      schema: z.literal(true),
      apply: (qb: AnyQuery) => qb.where('assignedTo', 'is', null),
    },
  },
};

type ItemRow = Record<string, unknown> & {
  id: number;
  resource: 'children' | 'adopters';
  recordId: number;
  field: string;
};

/** The names of the records a page of items concerns, per resource, in one query each. */
async function recordNames(db: Db, rows: ItemRow[]) {
  const names = new Map<string, string>();
  for (const table of ['children', 'adopters'] as const) {
    const ids = [...new Set(rows.filter((r) => r.resource === table).map((r) => r.recordId))];
    if (!ids.length) continue;
    const found = await db
      .selectFrom(table)
      .select(['id', 'surname', 'givenNames'])
      .where('id', 'in', ids)
      .execute();
    for (const r of found) names.set(`${table}:${r.id}`, `${r.surname} ${r.givenNames}`);
  }
  return names;
}

/** Items as answered: names beside ids, instants as ISO text, fields the role may not see withheld. */
async function present(db: Db, actor: Actor, rows: ItemRow[]) {
  const [names, users] = await Promise.all([
    recordNames(db, rows),
    userNames(
      db,
      rows.flatMap((r) => [r.assignedTo as number | null, r.resolvedBy as number | null]),
    ),
  ]);
  return rows.map((r) => {
    const withheld =
      r.field !== PERSON_FIELD && !comparedFieldVisible(r.resource, actor.role, r.field);
    return {
      ...r,
      recordName: names.get(`${r.resource}:${r.recordId}`) ?? null,
      ours: withheld ? null : r.ours,
      theirs: withheld ? null : r.theirs,
      withheld,
      foundAt: isoInstant(r.foundAt),
      seenAt: isoInstant(r.seenAt),
      assignedAt: isoInstant(r.assignedAt),
      resolvedAt: isoInstant(r.resolvedAt),
      assignedToName: users.get(r.assignedTo as number) ?? null,
      resolvedByName: users.get(r.resolvedBy as number) ?? null,
    };
  });
}

async function findItem(db: Db, id: number): Promise<ItemRow> {
  const row = await db
    .selectFrom('registerDifferences')
    .select(columns as never[])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw Problem.noRecord(resource, id);
  return row as ItemRow;
}

/** The children and adopters a page of items names: the audit says whose data was read. */
const readRecords = (rows: ItemRow[]) => ({
  children: [...new Set(rows.filter((r) => r.resource === 'children').map((r) => r.recordId))],
  adopters: [...new Set(rows.filter((r) => r.resource === 'adopters').map((r) => r.recordId))],
});

const version = z.number().int().positive();
const assignBody = z
  .object({
    userId: z.number().int().positive().nullable().meta({ description: 'null: nobody' }),
    version,
  })
  .strict();
const resolveBody = z.object({ reason: z.string().trim().min(1).max(2000), version }).strict();

/** 409 when the item changed since the caller read it (or was resolved meanwhile). */
async function lockOpen(db: Db, id: number, expected: number) {
  const row = await db
    .selectFrom('registerDifferences')
    .select(['id', 'status', 'version', 'resource', 'recordId', 'field'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw Problem.noRecord(resource, id);
  if (row.version !== expected) {
    throw Problem.conflict('The item changed since you read it; reload it and try again.', {
      field: 'version',
      current: row.version,
    });
  }
  if (row.status !== 'open') {
    throw Problem.conflict('The item is resolved already.', { field: 'status' });
  }
  return row;
}

const queueRoles = new Set(['adoption_specialist', 'head_of_department']);

export function registerDifferenceRoutes(maxPage: number): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'List the differences the nightly reconciliation found (the work queue)',
      tags,
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description:
          'One page of items. Sort: id, foundAt, seenAt, kind, resolvedAt. Filters: status, kind, ' +
          'register, resource, recordId, resolution, assignedTo, unassigned.',
        schema: z.array(registerDifference),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        const q = parseListQuery(ctx.query, differenceList, maxPage);
        const { page, count } = listQueries(db, 'registerDifferences', columns, differenceList, q);
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const items = rows as ItemRow[];
        await audit({
          action: 'list',
          resource,
          recordIds: items.map((r) => r.id),
          detail: { filter: q.filter, sort: q.sort, range: q.range, records: readRecords(items) },
        });
        return present(db, actor!, items);
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: 'Show one difference of the work queue',
      tags,
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The item', schema: registerDifference },
      handler: async ({ db, params, actor, audit }) => {
        const row = await findItem(db, params.id);
        await audit({ action: 'read', resource, recordId: params.id, detail: readRecords([row]) });
        return (await present(db, actor!, [row]))[0]!;
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/assign`,
      summary: 'Assign an open difference to a specialist (or to nobody)',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: assignBody,
      response: { description: 'The item', schema: registerDifference },
      handler: async ({ db, params, body, actor, audit }) => {
        await lockOpen(db, params.id, body.version);
        if (body.userId !== null) {
          const user = await db
            .selectFrom('users')
            .select(['id', 'role', 'active'])
            .where('id', '=', body.userId)
            .executeTakeFirst();
          if (!user || !user.active || !queueRoles.has(user.role)) {
            throw Problem.field(
              'body.userId',
              'not_a_queue_user',
              'must be an active adoption specialist or head of department',
            );
          }
        }
        await db
          .updateTable('registerDifferences')
          .set({
            assignedTo: body.userId,
            assignedAt: body.userId === null ? null : new Date(),
            version: body.version + 1,
          })
          .where('id', '=', params.id)
          .execute();
        await audit({
          action: 'assign',
          resource,
          recordId: params.id,
          detail: { userId: body.userId },
        });
        return (await present(db, actor!, [await findItem(db, params.id)]))[0]!;
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/resolve`,
      summary: 'Resolve an open difference with the reason ours stays as it is',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: resolveBody,
      response: { description: 'The item', schema: registerDifference },
      handler: async ({ db, params, body, actor, audit }) => {
        const item = await lockOpen(db, params.id, body.version);
        const now = new Date();
        await db
          .updateTable('registerDifferences')
          .set({
            status: 'resolved',
            resolution: 'explained',
            resolutionReason: body.reason,
            resolvedBy: actor!.userId,
            resolvedAt: now,
            version: body.version + 1,
          })
          .where('id', '=', params.id)
          .execute();
        // The card's register check shows the same reason beside the field next time.
        if (item.field !== PERSON_FIELD) {
          await db
            .insertInto('registerNotes')
            .values({
              resource: item.resource,
              recordId: item.recordId,
              field: item.field,
              reason: body.reason,
              createdBy: actor!.userId,
            })
            .execute();
        }
        // The reason may name people: the trail says which item was resolved, the row keeps why.
        await audit({
          action: 'resolve',
          resource,
          recordId: params.id,
          detail: { resolution: 'explained', record: { [item.resource]: item.recordId } },
        });
        return (await present(db, actor!, [await findItem(db, params.id)]))[0]!;
      },
    }),
  ] as RouteDef[];
}

/**
 * Resolves the open item of a record's field, when there is one, as the card's take or note did it
 * (routes.ts): in the caller's transaction, so it stands or falls with the take.
 */
export async function resolveFromCard(
  db: Db,
  item: { resource: 'children' | 'adopters'; recordId: number; field: string },
  how: { resolution: 'taken' | 'explained'; reason?: string; userId: number },
) {
  await db
    .updateTable('registerDifferences')
    .set((eb) => ({
      status: 'resolved',
      resolution: how.resolution,
      resolutionReason: how.reason ?? null,
      resolvedBy: how.userId,
      resolvedAt: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('resource', '=', item.resource)
    .where('recordId', '=', item.recordId)
    .where('field', '=', item.field)
    .where('status', '=', 'open')
    .execute();
}
