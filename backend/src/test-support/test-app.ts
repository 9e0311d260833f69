// test-support/: what the API tests share. This file: a migrated, seeded test app per test file;
// beside it the test databases, real servers to test against (SMTP sink, TCP proxy) and helpers.
// The browser tests' own set-up is admin/e2e/browser.ts (it borrows test-db.ts).
import supertest from 'supertest';
import { App } from '../app';
import { parseConfig, type Config } from '../config/config';
import { migrate } from '../db/migrate';
import { loadDemoData, loadReferenceData } from '../demo/seed';
import { createLogger } from '../logger';
import { insertUser } from '../users/repository';
import { hashPassword } from '../auth/password';
import { roles, type Role } from '../policies/roles';
import { createTestDatabase, usesPglite } from './test-db';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mfaRequired } from '../mfa/service';
import { totpCode } from '../mfa/totp';
import { encryptionKeyMaterial, secretBox, type SecretBox } from '../db/secret-box';
import type { DatabaseHandle } from '../db/connect';
import type { Logger } from 'pino';
import { databaseSources, simulatedPeople, type Differences } from '../registers/simulator/people';
import { startRegisterSimulator, type RegisterSimulator } from '../registers/simulator/server';

export const TEST_PASSWORD = 'Testa-parole-2026!';
/** The confirmed TOTP secret of every seeded user whose role needs a second factor. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The test apps' DATA_ENCRYPTION_KEY: seeded secrets are stored encrypted, as the app stores them. */
export const TEST_DATA_ENCRYPTION_KEY = 'test-mfa-secret-key-test-mfa-secret-key';

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  request: () => supertest.Agent;
  /** Bearer token of the seeded user with this role (`<role>` is also the user name). */
  token(role: Role): Promise<string>;
  /** Requests signed with a bearer token: `t.as(token).post(path, body)`; a post or put sends JSON. */
  as(token: string): SignedRequests;
  /** A new sign-in (a session of its own): the access token and the refresh-token cookie. */
  signIn(role: Role): Promise<{ token: string; cookie: string }>;
  /** The App's clock: `clock.advance(ms)` moves it forward (lockout delays, expiry). */
  clock: { now(): Date; advance(ms: number): void; freeze(): void };
  /** Seals TOTP secrets with the App's key, as stored in `users.totp_secret`. */
  secrets: SecretBox;
  /**
   * The app's own register simulator (both registers point at it unless `env` names a URL): it
   * knows this database's people, `differences` says whose answers differ and how.
   */
  registers: { sim: RegisterSimulator; differences: Differences } | undefined;
  close(): Promise<void>;
}

export interface SignedRequests {
  get(path: string): supertest.Test;
  post(path: string, body?: object): supertest.Test;
  put(path: string, body: object): supertest.Test;
  delete(path: string): supertest.Test;
}

let passwordHash: Promise<string> | undefined;
/** The scrypt hash of TEST_PASSWORD, computed once per test file. */
export const testPasswordHash = (): Promise<string> =>
  (passwordHash ??= hashPassword(TEST_PASSWORD));

/** A migrated, seeded database and the App on it, with one user per role. */
/**
 * `opts.logger` replaces the (silent) logger, e.g. to assert security events. `opts.reopen`
 * (PostgreSQL only) gives the App a connection of its own to the seeded database, e.g. through a
 * `TcpProxy` that a test cuts; the test database itself is dropped on close as usual.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { logger?: Logger; reopen?: (url: string) => Promise<DatabaseHandle> } = {},
): Promise<TestApp> {
  const snapshot = await seededSnapshot();
  const seeded = await createTestDatabase({ pgliteDataDir: snapshot });
  let database: DatabaseHandle = seeded;
  try {
    if (!snapshot) await seed(seeded);
    if (opts.reopen) {
      if (!seeded.url) throw new Error('reopen needs a PostgreSQL test database');
      const own = await opts.reopen(seeded.url);
      database = { ...own, close: async () => (await own.close(), await seeded.close()) };
    }
    return await setUp(database, env, opts.logger);
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Migrations, reference data and the demo register: what every test app starts from. */
async function seed(database: DatabaseHandle) {
  await migrate(database.db, 'latest');
  await loadReferenceData(database.db);
  await loadDemoData(database.db, undefined);
}

/**
 * On PGlite, seeding costs most of a test file's time (WebAssembly, one core): the test run
 * (scripts/run-tests.mjs, `TEST_PGLITE_SNAPSHOT`) seeds once, keeps the data directory as a
 * tarball, and every later file starts from it. Undefined on PostgreSQL or without the variable.
 */
async function seededSnapshot(): Promise<Blob | undefined> {
  const file = process.env.TEST_PGLITE_SNAPSHOT;
  if (!file || !usesPglite()) return undefined;
  if (!existsSync(file)) {
    const fresh = await createTestDatabase();
    try {
      await seed(fresh);
      const tar = Buffer.from(await (await fresh.dump!()).arrayBuffer());
      // Written aside and renamed: a parallel worker reads a whole file or none.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, tar);
      renameSync(partial, file);
    } finally {
      await fresh.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

async function setUp(
  database: DatabaseHandle,
  env: Record<string, string>,
  logger?: Logger,
): Promise<TestApp> {
  const config: Config = parseConfig({
    APP_ENV: 'dev',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // Rate limits are off unless a test sets them (auth/rate-limit.test.ts tests them).
    RATE_LIMIT_LOGIN_IP: 'off',
    RATE_LIMIT_LOGIN_USER: 'off',
    RATE_LIMIT_REFRESH_IP: 'off',
    RATE_LIMIT_CHANGE_PASSWORD: 'off',
    RATE_LIMIT_MFA: 'off',
    RATE_LIMIT_REGISTER_ENTRY: 'off',
    // The session cache is off unless a test sets it (auth/session-cache.test.ts tests it, across two
    // apps): tests that revoke by plain SQL and ask again at once would otherwise race the NOTIFY.
    SESSION_CACHE_SECONDS: process.env.TEST_SESSION_CACHE_SECONDS ?? '0',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    ...env,
  });
  const secrets = secretBox(encryptionKeyMaterial(config));
  let registers: TestApp['registers'];
  if (!env.REGISTER_POPULATION_URL && !env.REGISTER_DISABILITY_URL) {
    const { people, differences } = simulatedPeople(await databaseSources(database.db));
    const sim = await startRegisterSimulator({ people });
    registers = { sim, differences };
    config.REGISTER_POPULATION_URL = sim.url;
    config.REGISTER_DISABILITY_URL = sim.url;
  }
  let offsetMs = 0;
  let frozenAt: number | undefined;
  const clock = {
    now: () => new Date((frozenAt ?? Date.now()) + offsetMs),
    advance: (ms: number) => void (offsetMs += ms),
    /** Stops real time from moving it (a test whose margins a loaded machine could eat). */
    freeze: () => void (frozenAt = Date.now()),
  };
  const hash = await testPasswordHash();
  const courts = await database.db
    .selectFrom('orphanCourts')
    .select('id')
    .orderBy('id')
    .limit(1)
    .execute();
  const providers = await database.db
    .selectFrom('careProviders')
    .select('id')
    .orderBy('id')
    .limit(1)
    .execute();
  for (const role of roles) {
    const user = await insertUser(database.db, {
      username: role.replace(/_/g, '-'),
      displayName: `Tests ${role}`,
      role,
      passwordHash: hash,
      careProviderId: role === 'care_institution' ? providers[0]!.id : null,
      orphanCourtId: role === 'orphan_court' ? courts[0]!.id : null,
    });
    if (mfaRequired(role)) {
      await database.db
        .updateTable('users')
        .set({ totpSecret: secrets.seal(TEST_TOTP_SECRET), mfaEnabledAt: new Date() })
        .where('id', '=', user.id)
        .execute();
    }
  }
  const app = new App({
    config,
    database,
    logger: logger ?? createLogger(config.LOG_LEVEL),
    version: { version: '0.0.0-test', commit: 'test' },
    jwtSecret: 'test-secret-test-secret-test-secret-123',
    now: () => clock.now(),
  });
  const tokens = new Map<Role, string>();
  const request = () => supertest.agent(app.callback());
  /** Password, then (MFA roles) a code of a time step not used yet: the login's final answer. */
  const login = async (role: Role) => {
    const username = role.replace(/_/g, '-');
    const first = await request()
      .post('/api/auth/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200);
    if (!first.body.mfaRequired) return first;
    return request()
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: first.body.mfaToken, code: await freshCode(username) })
      .expect(200);
  };
  /**
   * A code the server accepts now: each time step works once, and the next step is accepted too,
   * so the earlier unused one of the two is taken; when both are used the clock moves on a step.
   */
  const freshCode = async (username: string): Promise<string> => {
    for (;;) {
      const { totpLastStep } = await database.db
        .selectFrom('users')
        .select('totpLastStep')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const current = Math.floor(clock.now().getTime() / 30_000);
      const step = [current, current + 1].find(
        (s) => totpLastStep === null || s > Number(totpLastStep),
      );
      if (step !== undefined) return totpCode(TEST_TOTP_SECRET, step * 30_000);
      clock.advance(30_000);
    }
  };
  return {
    app,
    database,
    request,
    as: (token) => ({
      get: (path) => request().get(path).auth(token, { type: 'bearer' }),
      post: (path, body = {}) => request().post(path).auth(token, { type: 'bearer' }).send(body),
      put: (path, body) => request().put(path).auth(token, { type: 'bearer' }).send(body),
      delete: (path) => request().delete(path).auth(token, { type: 'bearer' }),
    }),
    async token(role) {
      if (!tokens.has(role)) {
        const res = await login(role);
        tokens.set(role, res.body.token as string);
      }
      return tokens.get(role)!;
    },
    async signIn(role) {
      const res = await login(role);
      const cookie = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('ar_refresh='));
      return { token: res.body.token as string, cookie: cookie!.split(';')[0]! };
    },
    clock,
    secrets,
    registers,
    async close() {
      await app.registers.close();
      await registers?.sim.close();
      await database.close();
    },
  };
}
