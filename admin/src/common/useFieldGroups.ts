import { usePermissions } from 'react-admin';

import { readableGroups } from '../providers/canAccess';

/**
 * Which field groups of `resource` the signed-in user may read. The API leaves hidden fields out
 * of its answers, and the console hides the same parts (tabs, columns, inputs) instead of showing
 * them empty. While the permissions load, nothing is shown: `can` answers false and `isPending`
 * is true.
 */
export function useFieldGroups<G extends string>(resource: string, groups: readonly G[]) {
  const { permissions, isPending } = usePermissions<string[]>();
  const visible = readableGroups(Array.isArray(permissions) ? permissions : [], resource, groups);
  return { isPending, visible, can: (group: G) => visible.includes(group) };
}
