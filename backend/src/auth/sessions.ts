import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

/**
 * Sign-in sessions and their refresh tokens. A session is one refresh-token family: each refresh
 * marks the presented token used and issues the next; presenting a used token again means two
 * parties hold the family, so the whole session is revoked. Tokens are 32 random bytes; only
 * their SHA-256 is stored.
 */

export type RevokeReason =
  | 'logout'
  | 'logout_all'
  | 'refresh_token_reuse'
  | 'password_changed'
  | 'password_reset'
  | 'role_changed'
  | 'deactivated'
  | 'revoked_by_administrator';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

const newToken = (): string => randomBytes(32).toString('base64url');

export interface NewSession {
  userId: number;
  now: Date;
  ttlHours: number;
  userAgent?: string | null;
  clientIp?: string | null;
}

/** Creates a session and its first refresh token. */
export async function createSession(
  db: Db,
  s: NewSession,
): Promise<{ sessionId: string; refreshToken: string; expiresAt: Date }> {
  const expiresAt = new Date(s.now.getTime() + s.ttlHours * 3600_000);
  const { id } = await db
    .insertInto('sessions')
    .values({
      userId: s.userId,
      createdAt: s.now,
      lastUsedAt: s.now,
      expiresAt,
      revokedAt: null,
      revokedReason: null,
      userAgent: s.userAgent?.slice(0, 512) || null,
      clientIp: s.clientIp?.slice(0, 64) || null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const refreshToken = await issueRefreshToken(db, id, s.now, expiresAt);
  return { sessionId: id, refreshToken, expiresAt };
}

async function issueRefreshToken(
  db: Db,
  sessionId: string,
  now: Date,
  expiresAt: Date,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('refreshTokens')
    .values({ tokenHash: hashToken(token), sessionId, issuedAt: now, expiresAt, usedAt: null })
    .execute();
  return token;
}

export type RefreshResult =
  | { kind: 'rotated'; sessionId: string; userId: number; refreshToken: string; expiresAt: Date }
  /** A token that was already used: the session has now been revoked. */
  | { kind: 'reuse'; sessionId: string; userId: number }
  /** Unknown token, or its session is revoked or expired. */
  | { kind: 'invalid' };

/**
 * Rotates a refresh token: marks it used (atomically, so two concurrent uses cannot both win),
 * issues the next one in the same session. A used token revokes the session.
 */
export async function rotateRefreshToken(db: Db, token: string, now: Date): Promise<RefreshResult> {
  const tokenHash = hashToken(token);
  const claimed = await db
    .updateTable('refreshTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .returning(['sessionId', 'expiresAt'])
    .executeTakeFirst();
  const session = await db
    .selectFrom('refreshTokens as t')
    .innerJoin('sessions as s', 's.id', 't.sessionId')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.id', 's.userId', 's.expiresAt', 's.revokedAt', 'u.active'])
    .where('t.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!session) return { kind: 'invalid' };
  if (!claimed) {
    // Already used. Revoke the family (a no-op when it is revoked already).
    await revokeSession(db, session.id, 'refresh_token_reuse', now);
    return { kind: 'reuse', sessionId: session.id, userId: session.userId };
  }
  if (
    session.revokedAt ||
    !session.active ||
    session.expiresAt.getTime() <= now.getTime() ||
    claimed.expiresAt.getTime() <= now.getTime()
  ) {
    return { kind: 'invalid' };
  }
  await db.updateTable('sessions').set({ lastUsedAt: now }).where('id', '=', session.id).execute();
  const refreshToken = await issueRefreshToken(db, session.id, now, session.expiresAt);
  return {
    kind: 'rotated',
    sessionId: session.id,
    userId: session.userId,
    refreshToken,
    expiresAt: session.expiresAt,
  };
}

/** The session a refresh token belongs to, and its user (for sign-out with only the cookie). */
export async function sessionOfRefreshToken(
  db: Db,
  token: string,
): Promise<{ sessionId: string; userId: number } | undefined> {
  return db
    .selectFrom('refreshTokens as t')
    .innerJoin('sessions as s', 's.id', 't.sessionId')
    .select(['t.sessionId', 's.userId'])
    .where('t.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
}

/** A session with its user, as `authenticate` needs it (undefined when there is none). */
export async function sessionRow(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.id',
      's.userId',
      's.expiresAt',
      's.revokedAt',
      'u.username',
      'u.role',
      'u.active',
      'u.careProviderId',
      'u.orphanCourtId',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionRow>>>;

/** Not revoked, not expired at `now`, and its user is active. */
export const isLiveSession = (row: SessionRow, now: Date): boolean =>
  !row.revokedAt && row.active && row.expiresAt.getTime() > now.getTime();

/**
 * What `authenticate` checks on every request (through its SessionCache, auth/session-cache.ts):
 * one primary-key lookup of the session with its user. Undefined when the session is unknown,
 * revoked or expired, or the user is inactive.
 */
export async function liveSession(db: Db, sessionId: string, now: Date) {
  const row = await sessionRow(db, sessionId);
  return row && isLiveSession(row, now) ? row : undefined;
}

/** Revokes one session; true when it was live. */
export async function revokeSession(
  db: Db,
  sessionId: string,
  reason: RevokeReason,
  now: Date = new Date(),
): Promise<boolean> {
  const rows = await db
    .updateTable('sessions')
    .set({ revokedAt: now, revokedReason: reason })
    .where('id', '=', sessionId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(rows.numUpdatedRows) > 0;
}

/**
 * Revokes every live session of a user (role change, deactivation, an administrator's "revoke
 * this user's sessions", sign-out everywhere), except `exceptSessionId` when given. Access tokens
 * of those sessions stop working at once in every process: `authenticate` checks the session on
 * every request, through a cache that migration 0024's NOTIFY empties (auth/session-cache.ts).
 * Returns how many sessions were revoked.
 */
export async function revokeUserSessions(
  db: Db,
  userId: number,
  reason: RevokeReason,
  opts: { exceptSessionId?: string; now?: Date } = {},
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revokedAt: opts.now ?? new Date(), revokedReason: reason })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null);
  if (opts.exceptSessionId) q = q.where('id', '<>', opts.exceptSessionId);
  const rows = await q.executeTakeFirst();
  return Number(rows.numUpdatedRows);
}
