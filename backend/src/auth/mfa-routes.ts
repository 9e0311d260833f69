import type { Context } from 'koa';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { findUserById } from '../users/repository';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent } from '../audit/request';
import {
  confirmEnrolment,
  replaceRecoveryCodes,
  startEnrolment,
  verifySecondFactor,
} from '../mfa/service';
import type { SecretBox } from '../db/secret-box';
import type { TokenService } from './tokens';
import { recordFailedLogin, waitMs, type LockoutPolicy } from './lockout';
import type { Limiter } from './rate-limit';
import { accountActor, accountLocked, auditAuth } from './audit';
import { cookieHeaders } from './cookie';
import {
  mfaConfirmBody,
  mfaConfirmResponse,
  mfaEnrolBody,
  mfaEnrolResponse,
  mfaVerifyBody,
  recoveryCodesResponse,
  renewRecoveryCodesBody,
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
  /** Seals and opens the stored TOTP secrets (DATA_ENCRYPTION_KEY). */
  secrets: SecretBox;
  /** Opens the session (createAuth's, so that login and the second step end the same way). */
  completeSignIn: (ctx: Context, user: User, password: undefined, at: Date) => Promise<SignedIn>;
}

/**
 * The second step of a sign-in (TOTP, see docs/security.md): the login route answers a short-lived
 * MFA token instead of a session; these routes take it with a code (or a recovery code), or enrol
 * a user whose role needs a second factor. A session opens only when the second factor passes.
 */
export function mfaRoutes(opts: MfaRoutesOptions): RouteDef[] {
  const { db, tokens, now, policy, limit, secrets, completeSignIn } = opts;

  /** Logs and audits a refused second step; the event commits although the answer is an error. */
  const refused = async (
    ctx: Context,
    user: User | undefined,
    userId: number,
    reason: string,
    extra: Record<string, unknown> = {},
  ) => {
    ctx.log.warn({ event: 'mfa_failed', userId, reason, ...extra }, 'second factor refused');
    await auditAuth(db, ctx, {
      action: 'mfa_failed',
      resource: 'sessions',
      // The id comes from the signed MFA token, not from anything typed.
      ...(user ? accountActor(user) : { actorUserId: userId }),
      detail: { reason, ...extra },
    });
  };

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
      await refused(ctx, user, userId, reason ?? 'unknown_user');
      throw Problem.unauthorized(WRONG_CODE);
    }
    return user;
  };

  /** A wrong code counts as a failed sign-in: guessing codes locks the account like passwords. */
  const countWrongCode = async (
    ctx: Context,
    user: User,
    at: Date,
    reason: string,
    extra: Record<string, unknown> = {},
  ) => {
    const r = await recordFailedLogin(db, user.id, policy, at);
    await refused(ctx, user, user.id, reason, { ...extra, failedLogins: r.failedLogins });
    if (r.lockedNow) await accountLocked(db, ctx, user, r.failedLogins);
  };
  const wrongCode = async (ctx: Context, user: User, at: Date, reason: string) => {
    await countWrongCode(ctx, user, at, reason);
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
        if (!(await verifySecondFactor(db, secrets, user.id, factor, at))) {
          throw await wrongCode(
            ctx,
            user,
            at,
            'recoveryCode' in factor ? 'wrong_recovery_code' : 'wrong_code',
          );
        }
        if ('recoveryCode' in factor) {
          ctx.log.info({ event: 'recovery_code_used', userId: user.id }, 'recovery code used');
          await auditAuth(db, ctx, {
            action: 'recovery_code_used',
            resource: 'users',
            recordId: user.id,
            ...accountActor(user),
          });
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
        return startEnrolment(db, secrets, user);
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
        // The factor, its recovery codes and the event commit together.
        const recoveryCodes = await db.transaction().execute(async (trx) => {
          const codes = await confirmEnrolment(trx, secrets, user.id, body.code, at);
          if (codes) {
            await recordAudit(
              trx,
              requestAuditEvent(ctx, {
                action: 'mfa_enrolled',
                resource: 'users',
                recordId: user.id,
                ...accountActor(user),
              }),
            );
          }
          return codes;
        });
        if (!recoveryCodes) throw await wrongCode(ctx, user, at, 'wrong_enrolment_code');
        ctx.log.info({ event: 'mfa_enrolled', userId: user.id }, 'second factor set up');
        return { ...(await completeSignIn(ctx, user, undefined, at)), recoveryCodes };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/recovery-codes',
      summary:
        'New recovery codes for the signed-in user, who confirms with a current code from the app; the old codes stop working',
      tags: ['Auth'],
      access: 'signed-in',
      body: renewRecoveryCodesBody,
      // A wrong code is counted and audited although the answer is an error.
      transaction: false,
      response: {
        description: 'The new recovery codes, shown once',
        schema: recoveryCodesResponse,
      },
      handler: async ({ body, actor, ctx }) => {
        ctx.set('Cache-Control', 'no-store');
        await limit(ctx, String(actor!.userId));
        const at = now();
        const user = await findUserById(db, actor!.userId);
        if (!user) throw Problem.unauthorized();
        if (!enrolled(user)) throw Problem.conflict('No second factor is set up.');
        // 400, not 401: the session is fine, and a 401 would sign the console out.
        const wrong = () =>
          Problem.field('body.code', 'wrong_code', 'is not correct or was already used');
        const extra = { purpose: 'renew_recovery_codes' };
        // Locked or inside the growing delay: refused without checking the code, like sign-in.
        if (user.lockedAt || waitMs(policy, user, at) > 0) {
          await refused(ctx, user, user.id, user.lockedAt ? 'locked' : 'delayed', extra);
          throw wrong();
        }
        if (!(await verifySecondFactor(db, secrets, user.id, { code: body.code }, at))) {
          await countWrongCode(ctx, user, at, 'wrong_code', extra);
          throw wrong();
        }
        const recoveryCodes = await db.transaction().execute(async (trx) => {
          const codes = await replaceRecoveryCodes(trx, user.id);
          await recordAudit(
            trx,
            requestAuditEvent(ctx, {
              action: 'mfa_recovery_codes_renewed',
              resource: 'users',
              recordId: user.id,
            }),
          );
          return codes;
        });
        ctx.log.info({ event: 'mfa_recovery_codes_renewed', userId: user.id }, 'codes renewed');
        return { recoveryCodes };
      },
    }),
  ];
}
