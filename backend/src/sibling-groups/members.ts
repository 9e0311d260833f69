import type { Db, AnyQuery } from '../db/database';
import type { Actor } from '../auth/actor';
import { Problem, type FieldError } from '../http/problem';
import { applyScope, recordScope } from '../policies/scopes';
import { presentFields } from '../policies/fields';
import { groupColumns } from './schema';

/**
 * Sibling groups have no scope column of their own: a user sees a group when it sees at least
 * one of its members (the children record scope), and of its members only those.
 */
export const childScope = (actor: Actor | undefined) =>
  actor ? recordScope('children', actor) : ({ kind: 'all' } as const);

/** Narrows a query over `sibling_groups` to the groups with a member in the actor's scope. */
export function applyGroupScope<Q>(qb: Q, actor: Actor | undefined): Q {
  const scope = childScope(actor);
  if (scope.kind === 'all') return qb;
  const q = qb as unknown as AnyQuery;
  return q.where(({ exists, selectFrom }) =>
    exists(
      applyScope(
        selectFrom('children')
          .select('children.id')
          .whereRef('children.siblingGroupId', '=', 'siblingGroups.id'),
        scope,
      ),
    ),
  ) as unknown as Q;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

export const selectGroups = (db: Db, actor: Actor | undefined) =>
  applyGroupScope(db.selectFrom('siblingGroups').select([...groupColumns]), actor);

/** The visible members of each group, oldest first, with the children's field rules applied. */
export async function membersOf(db: Db, actor: Actor | undefined, groupIds: number[]) {
  const byGroup = new Map<number, Row[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await applyScope(
    db
      .selectFrom('children')
      .select(['id', 'siblingGroupId', 'givenNames', 'surname', 'birthDate', 'status'])
      .where('siblingGroupId', 'in', groupIds)
      .orderBy('birthDate')
      .orderBy('id'),
    childScope(actor),
  ).execute();
  for (const { siblingGroupId, ...child } of rows) {
    const shown = actor ? presentFields('children', actor.role, child) : child;
    byGroup.get(siblingGroupId!)?.push(shown);
  }
  return byGroup;
}

/** Groups as answered: each with its visible members. */
export async function withMembers(db: Db, actor: Actor | undefined, groups: Row[]) {
  const members = await membersOf(
    db,
    actor,
    groups.map((g) => g.id as number),
  );
  return groups.map((g) => ({ ...g, children: members.get(g.id) ?? [] }));
}

/**
 * Replaces the group's members with `childIds` (locked first, so two groups cannot take the same
 * child at once). Every child must exist and be visible (400 naming the entry); a child in
 * another group answers 409 naming it. Answers the old and new member ids.
 */
export async function replaceMembers(
  db: Db,
  actor: Actor | undefined,
  groupId: number,
  childIds: number[],
): Promise<{ old: number[]; new: number[] }> {
  const scope = childScope(actor);
  const wanted = [...new Set(childIds)].sort((a, b) => a - b);
  const found = wanted.length
    ? await applyScope(
        db
          .selectFrom('children')
          .select(['id', 'siblingGroupId'])
          .where('id', 'in', wanted)
          .orderBy('id')
          .forUpdate(),
        scope,
      ).execute()
    : [];
  const foundIds = new Set(found.map((c) => c.id));
  const errors: FieldError[] = childIds.flatMap((id, i) =>
    foundIds.has(id)
      ? []
      : [{ path: `body.childIds.${i}`, code: 'invalid_reference', message: `no child ${id}` }],
  );
  if (errors.length) throw Problem.validation(errors);
  const taken = found.filter((c) => c.siblingGroupId !== null && c.siblingGroupId !== groupId);
  if (taken.length) {
    const [first] = taken;
    throw Problem.conflict(
      `Child ${first!.id} is already in sibling group ${first!.siblingGroupId}; take it out of that group first.`,
      {
        childId: first!.id,
        siblingGroupId: first!.siblingGroupId,
        children: taken.map((c) => ({ childId: c.id, siblingGroupId: c.siblingGroupId })),
      },
    );
  }

  const old = (
    await applyScope(
      db
        .selectFrom('children')
        .select('id')
        .where('siblingGroupId', '=', groupId)
        .orderBy('id')
        .forUpdate(),
      scope,
    ).execute()
  ).map((c) => c.id);
  const leaving = old.filter((id) => !wanted.includes(id));
  const joining = wanted.filter((id) => !old.includes(id));
  if (leaving.length) {
    await db
      .updateTable('children')
      .set({ siblingGroupId: null })
      .where('id', 'in', leaving)
      .execute();
  }
  if (joining.length) {
    await db
      .updateTable('children')
      .set({ siblingGroupId: groupId })
      .where('id', 'in', joining)
      .execute();
  }
  return { old, new: wanted };
}
