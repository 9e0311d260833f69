/** Actions the trail records (open list: the API accepts any lowercase name). */
export const auditActions = [
  'create',
  'update',
  'delete',
  'read',
  'list',
  'export',
  'login',
  'login_failed',
  'logout',
] as const;

export const auditActionChoices = auditActions.map((id) => ({
  id,
  name: `app.audit.actions.${id}`,
}));

/** Resources that write to the trail. */
export const auditResources = [
  'territories',
  'orphan-courts',
  'care-providers',
  'countries',
  'users',
  'audit-events',
] as const;

export const auditResourceChoices = auditResources.map((id) => ({
  id,
  name: `app.audit.resources.${id}`,
}));
