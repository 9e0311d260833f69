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
  'logout_all',
  'account_locked',
  'mfa_failed',
  'mfa_enrolled',
  'recovery_code_used',
  'mfa_recovery_codes_renewed',
  'session_reuse_detected',
  'password_changed',
  'set_password',
  'request_reset_link',
  'send_reset_link',
  'unlock',
  'revoke_sessions',
  'reset_mfa',
  'retry',
  'status_change',
  'attach',
  'detach',
] as const;

export const auditActionChoices = auditActions.map((id) => ({
  id,
  name: `app.audit.actions.${id}`,
}));

/** Resources that write to the trail. */
export const auditResources = [
  'children',
  'adopters',
  'territories',
  'orphan-courts',
  'care-providers',
  'countries',
  'users',
  'sessions',
  'audit-events',
  'outgoing-mail',
  'sibling-groups',
  'change-requests',
] as const;

export const auditResourceChoices = auditResources.map((id) => ({
  id,
  name: `app.audit.resources.${id}`,
}));
