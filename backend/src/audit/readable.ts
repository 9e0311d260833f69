import type { Actor } from '../auth/actor';
import type { Db, AnyQuery } from '../db/database';
import { Problem } from '../http/problem';
import { can, type Permission } from '../policies/permissions';
import { applyScope, recordScope } from '../policies/scopes';
import { requestScope } from '../change-requests/repository';
import { applyGroupScope } from '../sibling-groups/members';
import { parseDecimalId } from '../http/ids';
import { ownEntry } from '../http/input';

/**
 * Which records a caller may read, by the resource's own rules: the permission its show route
 * names and the scope its queries apply (policies/scopes.ts for children and adopters, the
 * change requests' `requestScope`, the sibling groups' `applyGroupScope`). The audit trail asks
 * it both whether a record's history may be read and whose values an event may show, so the
 * history of a record is readable exactly when the record is.
 */
interface ReadRule {
  /** The permission of the resource's show route. */
  permission: Permission;
  /**
   * A person record, or one that carries a person's data: an event about it shows its values
   * only to a caller who may read it (audit/present.ts).
   */
  person: boolean;
  /** Narrows `select id from <table>` to the rows the actor sees. */
  scope(qb: AnyQuery, actor: Actor): AnyQuery;
  table: string;
}

const everyRow = (qb: AnyQuery) => qb;

// prettier-ignore
const rules: Record<string, ReadRule> = {
  children:          { permission: 'children:read', person: true, table: 'children',
                       scope: (qb, a) => applyScope(qb, recordScope('children', a)) },
  adopters:          { permission: 'adopters:read', person: true, table: 'adopters',
                       scope: (qb, a) => applyScope(qb, recordScope('adopters', a)) },
  'sibling-groups':  { permission: 'sibling-groups:read', person: true, table: 'siblingGroups',
                       scope: (qb, a) => applyGroupScope(qb, a) },
  'change-requests': { permission: 'change-requests:read', person: true, table: 'changeRequests',
                       scope: (qb, a) => applyScope(qb, requestScope(a)) },
  users:             { permission: 'users:read', person: false, table: 'users', scope: everyRow },
  territories:       { permission: 'territories:read', person: false, table: 'territories', scope: everyRow },
  'orphan-courts':   { permission: 'orphan-courts:read', person: false, table: 'orphanCourts', scope: everyRow },
  'care-providers':  { permission: 'care-providers:read', person: false, table: 'careProviders', scope: everyRow },
  countries:         { permission: 'countries:read', person: false, table: 'countries', scope: everyRow },
  'outgoing-mail':   { permission: 'outgoing-mail:read', person: false, table: 'outbox', scope: everyRow },
};

/** Whether events about the resource carry a person's data (their values are for its readers). */
export const isPersonResource = (resource: string): boolean =>
  ownEntry(rules, resource)?.person ?? false;

/** Whether the role may read some records of the resource at all (its read permission). */
export const mayReadResource = (actor: Actor, resource: string): boolean => {
  const rule = ownEntry(rules, resource);
  return rule !== undefined && can(actor.role, rule.permission);
};

/** An id as the resource's show route would take it (`params.id`), in its canonical spelling. */
const recordNumber = (id: string): number | undefined => parseDecimalId(id);

/** Ids per query (the `in` list's parameters). */
const CHUNK = 1000;

/**
 * The ids among `ids` of records that exist and that the actor may read through the resource's
 * own show route. A resource no show route serves (sessions, the trail itself) has none.
 */
export async function readableIds(
  db: Db,
  actor: Actor,
  resource: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rule = ownEntry(rules, resource);
  const found = new Set<string>();
  if (!rule || !can(actor.role, rule.permission)) return found;
  const numbers = [...new Set(ids.map(recordNumber).filter((n) => n !== undefined))];
  const anyDb = db as unknown as { selectFrom(table: string): AnyQuery };
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const chunk = numbers.slice(i, i + CHUNK);
    const query = rule.scope(anyDb.selectFrom(rule.table).select('id'), actor);
    for (const row of await query.where('id', 'in', chunk).execute()) found.add(String(row.id));
  }
  return found;
}

/**
 * Refuses, as the record's show route would, a caller who may not read the record: 403 without
 * the resource's read permission, 404 (`Problem.noRecord`, the same for a missing record and one
 * outside the caller's scope) without the record.
 */
export async function assertReadable(
  db: Db,
  actor: Actor,
  resource: string,
  recordId: string,
): Promise<void> {
  const rule = ownEntry(rules, resource);
  if (!rule || !can(actor.role, rule.permission)) throw Problem.forbidden();
  if (!(await readableIds(db, actor, resource, [recordId])).has(recordId)) {
    throw Problem.noRecord(resource, recordId);
  }
}
