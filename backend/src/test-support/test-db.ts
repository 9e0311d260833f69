import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect';

/**
 * A database of this test file's own: a new database on the TEST_DATABASE_URL server (dropped
 * afterwards), or an in-memory PGlite. Files therefore run in parallel without seeing each other.
 * With CI=true a missing server fails the test run instead of silently using PGlite.
 */
/** Whether this test run's databases are PGlite (see createTestDatabase). */
export function usesPglite(): boolean {
  const mode = process.env.TEST_DB_MODE;
  return !(mode === 'postgresql' || (process.env.CI === 'true' && mode !== 'pglite'));
}

export async function createTestDatabase(
  opts: { pgliteDataDir?: Blob } = {},
): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!usesPglite()) {
    if (!serverUrl) throw new Error('TEST_DATABASE_URL must be set for PostgreSQL tests (CI=true)');
    // Letters only: an all-digit hex suffix once read as a personal code in a log check.
    const name = `adoption_test_${[...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), poolMax: 5 });
    return {
      ...handle,
      url: url.toString(),
      async close() {
        await handle.close();
        const c = new Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  return openDatabase({ pgliteDir: 'memory://', pgliteDataDir: opts.pgliteDataDir });
}
