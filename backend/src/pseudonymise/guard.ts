import { Client } from 'pg';

// The refresh only ever writes towards TEST. Three independent checks refuse a target that looks
// like production, before anything is created, restored or dropped:
//  1. the target URL: a host, user or database name containing the word "prod" or "production";
//  2. the target database's own marker: `ALTER DATABASE … SET adoption_register.app_env = 'prod'`
//     (the deploy sets it on every environment; `refresh-test-from-prod mark` writes it);
//  3. the refresh's own environment: APP_ENV=prod means it runs with PROD's configuration.
// There is no override: to refresh a database whose name says prod, it has to be renamed.

export class RefusedError extends Error {}

/** The database setting that names an environment (read with current_setting). */
export const MARKER_SETTING = 'adoption_register.app_env';

const PROD_WORD = /(^|[^a-z0-9])(prod|production)([^a-z0-9]|$)/i;

/** Host and database (and user) of a PostgreSQL URL, never its password (for logs). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `${user}${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Refuses a target URL that names production (1). */
export function assertTargetUrlNotProd(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RefusedError('the target is not a postgresql:// URL');
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) {
    throw new RefusedError('the target is not a postgresql:// URL');
  }
  if (!databaseName(url)) throw new RefusedError('the target URL names no database');
  for (const [what, value] of [
    ['database name', databaseName(url)],
    ['host', u.hostname],
    ['user', decodeURIComponent(u.username)],
  ] as const) {
    if (PROD_WORD.test(value)) {
      throw new RefusedError(
        `refusing to write to ${describeUrl(url)}: its ${what} says production. ` +
          'refresh-test-from-prod only ever replaces a TEST database.',
      );
    }
  }
}

/** Refuses to run with a PROD configuration (3). */
export function assertNotRunningAsProd(env: NodeJS.ProcessEnv): void {
  if ((env.APP_ENV ?? '').toLowerCase() === 'prod') {
    throw new RefusedError(
      'refusing to run with APP_ENV=prod: the refresh runs with TEST configuration only',
    );
  }
}

/** The environment a database says it is (2), or null when unmarked. */
export async function readMarker(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ env: string | null }>(
      'select current_setting($1, true) as env',
      [MARKER_SETTING],
    );
    return rows[0]?.env || null;
  } finally {
    await client.end();
  }
}

/** Refuses a target database marked prod (2). */
export async function assertTargetNotMarkedProd(url: string): Promise<void> {
  const marker = await readMarker(url);
  if (marker && marker.toLowerCase() !== 'test' && marker.toLowerCase() !== 'dev') {
    throw new RefusedError(
      `refusing to write to ${describeUrl(url)}: the database is marked ${MARKER_SETTING}=${marker}`,
    );
  }
}

/** Writes the marker (the database owner may; takes effect for new connections). */
export async function writeMarker(url: string, env: 'dev' | 'test' | 'prod'): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const name = databaseName(url).replace(/"/g, '""');
    await client.query(`alter database "${name}" set ${MARKER_SETTING} = '${env}'`);
  } finally {
    await client.end();
  }
}
