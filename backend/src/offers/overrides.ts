import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import { Problem } from '../http/problem';
import type { Db } from '../db/database';
import {
  decisionInput,
  overrideInput,
  overrideList,
  overrideRequestRecord,
  withdrawInput,
} from './schema';
import { selectOverrides } from './repository';
import { adopterOf, resolveChildren } from './create';

const resource = 'override-requests';
const base = `/api/${resource}`;
const tags = ['Offers'];

const columns = [
  'id',
  'adopterId',
  'childIds',
  'siblingGroupId',
  'selectionRunId',
  'reason',
  'status',
  'requestedBy',
  'decidedBy',
  'decidedAt',
  'decisionNote',
  'version',
  'createdAt',
  'updatedAt',
];

async function show(db: Db, id: number) {
  return (
    (await selectOverrides(db).where('o.id', '=', id).executeTakeFirst()) ??
    Promise.reject(Problem.noRecord(resource, id))
  );
}

/** The request locked for a decision or withdrawal, at the caller's version (409 otherwise). */
async function lockAt(db: Db, id: number, version: number) {
  const row = await db
    .selectFrom('overrideRequests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw Problem.noRecord(resource, id);
  if (row.version !== version) throw Problem.staleVersion(version, row.version, await show(db, id));
  return row;
}

/**
 * Overrides (issue 14, "Override"): offering a child outside a selection's result — a near miss,
 * an excluded child, an adopter further down — needs a specialist's written request and a head
 * of department's approval. Two steps, each audited, both shown on the offer; the requester
 * cannot decide their own request; the offer created under it marks it `used`.
 */
export const overrideRoutes = (maxPage: number): RouteDef[] =>
  [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'List override requests',
      tags,
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description:
          'One page of requests. Sort: id, status, createdAt, updatedAt. Filters: status, adopterId.',
        schema: z.array(overrideRequestRecord),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, audit }) => {
        const q = parseListQuery(ctx.query, overrideList, maxPage);
        const { page, count } = listQueries(db, 'overrideRequests', columns, overrideList, q);
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const ids = rows.map((r) => r.id as number);
        const named = ids.length
          ? await selectOverrides(db).where('o.id', 'in', ids).execute()
          : [];
        const shown = ids.map((id) => named.find((n) => n.id === id)!);
        await audit({
          action: 'list',
          resource,
          recordIds: ids,
          detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total.total) },
        });
        return shown;
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: 'Show an override request',
      tags,
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The request', schema: overrideRequestRecord },
      handler: async ({ db, params, audit }) => {
        const shown = await show(db, params.id);
        await audit({ action: 'read', resource, recordId: params.id });
        return shown;
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: 'Ask a head of department to allow an offer outside the selection’s result',
      tags,
      access: `${resource}:write`,
      body: overrideInput,
      response: { status: 201, description: 'The pending request', schema: overrideRequestRecord },
      handler: async ({ db, body, actor, audit }) => {
        await adopterOf(db, body.adopterId);
        const childIds = await resolveChildren(db, body);
        if (body.selectionRunId !== undefined) {
          const run = await db
            .selectFrom('selectionRuns')
            .select('id')
            .where('id', '=', body.selectionRunId)
            .executeTakeFirst();
          if (!run)
            throw Problem.field(
              'body.selectionRunId',
              'not_found',
              `names no selection run (${body.selectionRunId})`,
            );
        }
        const { id } = await db
          .insertInto('overrideRequests')
          .values({
            adopterId: body.adopterId,
            childIds: JSON.stringify(childIds),
            siblingGroupId: body.siblingGroupId ?? null,
            selectionRunId: body.selectionRunId ?? null,
            reason: body.reason,
            requestedBy: actor!.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // The reason may hold personal data: it stays on the request, the trail says one was given.
        await audit({
          action: 'propose',
          resource,
          recordId: id,
          detail: {
            adopterId: body.adopterId,
            childIds,
            selectionRunId: body.selectionRunId ?? null,
          },
        });
        return show(db, id);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/decision`,
      summary: 'Approve or refuse an override request (head of department, not the requester)',
      tags,
      access: 'override-decisions:write',
      params: idParams,
      body: decisionInput,
      response: { description: 'The decided request', schema: overrideRequestRecord },
      handler: async ({ db, params, body, actor, audit }) => {
        const row = await lockAt(db, params.id, body.version);
        if (row.requestedBy === actor!.userId)
          throw Problem.forbidden('The requester cannot decide their own override request.');
        if (row.status !== 'pending')
          throw Problem.conflict(
            `The override request is ${row.status} already; only a pending one is decided.`,
            { code: 'not_pending', status: row.status },
          );
        await db
          .updateTable('overrideRequests')
          .set({
            status: body.decision,
            decidedBy: actor!.userId,
            decidedAt: new Date(),
            decisionNote: body.note,
            version: row.version + 1,
          })
          .where('id', '=', row.id)
          .execute();
        await audit({
          action: body.decision === 'approved' ? 'approve' : 'refuse',
          resource,
          recordId: row.id,
          changes: { status: { old: 'pending', new: body.decision } },
          detail: { adopterId: row.adopterId, childIds: row.childIds, noteGiven: !!body.note },
        });
        return show(db, row.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:id/withdraw`,
      summary: 'Withdraw an override request not used yet (its requester)',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: withdrawInput,
      response: { description: 'The withdrawn request', schema: overrideRequestRecord },
      handler: async ({ db, params, body, actor, audit }) => {
        const row = await lockAt(db, params.id, body.version);
        if (row.requestedBy !== actor!.userId)
          throw Problem.forbidden('Only the requester withdraws an override request.');
        if (row.status !== 'pending' && row.status !== 'approved')
          throw Problem.conflict(`The override request is ${row.status}; it cannot be withdrawn.`, {
            code: 'not_withdrawable',
            status: row.status,
          });
        await db
          .updateTable('overrideRequests')
          .set({ status: 'withdrawn', version: row.version + 1 })
          .where('id', '=', row.id)
          .execute();
        await audit({
          action: 'cancel',
          resource,
          recordId: row.id,
          changes: { status: { old: row.status, new: 'withdrawn' } },
        });
        return show(db, row.id);
      },
    }),
  ] as RouteDef[];
