import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * Per-account lockout. The first `freeAttempts` failures cost nothing; after them every further
 * attempt must wait `baseDelaySeconds · 2^(failures − freeAttempts)` since the last failure (an
 * attempt inside that wait fails without the password being checked); at `threshold` failures
 * the account is locked until an administrator unlocks it or the user resets the password.
 * A successful sign-in resets the counter.
 */
export interface LockoutPolicy {
  freeAttempts: number;
  baseDelaySeconds: number;
  threshold: number;
}

/** Milliseconds the next attempt must wait after the last failure (0 = may try at once). */
export function requiredDelayMs(policy: LockoutPolicy, failedLogins: number): number {
  if (failedLogins < policy.freeAttempts) return 0;
  return policy.baseDelaySeconds * 1000 * 2 ** (failedLogins - policy.freeAttempts);
}

/** How long until the account may try again, or 0. */
export function waitMs(
  policy: LockoutPolicy,
  user: { failedLogins: number; lastFailedLoginAt: Date | null },
  now: Date,
): number {
  const delay = requiredDelayMs(policy, user.failedLogins);
  if (!delay || !user.lastFailedLoginAt) return 0;
  return Math.max(0, user.lastFailedLoginAt.getTime() + delay - now.getTime());
}

/**
 * Counts one failure atomically (concurrent attempts cannot lose a count) and locks the account
 * when the count reaches the threshold. Returns the new count and whether this failure locked it.
 */
export async function recordFailedLogin(
  db: Db,
  userId: number,
  policy: LockoutPolicy,
  now: Date,
): Promise<{ failedLogins: number; lockedNow: boolean }> {
  const before = await db
    .selectFrom('users')
    .select('lockedAt')
    .where('id', '=', userId)
    .executeTakeFirst();
  const row = await db
    .updateTable('users')
    .set({
      failedLogins: sql<number>`failed_logins + 1`,
      lastFailedLoginAt: now,
      lockedAt: sql<Date | null>`case when failed_logins + 1 >= ${policy.threshold} then coalesce(locked_at, ${now}::timestamptz) else locked_at end`,
    })
    .where('id', '=', userId)
    .returning(['failedLogins', 'lockedAt'])
    .executeTakeFirstOrThrow();
  return { failedLogins: row.failedLogins, lockedNow: !before?.lockedAt && !!row.lockedAt };
}

/** After a successful sign-in. */
export async function resetFailedLogins(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedLogins: 0, lastFailedLoginAt: null })
    .where('id', '=', userId)
    .where('failedLogins', '>', 0)
    .execute();
}

/**
 * Unlocks an account and forgets its failures: an administrator's "unlock", and every password
 * set or reset (the user proved control of the mailbox or was given a new password).
 */
export async function clearLockout(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedLogins: 0, lastFailedLoginAt: null, lockedAt: null })
    .where('id', '=', userId)
    .execute();
}
