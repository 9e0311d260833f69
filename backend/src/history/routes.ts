/**
 * history/: the card's field-change timeline (record_changes) — which field of a child, adopter or
 * sibling group changed, from what to what, when, by whom and how (card, status move, change
 * request), shown within the reader's field rules. Written by records/writer.ts; the audit trail of
 * every read and change is audit/.
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { assertReadable } from '../audit/readable';
import type { FieldResource } from '../policies/fields';
import { changeSources } from '../db/tables/record-changes';
import { changesOf, visibleChanges } from './record-changes';

/** How many changes the timeline shows (a card changes a few times a month, not thousands). */
const TIMELINE_LIMIT = 500;

export const fieldChangeRecord = z
  .object({
    id: z.number().int(),
    version: z.number().int().meta({ description: "The record's version after the change" }),
    source: z.enum(changeSources),
    changeRequestId: z.number().int().nullable(),
    changes: z
      .record(z.string(), z.object({ old: z.unknown().optional(), new: z.unknown().optional() }))
      .meta({
        description: '`{"field":{"old":…,"new":…}}`; fields the caller may not see left out',
      }),
    changedBy: z.number().int(),
    changedByName: z.string(),
    changedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'FieldChange' });

/**
 * `GET /api/<resource>/:id/changes`: the card's history timeline — every create, edit, accepted
 * change request and status move with the values before and after, newest first. Whoever may
 * read the record sees its history, without the fields their role may not see. Audited as a read.
 */
export function fieldHistoryRoutes(resource: FieldResource, tag: string): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: `/api/${resource}/:id/changes`,
      summary: `The field history of one of ${resource}, newest first`,
      tags: [tag],
      access: `${resource}:read`,
      params: idParams,
      response: {
        description: `Changes, newest first (at most ${TIMELINE_LIMIT})`,
        schema: z.array(fieldChangeRecord),
      },
      handler: async ({ db, params, actor, audit }) => {
        // The record's own read rule, as for its audit history (404 missing or out of scope).
        await assertReadable(db, actor!, resource, String(params.id));
        const rows = await changesOf(db, resource, params.id, TIMELINE_LIMIT);
        await audit({ action: 'read', resource, recordId: params.id, detail: { view: 'changes' } });
        return rows.flatMap((row) => {
          const changes = visibleChanges(resource, actor!.role, row.changes);
          return changes ? [{ ...row, id: Number(row.id), changes }] : [];
        });
      },
    }),
  ] as RouteDef[];
}
