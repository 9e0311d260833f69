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

export const loginResponse = z
  .object({
    token: z.string(),
    expiresAt: z.string().meta({ format: 'date-time' }),
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
