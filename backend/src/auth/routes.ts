import type { Context } from 'koa';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/database';
import type { Config } from '../config/config';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { consolePermissions } from '../policies/permissions';
import { findUserById, findUserByUsername, recordLogin } from '../users/repository';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { passwordFieldErrors } from './password-policy';
import type { TokenService } from './tokens';
import {
  changePasswordBody,
  loginBody,
  loginResponse,
  logoutAllResponse,
  meResponse,
  sessionResponse,
} from './schema';
import { mfaRequired } from '../mfa/service';
import { mfaRoutes } from './mfa-routes';
import type { Actor } from './actor';
import {
  createSession,
  liveSession,
  revokeSession,
  revokeUserSessions,
  rotateRefreshToken,
  sessionOfRefreshToken,
} from './sessions';
import { recordFailedLogin, resetFailedLogins, waitMs, type LockoutPolicy } from './lockout';
import { rateLimiter } from './rate-limit';

const WRONG = 'Wrong user name or password.';
const ENDED = 'The session has ended. Sign in again.';

/** The refresh token's cookie: only the browser's calls to /api/auth ever carry it. */
export const REFRESH_COOKIE = 'ar_refresh';
const COOKIE_ATTRIBUTES = 'Path=/api/auth; HttpOnly; Secure; SameSite=Strict';

// Written by hand: koa's cookies refuse `Secure` over plain HTTP, but browsers accept it from
// http://localhost (development, tests) and production is HTTPS. A session cookie (no Max-Age):
// it goes when the browser closes; the session's absolute expiry is enforced by the server.
function setRefreshCookie(ctx: Context, token: string): void {
  ctx.append('Set-Cookie', `${REFRESH_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}`);
}
function clearRefreshCookie(ctx: Context): void {
  ctx.append(
    'Set-Cookie',
    `${REFRESH_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; ${COOKIE_ATTRIBUTES}`,
  );
}

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
  >;
  /** The clock for sessions, lockout and tokens (tests move it instead of sleeping). */
  now: () => Date;
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
      // One primary-key lookup per request, no cache: a revoked session ends at once.
      const s = await liveSession(opts.db, claims.sessionId, now());
      if (!s || s.userId !== claims.userId) throw Problem.unauthorized(ENDED);
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
      return createSession(trx, {
        userId: user.id,
        now: at,
        ttlHours: config.SESSION_TTL_HOURS,
        userAgent: ctx.get('user-agent'),
        clientIp: ctx.ip,
      });
    });
    setRefreshCookie(ctx, session.refreshToken);
    ctx.log.info({ event: 'login', userId: user.id, sessionId: session.sessionId }, 'signed in');
    return answer(user, session.sessionId);
  };

  const failed = (ctx: Context, userId: number | null, reason: string, extra = {}) => {
    ctx.log.warn({ event: 'login_failed', userId, reason, ...extra }, 'sign-in failed');
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
        headers: { 'Set-Cookie': `${REFRESH_COOKIE}=…; ${COOKIE_ATTRIBUTES}` },
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
          throw failed(ctx, null, 'unknown_user');
        }
        if (user.lockedAt) {
          await verifyPassword(body.password, user.passwordHash ?? (await dummyHash()));
          throw failed(ctx, user.id, 'locked');
        }
        const wait = waitMs(policy, user, at);
        if (wait > 0) {
          // Inside the growing delay: the password is not checked (the work is still done).
          await verifyPassword(body.password, await dummyHash());
          throw failed(ctx, user.id, 'delayed', { waitMs: wait });
        }
        const matches = await verifyPassword(
          body.password,
          user.passwordHash ?? (await dummyHash()),
        );
        if (!user.active) throw failed(ctx, user.id, 'inactive');
        if (!matches || !user.passwordHash) {
          const r = await recordFailedLogin(db, user.id, policy, at);
          const err = failed(ctx, user.id, 'wrong_password', { failedLogins: r.failedLogins });
          if (r.lockedNow) {
            ctx.log.warn(
              { event: 'account_locked', userId: user.id, failedLogins: r.failedLogins },
              'account locked after repeated failed sign-ins',
            );
          }
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
        headers: { 'Set-Cookie': `${REFRESH_COOKIE}=…; ${COOKIE_ATTRIBUTES}` },
      },
      handler: async ({ db, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        await limits.refreshIp(ctx, ctx.ip);
        const presented = ctx.cookies.get(REFRESH_COOKIE);
        if (!presented) throw Problem.unauthorized(ENDED);
        const at = now();
        // Committed whatever the outcome: a detected reuse must stay revoked.
        const result = await opts.db
          .transaction()
          .execute((trx) => rotateRefreshToken(trx, presented, at));
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
        if (!sessionId && cookie) sessionId = await sessionOfRefreshToken(db, cookie);
        if (sessionId && (await revokeSession(db, sessionId, 'logout', now()))) {
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
      handler: async ({ db, actor, ctx }) => {
        const revoked = await revokeUserSessions(db, actor!.userId, 'logout_all', { now: now() });
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
      handler: async ({ db, actor, body, ctx }) => {
        await limits.changePassword(ctx, String(actor!.userId));
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
        ctx.log.info(
          { event: 'password_changed', userId: user.id, sessionId: actor!.sessionId, revoked },
          'password changed',
        );
        return undefined;
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
        };
      },
    }),
  ];
  routes.push(
    ...mfaRoutes({
      db: opts.db,
      tokens,
      now,
      policy,
      limit: limits.mfa,
      completeSignIn,
      cookieHeaders: { 'Set-Cookie': `${REFRESH_COOKIE}=…; ${COOKIE_ATTRIBUTES}` },
    }),
  );
  return { routes, authenticate };
}
