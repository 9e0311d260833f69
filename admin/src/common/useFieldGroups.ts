import { usePermissions } from 'react-admin';

import { visibleGroups } from './fieldGroups';

/**
 * Which field groups of `resource` the signed-in user may read (see fieldGroups.ts). While the
 * permissions load, nothing is shown: `can` answers false and `isPending` is true.
 */
export function useFieldGroups<G extends string>(resource: string, groups: readonly G[]) {
  const { permissions, isPending } = usePermissions<string[]>();
  const visible = visibleGroups(Array.isArray(permissions) ? permissions : [], resource, groups);
  return { isPending, visible, can: (group: G) => visible.includes(group) };
}
