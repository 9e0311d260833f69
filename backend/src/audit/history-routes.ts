import type { AnyQuery, Db } from '../db/database';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { applyFilters, listQueryDoc, parseListQuery } from '../http/list';
import { can } from '../policies/permissions';
import { hiddenFields } from '../policies/fields';
import type { Role } from '../policies/roles';
import { attachmentCategories } from '../db/tables/child-attachments';
import { visibleCategories } from '../attachments/schema';
import { auditEventList, auditEventRecord } from './schema';
import { pageOfEvents } from './routes';
import { assertReadable } from './readable';

/**
 * "Who has seen or changed this": `GET /api/record-history` with
 * `filter={"resource":"children","recordId":5}` lists the record's audit events (its own events
 * and the list pages that showed it). Readable exactly when the record is (audit/readable.ts: the
 * permission and scope of the record's own show route; 403 without the permission, 404 for a
 * record missing or out of scope alike), and by audit readers for any record. Every event is
 * presented as the caller may see it (audit/present.ts).
 */
const historyList = {
  ...auditEventList,
  filters: {
    resource: auditEventList.filters.resource!,
    recordId: auditEventList.filters.recordId!,
    action: auditEventList.filters.action!,
  },
};

/**
 * Leaves out the events that would tell a reader of the record (not an audit reader) only that
 * something it may not see happened: a change of hidden fields alone, an attachment of a category
 * it may not see. The card's own history leaves them out too (history/record-changes.ts).
 */
function withoutHiddenOnly(qb: AnyQuery, resource: string, role: Role): AnyQuery {
  if (resource !== 'children' && resource !== 'adopters') return qb;
  const hidden = [...hiddenFields(resource, role)];
  if (hidden.length) {
    const keys = sql.join(hidden.map((f) => sql`${f}::text`));
    qb = qb.where(
      sql<boolean>`(changes is null or changes = '{}'::jsonb or (changes - array[${keys}]) <> '{}'::jsonb)`,
    );
  }
  const visible = new Set<string>(visibleCategories(role));
  const categories = attachmentCategories.filter((c) => !visible.has(c));
  if (resource === 'children' && categories.length) {
    qb = qb.where(
      sql<boolean>`coalesce(detail ->> 'category', changes -> 'category' ->> 'new', changes -> 'category' ->> 'old', '') not in (${sql.join(categories)})`,
    );
  }
  return qb;
}

/**
 * A selection shows children and adopters by name without being their list or card: its `select`
 * event names them in its detail (`childIds`; `adopterId` for a run for an adopter, `adopterIds`
 * for a reverse view). "Who has seen this child" counts those runs too.
 */
function withSelections(
  db: Db,
  own: AnyQuery,
  resource: string,
  recordId: unknown,
  action: unknown,
): AnyQuery {
  if (resource !== 'children' && resource !== 'adopters') return own;
  if (action !== undefined && action !== 'select') return own;
  const id = Number(recordId);
  if (!Number.isSafeInteger(id)) return own;
  const shown = JSON.stringify([id]);
  const named =
    resource === 'children'
      ? sql<boolean>`detail -> 'childIds' @> ${shown}::jsonb`
      : sql<boolean>`(detail -> 'adopterIds' @> ${shown}::jsonb or detail ->> 'adopterId' = ${String(id)})`;
  return (db.selectFrom('auditEvents') as AnyQuery).where((eb) =>
    eb.or([
      eb('id', 'in', own.select('id')),
      eb.and([eb('resource', '=', 'selections'), eb('action', '=', 'select'), named]),
    ]),
  );
}

export function recordHistoryRoutes(maxPage: number): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/record-history',
      summary: "One record's audit events, for whoever may read the record",
      tags: ['Audit'],
      access: 'signed-in',
      query: listQueryDoc,
      response: {
        description:
          'Events of the record, newest first. Filters: resource and recordId (both required), action. 403 without the read permission of the resource, 404 for a record that is missing or outside your scope (audit readers: any record). Values you may not see are masked ("***") or, for fields of the record your role may not see, left out.',
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
        const own = applyFilters(db.selectFrom('auditEvents') as AnyQuery, historyList, q.filter);
        // Selections only for those who may read them (a care institution may not: they tell
        // which adopter a child was considered for).
        let base =
          can(actor!.role, 'selections:read') || can(actor!.role, 'audit-events:read')
            ? withSelections(db, own, resource, recordId, q.filter.action)
            : own;
        if (!can(actor!.role, 'audit-events:read')) {
          await assertReadable(db, actor!, resource, String(recordId));
          base = withoutHiddenOnly(base, resource, actor!.role);
        }
        return pageOfEvents(ctx, db, actor!, 'record-history', base, q);
      },
    }),
  ];
}
