import type { DatabaseHandle } from '../db/connect';
import { describeDatabaseError } from '../db/availability';

/** Rejects when `p` has not settled within `ms` (a health check must answer, not hang). */
export function within<T>(p: Promise<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} in ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The readiness line of the database, for the API and the worker processes alike. */
export async function databaseCheck(database: DatabaseHandle): Promise<string> {
  try {
    await within(database.ping(), 2000);
    return `ok (${database.kind})`;
  } catch (err) {
    return `failing: ${describeDatabaseError(err)}`;
  }
}

/** Ready when no check is failing. */
export const allPass = (checks: Record<string, string>) =>
  Object.values(checks).every((c) => !c.startsWith('failing'));
