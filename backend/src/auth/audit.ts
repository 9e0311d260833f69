import type { Context } from 'koa';
import type { Db } from '../db/database';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent, type AuditEntry } from '../audit/request';

/**
 * Sign-in events in the audit trail (besides the log's security events). Never a password, code,
 * token or secret in them; for an unknown user name not even the name, which may be a password
 * or a personal code typed into the wrong field.
 */

/** The actor fields of an account, for a request in which no one is signed in (yet). */
export const accountActor = (user: { id: number; username: string; role: string }) => ({
  actorUserId: user.id,
  actorUsername: user.username,
  actorRole: user.role,
});

/**
 * Appends an event with the request's id and client address. Given the pool rather than a
 * transaction it commits on its own, so an attempt that is answered 401 still leaves its event.
 */
export async function auditAuth(db: Db, ctx: Context, entry: AuditEntry): Promise<void> {
  await recordAudit(db, requestAuditEvent(ctx, entry));
}

/** The failure that reached the lockout threshold: logged and audited once, when it happens. */
export async function accountLocked(
  db: Db,
  ctx: Context,
  user: { id: number; username: string; role: string },
  failedLogins: number,
): Promise<void> {
  ctx.log.warn(
    { event: 'account_locked', userId: user.id, failedLogins },
    'account locked after repeated failed sign-ins',
  );
  await auditAuth(db, ctx, {
    action: 'account_locked',
    resource: 'users',
    recordId: user.id,
    ...accountActor(user),
    detail: { failedLogins },
  });
}
