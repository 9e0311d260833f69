import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { createdChanges, updatedChanges } from '../audit/diff';
import { Problem } from '../http/problem';
import type { WriteContext, WriteOrigin } from '../http/record-writer';
import { checkSiblingGroup, groupColumns, siblingGroupInput } from './schema';
import { selectGroups, withMembers } from './members';

const resource = 'sibling-groups';
const columns = [...groupColumns];

/** A group's own fields as stored (members are not fields: `PUT …/members` sets them). */
export type GroupRow = Awaited<
  ReturnType<ReturnType<typeof selectGroups>['executeTakeFirstOrThrow']>
>;

/** The fields a group is written with (the input schema's, nothing else). */
export const groupFields = Object.keys(siblingGroupInput.shape) as (keyof z.output<
  typeof siblingGroupInput
>)[];
const pick = (body: Record<string, unknown>) =>
  Object.fromEntries(groupFields.map((f) => [f, body[f]])) as z.output<typeof siblingGroupInput>;

function check(fields: Record<string, unknown>) {
  const errors = checkSiblingGroup(fields);
  if (errors.length) throw Problem.validation(errors);
}

const withRequest = (detail: Record<string, unknown> | null, origin: WriteOrigin) =>
  origin.changeRequestId ? { ...detail, changeRequestId: origin.changeRequestId } : detail;

/** The group if the actor sees it (a member in its children scope), else undefined. */
export const findGroup = (db: Db, actor: Actor | undefined, id: number) =>
  selectGroups(db, actor).where('id', '=', id).executeTakeFirst();

/**
 * Writing a sibling group with its rules, the writer's scope, optimistic locking and the audit
 * event: the sibling-group routes and an accepted change request (an orphan court's separation
 * decision) both write through here, as the person registers do through http/record-writer.ts.
 */
export const siblingGroupWriter = {
  async create(w: WriteContext, body: Record<string, unknown>, origin: WriteOrigin = {}) {
    const fields = pick(body);
    check(fields);
    const created = await w.db
      .insertInto('siblingGroups')
      .values(fields)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await w.audit({
      action: 'create',
      resource,
      recordId: created.id,
      changes: createdChanges(created),
      detail: withRequest(null, origin),
    });
    return created;
  },

  /**
   * Replaces the group's fields from a validated update body (`version` included): 404 outside
   * the writer's scope, 409 with the current group (and its visible members) when stale.
   */
  async update(
    w: WriteContext,
    id: number,
    body: Record<string, unknown> & { version: number },
    origin: WriteOrigin = {},
  ) {
    const fields = pick(body);
    // Locked, so the audited diff is against exactly the row this update replaces.
    const current =
      (await selectGroups(w.db, w.actor).where('id', '=', id).forUpdate().executeTakeFirst()) ??
      notFound(id);
    check(fields);
    const updated = await w.db
      .updateTable('siblingGroups')
      .set(fields)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning(columns)
      .executeTakeFirst();
    if (!updated) {
      const [shown] = await withMembers(w.db, w.actor, [current]);
      throw Problem.staleVersion(body.version, current.version, shown);
    }
    await w.audit({
      action: 'update',
      resource,
      recordId: id,
      changes: updatedChanges(current, updated),
      detail: withRequest(null, origin),
    });
    return updated;
  },
};

export function notFound(id: number): never {
  throw Problem.noRecord(resource, id);
}
