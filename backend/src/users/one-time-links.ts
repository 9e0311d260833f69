import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

export type LinkPurpose = 'set_password' | 'reset_password';

/** Links to set or reset a password are valid this long and work once. */
export const LINK_TTL_MS = 24 * 60 * 60 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates a single-use token for the user; returns the token itself, which only the e-mail ever
 * carries — the database keeps its SHA-256. Earlier unused links of the user stop working.
 */
export async function issueLink(
  db: Db,
  userId: number,
  purpose: LinkPurpose,
  now = new Date(),
): Promise<string> {
  await db
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('oneTimeTokens')
    .values({
      tokenHash: sha256(token),
      userId,
      purpose,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    })
    .execute();
  return token;
}

/** The link's user and purpose when the token is valid right now, without using it up. */
export async function peekLink(db: Db, token: string, now = new Date()) {
  return db
    .selectFrom('oneTimeTokens')
    .select(['userId', 'purpose'])
    .where('tokenHash', '=', sha256(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/**
 * Uses up a token: answers its user and purpose when it exists, is unused and unexpired, and marks
 * it used in the same statement (so two concurrent uses cannot both succeed); undefined otherwise.
 */
export async function consumeLink(db: Db, token: string, now = new Date()) {
  return db
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', sha256(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning(['userId', 'purpose'])
    .executeTakeFirst();
}

/** The console route that receives the token (in the URL fragment, so it never reaches a server log). */
export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/#/set-password?token=${encodeURIComponent(token)}`;
}
