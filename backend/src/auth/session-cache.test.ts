import supertest from 'supertest';
import { sql } from 'kysely';
import { App } from '../app';
import { parseConfig } from '../config/config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import type { ListenHandlers } from '../db/listen';
import { createLogger } from '../logger';
import { authTestFile } from '../test-support/auth-test-file';
import { TEST_DATA_ENCRYPTION_KEY, TEST_PASSWORD } from '../test-support/test-app';
import { SESSION_CHANNEL, SessionCache } from './session-cache';
import type { SessionRow } from './sessions';

const row = (id: string, userId = 1): SessionRow => ({
  id,
  userId,
  expiresAt: new Date(Date.now() + 3600_000),
  revokedAt: null,
  username: `u${userId}`,
  role: 'analyst',
  active: true,
  careProviderId: null,
  orphanCourtId: null,
});

/** A SessionCache on a fake LISTEN whose notifications and state the test drives. */
function fakeListen() {
  let on: ListenHandlers | undefined;
  let time = 0;
  const cache = new SessionCache(5, () => time).listenOn({
    listen: (_channel, handlers) => ((on = handlers), async () => undefined),
  });
  let loads = 0;
  const get = (id: string, r = row(id)) =>
    cache.get(
      id,
      async () => (loads++, r),
      () => true,
    );
  return {
    cache,
    on: () => on!,
    get,
    loads: () => loads,
    advance: (ms: number) => (time += ms),
  };
}

describe('SessionCache', () => {
  it('answers from memory only while listening, and each entry for ttl seconds', async () => {
    const f = fakeListen();
    await f.get('a');
    await f.get('a');
    expect(f.loads()).toBe(2); // not listening yet: every request looks it up
    f.on().up();
    await f.get('a');
    await f.get('a');
    expect(f.loads()).toBe(3);
    f.advance(5000);
    await f.get('a');
    expect(f.loads()).toBe(4); // aged out
    f.on().down(new Error('lost'));
    expect(f.cache.size).toBe(0);
    await f.get('a');
    await f.get('a');
    expect(f.loads()).toBe(6);
  });

  it('drops a session, or every session of a user, on its notification', async () => {
    const f = fakeListen();
    f.on().up();
    await f.get('a', row('a', 1));
    await f.get('b', row('b', 1));
    await f.get('c', row('c', 2));
    f.on().notify('s:a');
    expect(f.cache.size).toBe(2);
    f.on().notify('u:1');
    expect(f.cache.size).toBe(1);
    f.on().notify('something else');
    expect(f.cache.size).toBe(0);
  });

  it('does not keep a row read while a notification arrived (it may predate the revocation)', async () => {
    const f = fakeListen();
    f.on().up();
    let release!: () => void;
    const pending = f.cache.get(
      'a',
      () =>
        new Promise<SessionRow>((done) => {
          release = () => done(row('a'));
        }),
      () => true,
    );
    f.on().notify('s:a');
    release();
    expect(await pending).toBeDefined();
    expect(f.cache.size).toBe(0);
  });

  it('keeps no dead session', async () => {
    const f = fakeListen();
    f.on().up();
    await f.cache.get(
      'a',
      async () => row('a'),
      () => false,
    );
    expect(f.cache.size).toBe(0);
  });
});

// Two API instances on one database, each with its own cache and its own LISTEN, as two
// processes behind a load balancer: what one revokes, the other refuses within a bounded time.
const { t, newUser } = authTestFile('cache-user', { SESSION_CACHE_SECONDS: '30' });

describe('two app instances with session caches', () => {
  let other: { app: App; database: DatabaseHandle; own: boolean };
  const url = () => (t.database as DatabaseHandle & { url?: string }).url;

  beforeAll(async () => {
    // PostgreSQL: a pool and a LISTEN connection of its own. PGlite lives in one process: the
    // second app shares the handle (its cache and its listen are still its own).
    const database = url() ? await openDatabase({ url: url(), poolMax: 3 }) : t.database;
    const app = new App({
      config: parseConfig({
        APP_ENV: 'dev',
        LOG_LEVEL: 'silent',
        SESSION_CACHE_SECONDS: '30',
        DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      }),
      database,
      logger: createLogger('silent'),
      version: { version: '0.0.0-test', commit: 'test' },
      jwtSecret: 'test-secret-test-secret-test-secret-123',
      now: () => t.clock.now(),
    });
    other = { app, database, own: database !== t.database };
    await until(() => t.app.sessions.active && app.sessions.active);
  });
  afterAll(async () => {
    await other.app.close();
    if (other.own) await other.database.close();
  });

  const meOn = (app: App, token: string) =>
    supertest(app.callback()).get('/api/auth/me').auth(token, { type: 'bearer' });
  const signIn = async () => {
    const { username } = await newUser();
    const res = await t
      .request()
      .post('/api/auth/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200);
    return res.body.token as string;
  };
  /** Both instances have the session cached (served from memory from now on). */
  const cachedOnBoth = async (token: string) => {
    await meOn(t.app, token).expect(200);
    await meOn(other.app, token).expect(200);
    expect(t.app.sessions.size).toBeGreaterThan(0);
    expect(other.app.sessions.size).toBeGreaterThan(0);
  };
  /** Milliseconds until the other instance refuses the token (fails after 5 s). */
  const refusedByOther = async (token: string) => {
    const t0 = Date.now();
    await until(async () => (await meOn(other.app, token)).status === 401);
    return Date.now() - t0;
  };

  it('a sign-out in one is refused by the other', async () => {
    const token = await signIn();
    await cachedOnBoth(token);
    await t.as(token).post('/api/auth/logout').expect(204);
    expect(await refusedByOther(token)).toBeLessThan(2000);
    await meOn(t.app, token).expect(401);
  });

  it('a revocation by plain SQL (another process, an administrator) reaches both', async () => {
    const token = await signIn();
    await cachedOnBoth(token);
    await t.database.db
      .updateTable('sessions')
      .set({ revokedAt: new Date(), revokedReason: 'revoked_by_administrator' })
      .where('revokedAt', 'is', null)
      .where('userId', '=', (await me(token)).id)
      .execute();
    expect(await refusedByOther(token)).toBeLessThan(2000);
    await until(async () => (await meOn(t.app, token)).status === 401);
  });

  it("a change of the user (deactivation) ends the user's cached sessions", async () => {
    const token = await signIn();
    await cachedOnBoth(token);
    await t.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', (await me(token)).id)
      .execute();
    expect(await refusedByOther(token)).toBeLessThan(2000);
  });

  it('a rolled-back revocation notifies nobody', async () => {
    const token = await signIn();
    await cachedOnBoth(token);
    const userId = (await me(token)).id;
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('users').set({ active: false }).where('id', '=', userId).execute();
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await meOn(other.app, token).expect(200);
  });

  it('a lost LISTEN connection empties the cache and listens again (PostgreSQL)', async () => {
    if (!url()) return; // PGlite's listen runs in-process and cannot be lost
    const token = await signIn();
    await cachedOnBoth(token);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and query = ${`listen ${SESSION_CHANNEL}`}
                and pid <> pg_backend_pid()`.execute(t.database.db);
    await until(() => !other.app.sessions.active);
    expect(other.app.sessions.size).toBe(0);
    // Back: cached again, and revocations reach it again.
    await until(() => other.app.sessions.active && t.app.sessions.active);
    await meOn(other.app, token).expect(200);
    await t.as(token).post('/api/auth/logout').expect(204);
    expect(await refusedByOther(token)).toBeLessThan(2000);
  });

  const me = async (token: string) =>
    (await meOn(t.app, token).expect(200)).body as { id: number; username: string };
});

async function until(ok: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
