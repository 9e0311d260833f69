import { sql } from 'kysely';
import type { Actor } from '../auth/actor';
import type { AnyQuery } from '../db/database';
import type { Role } from './roles';

/**
 * Record scopes: which rows of a person register a role may see at all. Applied inside every
 * query of the resource (list, count, show, update, delete), so a row outside the scope does not
 * exist for that user: a guessed id answers 404, exactly like an id nobody has.
 */
export type RecordScope =
  | { kind: 'all' }
  | { kind: 'none' }
  /** Rows whose `column` equals `value` (the user's institution or orphan court). */
  | { kind: 'match'; column: string; value: number };

export type ScopedResource = 'children' | 'adopters';

const all = (): RecordScope => ({ kind: 'all' });
const match =
  (column: string, value: (a: Actor) => number | null) =>
  (a: Actor): RecordScope => {
    const v = value(a);
    // A scoped user without its institution or court (should not exist) sees nothing.
    return v === null ? { kind: 'none' } : { kind: 'match', column, value: v };
  };

// Roles not named for a resource see none of its rows (the permission table refuses them first).
// prettier-ignore
const scopes: Record<ScopedResource, Partial<Record<Role, (a: Actor) => RecordScope>>> = {
  children: {
    adoption_specialist: all,
    head_of_department:  all,
    care_institution:    match('careProviderId', (a) => a.careProviderId), // placed with it
    orphan_court:        match('careOrphanCourtId', (a) => a.orphanCourtId), // its care decision
  },
  adopters: {
    adoption_specialist: all,
    head_of_department:  all,
    orphan_court:        match('orphanCourtId', (a) => a.orphanCourtId), // it recognised them
  },
};

export function recordScope(resource: ScopedResource, actor: Actor): RecordScope {
  return scopes[resource][actor.role]?.(actor) ?? { kind: 'none' };
}

/** Narrows a select (or update/delete) to the rows in scope. */
export function applyScope<Q>(qb: Q, scope: RecordScope): Q {
  if (scope.kind === 'all') return qb;
  // Any Kysely builder with `where` (select, update, delete) over a table with the column.
  const q = qb as unknown as AnyQuery;
  const narrowed =
    scope.kind === 'none' ? q.where(sql<boolean>`false`) : q.where(scope.column, '=', scope.value);
  return narrowed as unknown as Q;
}

/** Whether a record (as written) lies in the scope: a scoped writer cannot move it out. */
export function inScope(scope: RecordScope, record: Record<string, unknown>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return record[scope.column] === scope.value;
}

/** The roles with any scope rule for the resource (for the policy table and its tests). */
export function scopedRoles(resource: ScopedResource): Role[] {
  return Object.keys(scopes[resource]) as Role[];
}
