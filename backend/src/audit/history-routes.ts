import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { parseDecimalId } from '../http/ids';
import { applyFilters, listQueryDoc, parseListQuery, type AnyQuery } from '../http/list';
import { can, type PermissionResource } from '../policies/permissions';
import { applyScope, recordScope } from '../policies/scopes';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { auditEventList, auditEventRecord } from './schema';
import { pageOfEvents } from './routes';

/**
 * "Who has seen or changed this" for the people who keep a record: `GET /api/record-history`
 * with `filter={"resource":"children","recordId":5}` lists the record's audit events (its own
 * events and the list pages that showed it). Allowed to whoever may write the resource (the
 * record's keepers: specialists for a child, administrators for a classifier) and to audit
 * readers; a person record must lie in the caller's scope.
 */
const historyList = {
  ...auditEventList,
  filters: {
    resource: auditEventList.filters.resource!,
    recordId: auditEventList.filters.recordId!,
    action: auditEventList.filters.action!,
  },
};

async function mayRead(db: Db, actor: Actor, resource: string, recordId: string) {
  if (can(actor.role, 'audit-events:read')) return true;
  if (!can(actor.role, `${resource as PermissionResource}:write`)) return false;
  if (resource !== 'children' && resource !== 'adopters') return true;
  const id = parseDecimalId(recordId);
  if (id === undefined) return false;
  const found = await applyScope(
    db.selectFrom(resource).select('id').where('id', '=', id),
    recordScope(resource, actor),
  ).executeTakeFirst();
  return Boolean(found);
}

export function recordHistoryRoutes(maxPage: number): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/record-history',
      summary: "One record's audit events, for those who keep the record",
      tags: ['Audit'],
      access: 'signed-in',
      query: listQueryDoc,
      response: {
        description:
          'Events of the record, newest first. Filters: resource and recordId (both required), action.',
        schema: z.array(auditEventRecord),
        headers: { 'Content-Range': '`record-history first-last/total`' },
      },
      handler: async ({ db, ctx, actor }) => {
        const q = parseListQuery(ctx.query, historyList, maxPage);
        const { resource, recordId } = q.filter as { resource?: unknown; recordId?: unknown };
        if (typeof resource !== 'string' || recordId === undefined) {
          throw Problem.validation(
            (['resource', 'recordId'] as const)
              .filter((f) => q.filter[f] === undefined)
              .map((f) => ({
                path: `query.filter.${f}`,
                code: 'required',
                message: 'is required',
              })),
          );
        }
        if (!(await mayRead(db, actor!, resource, String(recordId)))) throw Problem.forbidden();
        const base = applyFilters(db.selectFrom('auditEvents') as AnyQuery, historyList, q.filter);
        return pageOfEvents(ctx, 'record-history', base, q);
      },
    }),
  ];
}
