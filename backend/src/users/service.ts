import type { SecretBox } from '../db/secret-box';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../db/database';
import { Problem } from '../http/problem';
import { enqueueMail, wakeOutbox, type MailContext } from '../messaging/outbox';
import { findUserById, insertUser, userDerived } from './repository';
import { issueLink, linkUrl, LINK_TTL_MS, type LinkPurpose } from './one-time-links';
import { userColumns, type userCreate, type userUpdate } from './schema';
import { revokeUserSessions } from '../auth/sessions';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

const shown = userColumns.filter((c) => c !== 'mfaEnabledAt');

/** The public shape of a user (userRecord): nothing secret, and of the second factor only whether. */
export function presentUser(
  u: Record<string, unknown> & { mfaEnabledAt: Date | null },
): Record<string, unknown> & { mfaEnabled: boolean } {
  return {
    ...Object.fromEntries(shown.map((c) => [c, u[c]])),
    mfaEnabled: u.mfaEnabledAt !== null,
  };
}

/** Where set-password links point, and the box their tokens travel sealed in (outbox). */
export interface PasswordLinks {
  publicUrl(): string;
  sealer: SecretBox;
}

/**
 * Queues the e-mail with a one-time link to set (new account) or reset (forgotten) a password,
 * in the caller's transaction. The mail carries the link; the database keeps only its hash.
 */
export async function sendPasswordLink(
  w: MailContext,
  user: UserRow,
  purpose: LinkPurpose,
  links: PasswordLinks,
): Promise<void> {
  if (!user.email)
    throw Problem.field(
      'body.email',
      'required',
      'the user has no e-mail address to send the link to',
    );
  const token = await issueLink(w.db, user.id, purpose);
  await enqueueMail(
    w.db,
    {
      idempotencyKey: `${purpose}:${user.id}:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`,
      recipient: user.email,
      template: purpose === 'set_password' ? 'set-password' : 'reset-password',
      language: user.preferredLanguage,
      data: {
        displayName: user.displayName,
        username: user.username,
        validHours: LINK_TTL_MS / 3_600_000,
      },
    },
    { values: { link: linkUrl(links.publicUrl(), token) }, sealer: links.sealer },
  );
  w.onCommit(wakeOutbox);
}

/** Creates an account without a password and sends the set-password link. */
export async function createUser(
  w: MailContext,
  input: z.output<typeof userCreate>,
  links: PasswordLinks,
) {
  const user = await insertUser(w.db, { ...input, passwordHash: null });
  await sendPasswordLink(w, user, 'set_password', links);
  return presentUser(user);
}

/**
 * Updates an account with optimistic locking. A change of role, scope or activity ends the
 * user's sessions, so new rights apply from the next sign-in.
 */
export async function updateUser(db: Db, id: number, body: z.output<typeof userUpdate>) {
  const current = await findUserById(db, id);
  if (!current) throw Problem.noRecord('users', id);
  if (body.username !== undefined && body.username !== current.username) {
    throw Problem.field('body.username', 'read_only', 'cannot be changed');
  }
  const {
    version,
    username: _u,
    id: _i,
    createdAt: _c,
    updatedAt: _up,
    lastLoginAt: _l,
    lockedAt: _k,
    mfaEnabled: _m,
    ...fields
  } = body;
  const updated = await db
    .updateTable('users')
    .set({
      ...fields,
      ...userDerived({
        displayName: fields.displayName,
        username: current.username,
        email: fields.email,
      }),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    throw Problem.staleVersion(version, current.version, presentUser(current));
  }
  const rightsChanged =
    current.role !== updated.role ||
    current.careProviderId !== updated.careProviderId ||
    current.orphanCourtId !== updated.orphanCourtId ||
    (current.active && !updated.active);
  if (rightsChanged)
    await revokeUserSessions(db, id, updated.active ? 'role_changed' : 'deactivated');
  return presentUser(updated);
}
