import { canAccess } from '../providers/canAccess';

/**
 * Field groups of the person registers, as the API's field rules name them
 * (backend/src/policies/fields.ts). `GET /api/auth/me` lists the groups a role sees as
 * `children.health:read` …; the API leaves hidden fields out of its answers, and the console hides
 * the same parts (tabs, columns, inputs) instead of showing them empty.
 */
export const childGroups = [
  'identity',
  'placement',
  'religion',
  'health',
  'development',
  'birthFamily',
  'adoption',
] as const;
export type ChildGroup = (typeof childGroups)[number];

export const adopterGroups = [
  'identity',
  'contact',
  'recognition',
  'background',
  'wishes',
  'foreign',
  'refusals',
] as const;
export type AdopterGroup = (typeof adopterGroups)[number];

/** The groups of `resource` the permissions let the user read, in the given order. */
export function visibleGroups<G extends string>(
  permissions: readonly string[] | undefined,
  resource: string,
  groups: readonly G[],
): G[] {
  if (!permissions) return [];
  return groups.filter((group) => canAccess(permissions, `${resource}.${group}`, 'read'));
}
