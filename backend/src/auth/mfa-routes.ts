import type { Context } from 'koa';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { findUserById } from '../users/repository';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '../mfa/service';
import type { TokenService } from './tokens';
import { recordFailedLogin, waitMs, type LockoutPolicy } from './lockout';
import type { Limiter } from './rate-limit';
import {
  mfaConfirmBody,
  mfaConfirmResponse,
  mfaEnrolBody,
  mfaEnrolResponse,
  mfaVerifyBody,
  sessionResponse,
} from './schema';

type User = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
type SignedIn = z.output<typeof sessionResponse>;

/** One answer for every failed second step: a wrong, reused or late code, a locked account. */
const WRONG_CODE = 'Wrong code, or the sign-in is no longer possible.';

export interface MfaRoutesOptions {
  db: Kysely<Database>;
  tokens: TokenService;
  now: () => Date;
  policy: LockoutPolicy;
  /** Per user: the second step's attempts. */
  limit: Limiter;
  /** Opens the session (createAuth's, so that login and the second step end the same way). */
  completeSignIn: (ctx: Context, user: User, password: undefined, at: Date) => Promise<SignedIn>;
  /** How the refresh-token cookie is documented (the login route's header). */
  cookieHeaders: Record<string, string>;
}

/**
 * The second step of a sign-in (TOTP, see docs/security.md): the login route answers a short-lived
 * MFA token instead of a session; these routes take it with a code (or a recovery code), or enrol
 * a user whose role needs a second factor. A session opens only when the second factor passes.
 */
export function mfaRoutes(opts: MfaRoutesOptions): RouteDef[] {
  const { db, tokens, now, policy, limit, completeSignIn, cookieHeaders } = opts;

  /** The user of an MFA token, if the account may still sign in (else the generic 401). */
  const userOf = async (ctx: Context, mfaToken: string, at: Date): Promise<User> => {
    const userId = tokens.verifyMfa(mfaToken);
    await limit(ctx, String(userId));
    const user = await findUserById(db, userId);
    const reason = !user
      ? 'unknown_user'
      : !user.active
        ? 'inactive'
        : user.lockedAt
          ? 'locked'
          : waitMs(policy, user, at) > 0
            ? 'delayed'
            : undefined;
    if (reason || !user) {
      ctx.log.warn({ event: 'mfa_failed', userId, reason }, 'second factor refused');
      throw Problem.unauthorized(WRONG_CODE);
    }
    return user;
  };

  /** A wrong code counts as a failed sign-in: guessing codes locks the account like passwords. */
  const wrongCode = async (ctx: Context, user: User, at: Date, reason: string) => {
    const r = await recordFailedLogin(db, user.id, policy, at);
    ctx.log.warn(
      { event: 'mfa_failed', userId: user.id, reason, failedLogins: r.failedLogins },
      'second factor refused',
    );
    if (r.lockedNow) {
      ctx.log.warn(
        { event: 'account_locked', userId: user.id, failedLogins: r.failedLogins },
        'account locked after repeated failed sign-ins',
      );
    }
    return Problem.unauthorized(WRONG_CODE);
  };

  const enrolled = (user: User) => Boolean(user.mfaEnabledAt && user.totpSecret);

  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/verify',
      summary:
        'Second step of a sign-in: the MFA token with a code from the authenticator app (each code works once) or an unused recovery code',
      tags: ['Auth'],
      access: 'public',
      body: mfaVerifyBody,
      // Failures must be recorded even though the answer is an error: no request transaction.
      transaction: false,
      response: {
        description: 'Signed in, as from POST /api/auth/login',
        schema: sessionResponse,
        headers: cookieHeaders,
      },
      handler: async ({ body, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        const at = now();
        const user = await userOf(ctx, body.mfaToken, at);
        if (!enrolled(user)) throw await wrongCode(ctx, user, at, 'not_enrolled');
        const factor =
          body.recoveryCode !== undefined
            ? { recoveryCode: body.recoveryCode }
            : { code: body.code ?? '' };
        if (!(await verifySecondFactor(db, user.id, factor, at))) {
          throw await wrongCode(
            ctx,
            user,
            at,
            'recoveryCode' in factor ? 'wrong_recovery_code' : 'wrong_code',
          );
        }
        if ('recoveryCode' in factor) {
          ctx.log.info({ event: 'recovery_code_used', userId: user.id }, 'recovery code used');
        }
        return completeSignIn(ctx, user, undefined, at);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/enrol',
      summary:
        'Start setting up the second factor (users without one whose role needs it): a new secret, its otpauth URI and QR code',
      tags: ['Auth'],
      access: 'public',
      body: mfaEnrolBody,
      transaction: false,
      response: {
        description: 'The secret to add to an authenticator app',
        schema: mfaEnrolResponse,
      },
      handler: async ({ body, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        const user = await userOf(ctx, body.mfaToken, now());
        if (enrolled(user)) throw Problem.conflict('The second factor is already set up.');
        ctx.log.info({ event: 'mfa_enrolment_started', userId: user.id }, 'enrolment started');
        return startEnrolment(db, user);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/enrol/confirm',
      summary:
        'Finish setting up the second factor with the first code from the app: signs in and returns ten recovery codes (shown once)',
      tags: ['Auth'],
      access: 'public',
      body: mfaConfirmBody,
      transaction: false,
      response: {
        description: 'Signed in, with the recovery codes',
        schema: mfaConfirmResponse,
        headers: cookieHeaders,
      },
      handler: async ({ body, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        const at = now();
        const user = await userOf(ctx, body.mfaToken, at);
        if (enrolled(user)) throw Problem.conflict('The second factor is already set up.');
        const recoveryCodes = await confirmEnrolment(db, user.id, body.code, at);
        if (!recoveryCodes) throw await wrongCode(ctx, user, at, 'wrong_enrolment_code');
        ctx.log.info({ event: 'mfa_enrolled', userId: user.id }, 'second factor set up');
        return { ...(await completeSignIn(ctx, user, undefined, at)), recoveryCodes };
      },
    }),
  ];
}
