/**
 * Pure access rule of the console. Permissions come from `GET /api/auth/me` and look like
 * `"territories:read"`, `"territories:write"`; `"*"` grants everything.
 *
 * react-admin asks with its own action names; they are mapped to the API's two verbs:
 * list / show / export → `:read`, create / edit / delete → `:write`.
 * Unknown actions are denied. The API is the real guard: the console only hides what the user
 * cannot do.
 */
const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'clone', 'write']);

export const permissionVerb = (action: string): 'read' | 'write' | undefined => {
  if (READ_ACTIONS.has(action)) return 'read';
  if (WRITE_ACTIONS.has(action)) return 'write';
  return undefined;
};

export function canAccess(
  permissions: readonly string[],
  resource: string,
  action: string,
): boolean {
  if (permissions.includes('*')) return true;
  const verb = permissionVerb(action);
  if (!verb || !resource) return false;
  return permissions.includes(`${resource}:${verb}`);
}

/**
 * The field groups of `resource` the permissions let the user read (`children.health:read` …),
 * in the given order: the groups are the shared model's (`childGroups`, `adopterGroups`); which a
 * user reads depends on the caller, so it comes from `GET /api/auth/me`.
 */
export function readableGroups<G extends string>(
  permissions: readonly string[] | undefined,
  resource: string,
  groups: readonly G[],
): G[] {
  if (!permissions) return [];
  return groups.filter((group) => canAccess(permissions, `${resource}.${group}`, 'read'));
}
