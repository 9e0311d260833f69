import { z } from 'zod';
import { equals, type ListSpec } from '../http/list';
import { roles } from '../policies/roles';
import { email, recordMeta, reference, text } from '../classifiers/common';

const scope = {
  careProviderId: reference
    .nullable()
    .default(null)
    .meta({ description: 'Required for role care_institution' }),
  orphanCourtId: reference
    .nullable()
    .default(null)
    .meta({ description: 'Required for role orphan_court' }),
};

const editable = {
  displayName: text(200),
  email: email.pipe(
    z.string({ error: 'is required: the user receives the link to set a password by e-mail' }),
  ),
  role: z.enum(roles),
  ...scope,
  preferredLanguage: z.enum(['lv', 'en']).default('lv'),
};

/** A care-institution or orphan-court user needs its scope; other roles must not have one. */
function scopeMatchesRole(
  u: { role: string; careProviderId: number | null; orphanCourtId: number | null },
  ctx: z.RefinementCtx,
) {
  if (u.role === 'care_institution' && u.careProviderId === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['careProviderId'],
      message: 'is required for a care-institution user',
    });
  }
  if (u.role === 'orphan_court' && u.orphanCourtId === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['orphanCourtId'],
      message: 'is required for an orphan-court user',
    });
  }
  if (u.role !== 'care_institution' && u.careProviderId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['careProviderId'],
      message: 'is only for care-institution users',
    });
  }
  if (u.role !== 'orphan_court' && u.orphanCourtId !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['orphanCourtId'],
      message: 'is only for orphan-court users',
    });
  }
}

export const userCreate = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9._-]{3,64}$/, 'must be 3–64 characters of a-z, 0-9, ".", "_" or "-"'),
    ...editable,
  })
  .strict()
  .superRefine(scopeMatchesRole);

export const userUpdate = z
  .object({
    ...editable,
    active: z.boolean(),
    version: z.number().int().positive(),
    // Echoed back by the console; username cannot change (the audit trail and sign-in rely on it).
    username: z.string().optional(),
    id: z.unknown().optional(),
    createdAt: z.unknown().optional(),
    updatedAt: z.unknown().optional(),
    lastLoginAt: z.unknown().optional(),
    lockedAt: z.unknown().optional(),
    mfaEnabled: z.unknown().optional(),
  })
  .strict()
  .superRefine(scopeMatchesRole);

export const userRecord = z
  .object({
    ...recordMeta,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: z.enum(roles),
    careProviderId: z.number().int().nullable(),
    orphanCourtId: z.number().int().nullable(),
    preferredLanguage: z.enum(['lv', 'en']),
    active: z.boolean(),
    lastLoginAt: z.string().nullable().meta({ format: 'date-time' }),
    mfaEnabled: z.boolean().meta({ description: 'Whether the user has a second factor set up' }),
  })
  .meta({ id: 'User' });

/**
 * The columns a user record is made of (presentUser turns them into the record): never the
 * password hash, the TOTP secret or other secrets; `mfaEnabledAt` only to say yes or no.
 */
export const userColumns = [
  ...Object.keys(userRecord.shape).filter((c) => c !== 'mfaEnabled'),
  'mfaEnabledAt',
];

export const userList: ListSpec = {
  sort: {
    id: 'id',
    displayName: 'displayNameSort',
    username: 'username',
    role: 'role',
    lastLoginAt: 'lastLoginAt',
    updatedAt: 'updatedAt',
  },
  defaultSort: ['displayName', 'ASC'],
  filters: {
    role: equals('role', z.enum(roles)),
    active: equals('active', z.boolean()),
    careProviderId: equals('careProviderId', reference),
    orphanCourtId: equals('orphanCourtId', reference),
  },
  searchColumn: 'searchText',
};

export const setPasswordBody = z
  .object({
    token: z.string().min(20).max(200),
    password: z.string().min(1, 'is required').max(1024),
  })
  .strict();

export const linkCheckBody = z.object({ token: z.string().min(20).max(200) }).strict();

export const passwordResetBody = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(254) })
  .strict();
