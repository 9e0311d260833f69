import type { Db } from '../db/database';
import type { ChangeSource, FieldChanges } from '../db/tables/record-changes';
import type { FieldResource } from '../policies/fields';
import { hiddenFields } from '../policies/fields';
import type { Role } from '../policies/roles';

/** One entry of a record's field history, as written by the writer of the change. */
export interface FieldChangeEntry {
  resource: FieldResource;
  recordId: number;
  version: number;
  source: ChangeSource;
  changeRequestId: number | null;
  changes: FieldChanges;
  changedBy: number;
}

/** Appends a change to the record's history (in the transaction of the change itself). */
export async function recordFieldChanges(db: Db, entry: FieldChangeEntry): Promise<void> {
  await db
    .insertInto('recordChanges')
    .values({ ...entry, changes: JSON.stringify(entry.changes) })
    .execute();
}

/** The record's changes, newest first, with the user's display name. */
export function changesOf(db: Db, resource: FieldResource, recordId: number, limit: number) {
  return db
    .selectFrom('recordChanges as c')
    .innerJoin('users as u', 'u.id', 'c.changedBy')
    .select([
      'c.id',
      'c.version',
      'c.source',
      'c.changeRequestId',
      'c.changes',
      'c.changedBy',
      'u.displayName as changedByName',
      'c.changedAt',
    ])
    .where('c.resource', '=', resource)
    .where('c.recordId', '=', recordId)
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * A change as the role may see it: fields of hidden groups left out, and nothing at all when
 * only hidden fields changed (a care institution does not learn that the birth family was edited).
 */
export function visibleChanges(
  resource: FieldResource,
  role: Role,
  changes: FieldChanges,
): FieldChanges | null {
  const hidden = hiddenFields(resource, role);
  const kept = Object.entries(changes).filter(([field]) => !hidden.has(field));
  return kept.length ? Object.fromEntries(kept) : null;
}
