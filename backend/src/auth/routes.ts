/**
 * auth/: signing in — passwords (scrypt) and their policy, growing delays, lockout and rate limits,
 * JWT access tokens, sessions and refresh cookies, the second factor's routes, /api/auth/me. TOTP
 * and recovery codes themselves are mfa/, user accounts users/, what a signed-in role may do
 * policies/.
 */
import type { Context } from 'koa';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database';
import type { Config } from '../config/config';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { consolePermissions } from '../policies/permissions';
import { findUserById, findUserByUsername, recordLogin } from '../users/repository';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent } from '../audit/request';
import { mfaRequired } from '../mfa/service';
import { encryptionKeyMaterial, secretBox } from '../db/secret-box';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { TokenService } from './tokens';
import { loginBody, loginResponse, meResponse } from './schema';
import { mfaRoutes } from './mfa-routes';
import { sessionRoutes } from './session-routes';
import type { Actor } from './actor';
import { createSession, isLiveSession, sessionRow, type SessionRow } from './sessions';
import type { SessionCache } from './session-cache';
import { recordFailedLogin, resetFailedLogins, waitMs, type LockoutPolicy } from './lockout';
import { rateLimiter } from './rate-limit';
import { accountActor, accountLocked, auditAuth } from './audit';
import { cookieHeaders, setRefreshCookie } from './cookie';

const WRONG = 'Wrong user name or password.';
const ENDED = 'The session has ended. Sign in again.';

type User = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export interface AuthOptions {
  db: Kysely<Database>;
  tokens: TokenService;
  config: Pick<
    Config,
    | 'SESSION_TTL_HOURS'
    | 'LOGIN_FREE_ATTEMPTS'
    | 'LOGIN_DELAY_BASE_SECONDS'
    | 'LOCKOUT_THRESHOLD'
    | 'RATE_LIMIT_LOGIN_IP'
    | 'RATE_LIMIT_LOGIN_USER'
    | 'RATE_LIMIT_REFRESH_IP'
    | 'RATE_LIMIT_CHANGE_PASSWORD'
    | 'RATE_LIMIT_MFA'
    | 'APP_ENV'
    | 'DATA_ENCRYPTION_KEY'
  >;
  /** The clock for sessions, lockout and tokens (tests move it instead of sleeping). */
  now: () => Date;
  /** The process's cache of live sessions, emptied by revocations through LISTEN/NOTIFY. */
  sessions?: SessionCache;
}

/** Sign-in, sessions and the bearer authenticator, sharing one clock, token service and limits. */
export function createAuth(opts: AuthOptions): {
  routes: RouteDef[];
  authenticate: (ctx: Context) => Promise<Actor>;
} {
  const { tokens, config, now } = opts;
  const policy: LockoutPolicy = {
    freeAttempts: config.LOGIN_FREE_ATTEMPTS,
    baseDelaySeconds: config.LOGIN_DELAY_BASE_SECONDS,
    threshold: config.LOCKOUT_THRESHOLD,
  };
  const limits = {
    loginIp: rateLimiter('login-ip', config.RATE_LIMIT_LOGIN_IP),
    loginUser: rateLimiter('login-user', config.RATE_LIMIT_LOGIN_USER),
    refreshIp: rateLimiter('refresh-ip', config.RATE_LIMIT_REFRESH_IP),
    changePassword: rateLimiter('change-password', config.RATE_LIMIT_CHANGE_PASSWORD),
    mfa: rateLimiter('mfa', config.RATE_LIMIT_MFA),
  };

  const authenticate = async (ctx: Context): Promise<Actor> => {
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
    if (!match) {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw Problem.unauthorized();
    }
    try {
      const claims = tokens.verify(match[1]!);
      // One primary-key lookup per request, or the process's cache of live sessions, which every
      // revocation empties through NOTIFY (auth/session-cache.ts).
      const at = now();
      const load = () => sessionRow(opts.db, claims.sessionId);
      const live = (row: SessionRow) => isLiveSession(row, at);
      const s = await (opts.sessions ? opts.sessions.get(claims.sessionId, load, live) : load());
      if (!s || !live(s) || s.userId !== claims.userId) throw Problem.unauthorized(ENDED);
      return {
        userId: s.userId,
        username: s.username,
        role: s.role,
        careProviderId: s.careProviderId,
        orphanCourtId: s.orphanCourtId,
        sessionId: s.id,
      };
    } catch (err) {
      ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw err;
    }
  };

  /** Access token + user summary for a session (the body of login and refresh). */
  const answer = (user: User, sessionId: string) => ({
    ...tokens.issue({
      userId: user.id,
      sessionId,
      username: user.username,
      role: user.role,
    }),
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
  });

  /**
   * The password and, where needed, the second factor have been proven: open a session. The
   * password is given only when it was checked in this request (then an outdated hash is renewed).
   */
  const completeSignIn = async (
    ctx: Context,
    user: User,
    password: string | undefined,
    at: Date,
  ) => {
    const newHash =
      password !== undefined && user.passwordHash && needsRehash(user.passwordHash)
        ? await hashPassword(password)
        : undefined;
    const session = await opts.db.transaction().execute(async (trx) => {
      await resetFailedLogins(trx, user.id);
      await recordLogin(trx, user.id, newHash);
      const created = await createSession(trx, {
        userId: user.id,
        now: at,
        ttlHours: config.SESSION_TTL_HOURS,
        userAgent: ctx.get('user-agent'),
        clientIp: ctx.ip,
      });
      const { sessionId } = created;
      await recordAudit(
        trx,
        requestAuditEvent(ctx, {
          action: 'login',
          resource: 'sessions',
          recordId: sessionId,
          sessionId,
          ...accountActor(user),
        }),
      );
      return created;
    });
    setRefreshCookie(ctx, session.refreshToken);
    ctx.log.info({ event: 'login', userId: user.id, sessionId: session.sessionId }, 'signed in');
    return answer(user, session.sessionId);
  };

  /**
   * Logs and audits a refused sign-in (every path writes exactly one event, so they take the same
   * time). The event commits on its own: the route has no transaction to roll back.
   */
  const failed = async (ctx: Context, user: User | undefined, reason: string, extra = {}) => {
    ctx.log.warn(
      { event: 'login_failed', userId: user?.id ?? null, reason, ...extra },
      'sign-in failed',
    );
    await auditAuth(opts.db, ctx, {
      action: 'login_failed',
      resource: 'sessions',
      // No account, no name: what was typed may be a password or a personal code.
      ...(user ? accountActor(user) : {}),
      detail: { reason, ...extra },
    });
    return Problem.unauthorized(WRONG);
  };

  const routes: RouteDef[] = [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary:
        'Sign in with user name and password; returns a short-lived access token and sets the refresh-token cookie, or (second factor) a token for POST /api/auth/mfa/verify or /enrol',
      tags: ['Auth'],
      access: 'public',
      body: loginBody,
      // Failures must be recorded even though the answer is an error: no request transaction.
      transaction: false,
      response: {
        description:
          'Access token for the Authorization: Bearer header, or the token of the second step (no cookie then)',
        schema: loginResponse,
        headers: cookieHeaders,
      },
      handler: async ({ db, body, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        await limits.loginIp(ctx, ctx.ip);
        await limits.loginUser(ctx, body.username);
        const at = now();
        const user = await findUserByUsername(db, body.username);
        // Every path below runs exactly one scrypt and ends in the same 401, so neither the
        // answer nor its timing tells an unknown user from a wrong password or a locked account.
        if (!user) {
          await verifyPassword(body.password, await dummyHash());
          throw await failed(ctx, undefined, 'unknown_user');
        }
        if (user.lockedAt) {
          await verifyPassword(body.password, user.passwordHash ?? (await dummyHash()));
          throw await failed(ctx, user, 'locked');
        }
        const wait = waitMs(policy, user, at);
        if (wait > 0) {
          // Inside the growing delay: the password is not checked (the work is still done).
          await verifyPassword(body.password, await dummyHash());
          throw await failed(ctx, user, 'delayed', { waitMs: wait });
        }
        const matches = await verifyPassword(
          body.password,
          user.passwordHash ?? (await dummyHash()),
        );
        if (!user.active) throw await failed(ctx, user, 'inactive');
        if (!matches || !user.passwordHash) {
          const r = await recordFailedLogin(db, user.id, policy, at);
          const err = await failed(ctx, user, 'wrong_password', { failedLogins: r.failedLogins });
          if (r.lockedNow) await accountLocked(opts.db, ctx, user, r.failedLogins);
          throw err;
        }
        // The password is right; a second factor is still needed for some users. No session yet.
        if (user.mfaEnabledAt && user.totpSecret) {
          ctx.log.info({ event: 'mfa_challenge', userId: user.id }, 'second factor required');
          return { mfaRequired: true as const, mfaToken: tokens.issueMfa(user.id) };
        }
        if (mfaRequired(user.role)) {
          ctx.log.info({ event: 'mfa_enrolment_required', userId: user.id }, 'must enrol');
          return { mfaEnrollmentRequired: true as const, mfaToken: tokens.issueMfa(user.id) };
        }
        return completeSignIn(ctx, user, body.password, at);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      summary: 'The signed-in user and what the role may do',
      tags: ['Auth'],
      access: 'signed-in',
      response: { description: 'The user and permissions', schema: meResponse },
      handler: async ({ db, actor }) => {
        const user = await findUserById(db as Db, actor!.userId);
        if (!user || !user.active) throw Problem.unauthorized('The account is no longer active.');
        return {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          careProviderId: user.careProviderId,
          orphanCourtId: user.orphanCourtId,
          permissions: consolePermissions(user.role),
          mfaEnabled: Boolean(user.mfaEnabledAt && user.totpSecret),
        };
      },
    }),
  ];
  routes.push(
    ...sessionRoutes({
      db: opts.db,
      now,
      limits: { refreshIp: limits.refreshIp, changePassword: limits.changePassword },
      authenticate,
      answer,
    }),
    ...mfaRoutes({
      db: opts.db,
      tokens,
      now,
      policy,
      limit: limits.mfa,
      secrets: secretBox(encryptionKeyMaterial(config)),
      completeSignIn,
    }),
  );
  return { routes, authenticate };
}
