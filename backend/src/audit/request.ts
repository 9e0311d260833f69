import type { Context } from 'koa';
import type { AuditEvent } from './chain';

/**
 * What a route tells the trail; the request supplies the rest. The actor fields may be given
 * explicitly where no one is signed in yet (sign-in, a failed sign-in).
 */
export type AuditEntry = Omit<AuditEvent, 'requestId' | 'clientIp'>;

/** The entry completed with the signed-in actor, session, request id and client address. */
export function requestAuditEvent(ctx: Context, entry: AuditEntry): AuditEvent {
  const actor = ctx.state.actor as
    { userId: number; username: string; role: string; sessionId?: string | null } | undefined;
  return {
    actorUserId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: actor?.role ?? null,
    sessionId: actor?.sessionId ?? null,
    requestId: ctx.state.requestId ?? null,
    clientIp: ctx.ip || null,
    ...entry,
  };
}
