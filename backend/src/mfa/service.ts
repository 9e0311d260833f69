/**
 * mfa/: the second factor of the roles that see children's records — TOTP secrets (encrypted at
 * rest), enrolment with a QR code, recovery codes, reset by an administrator. Its routes are
 * auth/mfa-routes.ts; passwords, sessions and tokens are auth/.
 */
import QRCode from 'qrcode';
import type { Db } from '../db/database';
import type { Role } from '../policies/roles';
import { newTotpSecret, totpUri, verifyTotp } from './totp';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { isLegacyPlain, type SecretBox } from '../db/secret-box';

/** Roles that must sign in with a second factor (they see or change children's records). */
export const MFA_REQUIRED_ROLES: readonly Role[] = [
  'administrator',
  'head_of_department',
  'adoption_specialist',
];

export const mfaRequired = (role: Role): boolean => MFA_REQUIRED_ROLES.includes(role);

/**
 * Starts (or restarts) enrolment: a new pending secret (stored encrypted), its URI and a QR code as
 * a data URL. The plain secret leaves only in this answer, for the user's app.
 */
export async function startEnrolment(
  db: Db,
  box: SecretBox,
  user: { id: number; username: string },
) {
  const secret = newTotpSecret();
  await db
    .updateTable('users')
    .set({ totpPendingSecret: box.seal(secret) })
    .where('id', '=', user.id)
    .execute();
  const uri = totpUri(secret, user.username);
  return {
    secret,
    uri,
    qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }),
  };
}

/**
 * Confirms enrolment with the first code from the app: the pending secret becomes the user's
 * second factor, and a fresh set of recovery codes is returned (shown once). Undefined when the
 * code is wrong or no enrolment is pending.
 */
export async function confirmEnrolment(
  db: Db,
  box: SecretBox,
  userId: number,
  code: string,
  now = new Date(),
) {
  const user = await db
    .selectFrom('users')
    .select(['totpPendingSecret'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const pending = user?.totpPendingSecret ? box.open(user.totpPendingSecret) : undefined;
  const step = pending ? verifyTotp(pending, code, now.getTime()) : undefined;
  if (step === undefined || !pending) return undefined;
  await db
    .updateTable('users')
    .set({
      // Sealed afresh: a pending secret from before encryption is stored encrypted from now on.
      totpSecret: box.seal(pending),
      totpPendingSecret: null,
      totpLastStep: step,
      mfaEnabledAt: now,
    })
    .where('id', '=', userId)
    .execute();
  return replaceRecoveryCodes(db, userId);
}

export async function replaceRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
  await db
    .insertInto('recoveryCodes')
    .values(codes.map((c) => ({ codeHash: hashRecoveryCode(c), userId })))
    .execute();
  return codes;
}

export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Checks the second factor of a sign-in. A TOTP code is accepted once (its time step must be
 * newer than the last one used, checked and recorded in one statement); a recovery code is used up.
 */
export async function verifySecondFactor(
  db: Db,
  box: SecretBox,
  userId: number,
  factor: SecondFactor,
  now = new Date(),
): Promise<boolean> {
  if ('recoveryCode' in factor) {
    const used = await db
      .updateTable('recoveryCodes')
      .set({ usedAt: now })
      .where('codeHash', '=', hashRecoveryCode(factor.recoveryCode))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1;
  }
  const user = await db
    .selectFrom('users')
    .select(['totpSecret'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const stored = user?.totpSecret;
  const secret = stored ? box.open(stored) : undefined;
  const step = secret ? verifyTotp(secret, factor.code, now.getTime()) : undefined;
  if (step === undefined || !stored || !secret) return false;
  const accepted = await db
    .updateTable('users')
    // A secret still in plain form (stored before encryption) is re-written encrypted.
    .set({
      totpLastStep: step,
      ...(isLegacyPlain(stored) ? { totpSecret: box.seal(secret) } : {}),
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(accepted.numUpdatedRows) === 1;
}

/** An administrator's reset when a user lost both the app and the codes: enrol again at next sign-in. */
export async function resetMfa(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, mfaEnabledAt: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
}
