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

/**
 * A completed sign-in. (With the second factor, `POST /api/auth/login` may instead answer
 * `{"mfaRequired": true, …}` without a token; clients tell the two apart by `token`.)
 */
export const loginResponse = z
  .object({
    token: z.string().meta({ description: 'Access token (JWT) for `Authorization: Bearer`' }),
    expiresAt: z
      .string()
      .meta({ format: 'date-time', description: 'When the access token expires' }),
    user: userSummary,
  })
  .meta({ id: 'LoginResponse' });

export const meResponse = userSummary
  .extend({
    careProviderId: z.number().int().nullable(),
    orphanCourtId: z.number().int().nullable(),
    permissions: z
      .array(z.string())
      .meta({ description: 'What the role may do, e.g. `territories:read`' }),
  })
  .meta({ id: 'Me' });

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
