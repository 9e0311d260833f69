import { z } from 'zod';
import { roles } from '../policies/roles';

export const loginBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1, 'is required').max(64),
    password: z.string().min(1, 'is required').max(1024),
  })
  .strict();

const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
});

/** A completed sign-in (also the answer of refresh and of the second step). */
export const sessionResponse = z
  .object({
    token: z.string().meta({ description: 'Access token (JWT) for `Authorization: Bearer`' }),
    expiresAt: z
      .string()
      .meta({ format: 'date-time', description: 'When the access token expires' }),
    user: userSummary,
  })
  .meta({ id: 'LoginResponse' });

const mfaToken = z
  .string()
  .meta({ description: 'Short-lived (5 min) token for the second step; no session exists yet' });

/**
 * The answer of `POST /api/auth/login`: a completed sign-in, or (for a user with a second factor,
 * or of a role that needs one) the token for the second step. Clients tell them apart by `token`.
 */
export const loginResponse = z
  .union([
    sessionResponse,
    z
      .object({ mfaRequired: z.literal(true), mfaToken })
      .meta({ id: 'MfaRequired', description: 'Send a code to POST /api/auth/mfa/verify' }),
    z.object({ mfaEnrollmentRequired: z.literal(true), mfaToken }).meta({
      id: 'MfaEnrollmentRequired',
      description: 'The role needs a second factor: enrol with POST /api/auth/mfa/enrol',
    }),
  ])
  .meta({ id: 'LoginAnswer' });

const totpCodeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be 6 digits')
  .meta({ description: 'The 6-digit code from the authenticator app' });

/** The second step: a code from the app, or one of the recovery codes (exactly one of the two). */
export const mfaVerifyBody = z
  .object({
    mfaToken: z.string().min(1, 'is required').max(2000),
    code: totpCodeField.optional(),
    recoveryCode: z.string().trim().min(1, 'is required').max(64).optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'give either code or recoveryCode',
    path: ['code'],
  });

export const mfaEnrolBody = z
  .object({ mfaToken: z.string().min(1, 'is required').max(2000) })
  .strict();

export const mfaEnrolResponse = z
  .object({
    secret: z.string().meta({ description: 'The TOTP secret (base32), for manual entry' }),
    uri: z.string().meta({ description: 'The `otpauth://` URI' }),
    qrCode: z.string().meta({ description: 'The URI as a QR code, a PNG data URL' }),
  })
  .meta({ id: 'MfaEnrolment' });

export const mfaConfirmBody = z
  .object({ mfaToken: z.string().min(1, 'is required').max(2000), code: totpCodeField })
  .strict();

export const mfaConfirmResponse = sessionResponse
  .extend({
    recoveryCodes: z
      .array(z.string())
      .meta({ description: 'Ten one-time recovery codes; shown only this once' }),
  })
  .meta({ id: 'MfaConfirmResponse' });

export const meResponse = userSummary
  .extend({
    careProviderId: z.number().int().nullable(),
    orphanCourtId: z.number().int().nullable(),
    permissions: z
      .array(z.string())
      .meta({ description: 'What the role may do, e.g. `territories:read`' }),
    mfaEnabled: z.boolean().meta({ description: 'Whether the user has a second factor set up' }),
  })
  .meta({ id: 'Me' });

export const renewRecoveryCodesBody = z.object({ code: totpCodeField }).strict();

export const recoveryCodesResponse = z
  .object({
    recoveryCodes: z.array(z.string()).meta({
      description: 'Ten new one-time recovery codes (the old ones no longer work); shown once',
    }),
  })
  .meta({ id: 'RecoveryCodes' });

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(1024),
    // Longer than the policy's maximum, so the policy (not the schema) names the reason.
    newPassword: z.string().min(1, 'is required').max(4096),
  })
  .strict();

export const logoutAllResponse = z
  .object({ revoked: z.number().int().meta({ description: 'How many sessions were ended' }) })
  .meta({ id: 'LogoutAllResponse' });
