import type { Context } from 'koa';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { findUserById } from '../users/repository';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent } from '../audit/request';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { passwordFieldErrors } from './password-policy';
import { changePasswordBody, logoutAllResponse, sessionResponse } from './schema';
import type { Actor } from './actor';
import {
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  sessionOfRefreshToken,
} from './sessions';
import type { Limiter } from './rate-limit';
import { accountActor } from './audit';
import { clearRefreshCookie, cookieHeaders, REFRESH_COOKIE, setRefreshCookie } from './cookie';

const ENDED = 'The session has ended. Sign in again.';

type User = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export interface SessionRoutesOptions {
  db: Kysely<Database>;
  now: () => Date;
  limits: { refreshIp: Limiter; changePassword: Limiter };
  authenticate: (ctx: Context) => Promise<Actor>;
  /** The body of a sign-in answer for a session (createAuth's). */
  answer: (user: User, sessionId: string) => unknown;
}

/**
 * A session once open: refresh (rotating the cookie), sign-out, sign-out everywhere, password
 * change. Sign-out, sign-out everywhere, a password change and a detected refresh-token reuse are
 * audited; a plain refresh is not (one every few minutes per user would drown the trail).
 */
export function sessionRoutes(opts: SessionRoutesOptions): RouteDef[] {
  const { db: pool, now, authenticate, answer } = opts;

  /** Ends one session and audits it in one transaction; false when it was not live. */
  const endSession = (ctx: Context, sessionId: string, userId: number | undefined) =>
    pool.transaction().execute(async (trx) => {
      if (!(await revokeSession(trx, sessionId, 'logout', now()))) return false;
      const user = userId === undefined ? undefined : await findUserById(trx, userId);
      await recordAudit(
        trx,
        requestAuditEvent(ctx, {
          action: 'logout',
          resource: 'sessions',
          recordId: sessionId,
          sessionId,
          ...(user ? accountActor(user) : {}),
        }),
      );
      return true;
    });

  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/refresh',
      summary:
        'New access token for the refresh-token cookie; the cookie rotates on every use, and a reused one ends the session',
      tags: ['Auth'],
      access: 'public',
      transaction: false,
      response: {
        description: 'A new access token, as from sign-in; the cookie is replaced',
        schema: sessionResponse,
        headers: cookieHeaders,
      },
      handler: async ({ db, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        await opts.limits.refreshIp(ctx, ctx.ip);
        const presented = ctx.cookies.get(REFRESH_COOKIE);
        if (!presented) throw Problem.unauthorized(ENDED);
        const at = now();
        // Committed whatever the outcome: a detected reuse must stay revoked, and audited. A plain
        // refresh is not audited (one every few minutes per user would drown the trail).
        const result = await pool.transaction().execute(async (trx) => {
          const r = await rotateRefreshToken(trx, presented, at);
          if (r.kind === 'reuse') {
            // The actor is the account whose session it was; who presented the token is unknown.
            const owner = await findUserById(trx, r.userId);
            await recordAudit(
              trx,
              requestAuditEvent(ctx, {
                action: 'session_reuse_detected',
                resource: 'sessions',
                recordId: r.sessionId,
                sessionId: r.sessionId,
                ...(owner ? accountActor(owner) : { actorUserId: r.userId }),
              }),
            );
          }
          return r;
        });
        if (result.kind === 'reuse') {
          ctx.log.warn(
            { event: 'refresh_token_reuse', userId: result.userId, sessionId: result.sessionId },
            'a used refresh token was presented again; the session is revoked',
          );
        }
        const user = result.kind === 'rotated' ? await findUserById(db, result.userId) : undefined;
        if (result.kind !== 'rotated' || !user) {
          clearRefreshCookie(ctx);
          throw Problem.unauthorized(ENDED);
        }
        setRefreshCookie(ctx, result.refreshToken);
        return answer(user, result.sessionId);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary:
        'Sign out: ends the session of the bearer token, or else of the refresh-token cookie, and clears the cookie',
      tags: ['Auth'],
      // Public so that a client whose access token has expired can still end its session.
      access: 'public',
      // authenticate() reads through the pool; on PGlite (one connection) a request transaction
      // would wait for itself.
      transaction: false,
      response: { status: 204, description: 'Signed out (also when there was nothing to end)' },
      handler: async ({ db, ctx }) => {
        let sessionId: string | undefined;
        let userId: number | undefined;
        if (ctx.get('authorization')) {
          try {
            const actor = await authenticate(ctx);
            ({ sessionId, userId } = actor);
          } catch {
            ctx.remove('WWW-Authenticate');
          }
        }
        const cookie = ctx.cookies.get(REFRESH_COOKIE);
        if (!sessionId && cookie)
          ({ sessionId, userId } = (await sessionOfRefreshToken(db, cookie)) ?? {});
        if (sessionId && (await endSession(ctx, sessionId, userId))) {
          ctx.log.info({ event: 'logout', userId, sessionId }, 'signed out');
        }
        clearRefreshCookie(ctx);
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout-all',
      summary: 'Sign out of every session of the signed-in user, this one included',
      tags: ['Auth'],
      access: 'signed-in',
      response: { description: 'How many sessions were ended', schema: logoutAllResponse },
      handler: async ({ db, actor, ctx, audit }) => {
        const revoked = await revokeUserSessions(db, actor!.userId, 'logout_all', { now: now() });
        await audit({
          action: 'logout_all',
          resource: 'sessions',
          recordId: actor!.sessionId,
          detail: { revoked },
        });
        ctx.log.info(
          { event: 'logout_all', userId: actor!.userId, sessionId: actor!.sessionId, revoked },
          'signed out of all sessions',
        );
        clearRefreshCookie(ctx);
        return { revoked };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/change-password',
      summary:
        'Change the own password (current one required; policy applies); ends every other session',
      tags: ['Auth'],
      access: 'signed-in',
      body: changePasswordBody,
      response: { status: 204, description: 'Changed; other sessions are signed out' },
      handler: async ({ db, actor, body, ctx, audit }) => {
        await opts.limits.changePassword(ctx, String(actor!.userId));
        const user = await findUserById(db, actor!.userId);
        if (!user) throw Problem.unauthorized(ENDED);
        const current = await verifyPassword(
          body.currentPassword,
          user.passwordHash ?? (await dummyHash()),
        );
        if (!current || !user.passwordHash) {
          ctx.log.warn(
            { event: 'password_change_failed', userId: user.id, reason: 'wrong_current_password' },
            'password change refused',
          );
          throw Problem.field('body.currentPassword', 'wrong_password', 'is not correct');
        }
        const errors = passwordFieldErrors(body.newPassword, { username: user.username });
        if (errors.length) throw Problem.validation(errors);
        const at = now();
        await db
          .updateTable('users')
          .set({
            passwordHash: await hashPassword(body.newPassword),
            passwordChangedAt: at,
            failedLogins: 0,
            lastFailedLoginAt: null,
          })
          .where('id', '=', user.id)
          .execute();
        const revoked = await revokeUserSessions(db, user.id, 'password_changed', {
          exceptSessionId: actor!.sessionId,
          now: at,
        });
        // That it changed, masked: never the password.
        await audit({
          action: 'password_changed',
          resource: 'users',
          recordId: user.id,
          changes: { password: { old: '***', new: '***' } },
          detail: { revokedSessions: revoked },
        });
        ctx.log.info(
          { event: 'password_changed', userId: user.id, sessionId: actor!.sessionId, revoked },
          'password changed',
        );
        return undefined;
      },
    }),
  ];
}
