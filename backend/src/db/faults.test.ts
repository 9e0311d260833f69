import { Client } from 'pg';
import { openDatabase } from './connect';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { usesPglite } from '../test-support/test-db';
import { capturedLog } from '../test-support/captured-log';
import { TcpProxy } from '../test-support/tcp-proxy';
import { recordRecovery, timeUntil } from '../test-support/recovery-log';
import { recordAudit } from '../audit/chain';

// The API when PostgreSQL goes away, on a real server: its connections terminated
// (pg_terminate_backend, as a restart or a proxy's idle timeout does), the server unreachable or
// silent (a TcpProxy in front of it), a write that fails. The process stays up, readiness says
// why, requests get 503 (never a hang, never a 500 with a stack) and it recovers by itself.
// PGlite runs inside the process: there is no connection to lose.

const serverUrl = process.env.TEST_DATABASE_URL;

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Terminates every connection to the database (except the caller's): what a restart does. */
const terminateAll = (database: string) =>
  admin(async (c) => {
    const r = await c.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );
    return r.rowCount ?? 0;
  });

const dbName = (url: string) => new URL(url).pathname.slice(1);

(usesPglite() ? describe.skip : describe)('PostgreSQL goes away', () => {
  describe('connections terminated', () => {
    let t: TestApp;
    let name: string;
    const log = capturedLog('info');
    beforeAll(async () => {
      t = await createTestApp(
        {},
        {
          logger: log.logger,
          reopen: async (url) => {
            name = dbName(url);
            return openDatabase({ url, poolMax: 4, log: log.logger });
          },
        },
      );
    });
    afterAll(() => t.close());

    it('survives its idle connections being terminated and serves the next request', async () => {
      const token = await t.token('adoption_specialist');
      // Fill the pool with idle connections.
      await Promise.all(
        Array.from({ length: 4 }, () =>
          t.request().get('/api/territories').auth(token, { type: 'bearer' }).expect(200),
        ),
      );
      expect(await terminateAll(name)).toBeGreaterThan(0);
      // An unhandled 'error' from a dead idle client would have crashed the test process here.
      await new Promise((r) => setTimeout(r, 200));
      const ms = await timeUntil(
        async () =>
          (await t.request().get('/api/territories').auth(token, { type: 'bearer' })).status ===
          200,
      );
      recordRecovery('postgresql: idle connections terminated → first 200', ms);
      await t.request().get('/health/ready').expect(200);
      const warnings = log.events.filter((e) => e.event === 'database_unavailable');
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings[0])).toMatch(/57P01|terminat/);
      expect(log.events.some((e) => e.event === 'database_recovered')).toBe(true);
    });

    it('answers 503 to a request whose connection is terminated mid-way, then recovers', async () => {
      const token = await t.token('adoption_specialist');
      // Hold the table so the request is in flight, waiting on PostgreSQL, when its connection dies.
      const locker = new Client({ connectionString: serverUrl!.replace(/\/[^/]*$/, `/${name}`) });
      await locker.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table territories in access exclusive mode');
        const pending = t.request().get('/api/territories').auth(token, { type: 'bearer' });
        const answer = pending.then((r) => r);
        await timeUntil(() =>
          admin(async (c) => {
            const r = await c.query(
              `select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
              [name],
            );
            return (r.rowCount ?? 0) > 0;
          }),
        );
        await admin((c) =>
          c.query(
            `select pg_terminate_backend(pid) from pg_stat_activity
              where datname = $1 and pid <> $2 and pid <> pg_backend_pid()`,
            [name, (locker as unknown as { processID: number }).processID],
          ),
        );
        const res = await answer;
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body.title).toBe('Service Unavailable');
        expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|stack|pg_terminate|127\.0\.0\.1/);
      } finally {
        await locker.query('rollback').catch(() => undefined);
        await locker.end();
      }
      await t.request().get('/api/territories').auth(token, { type: 'bearer' }).expect(200);
    });

    it('rolls a failing write back whole and goes on serving', async () => {
      const token = await t.token('administrator');
      const before = await t.database.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const owner = new Client({ connectionString: serverUrl!.replace(/\/[^/]*$/, `/${name}`) });
      await owner.connect();
      try {
        await owner.query(`create function refuse_write() returns trigger language plpgsql as
          $$ begin raise exception 'injected failure'; end $$`);
        await owner.query(`create trigger refuse_write before insert on territories
          for each row execute function refuse_write()`);
        const res = await t
          .request()
          .post('/api/territories')
          .auth(token, { type: 'bearer' })
          .send({ atvkCode: '0999999', name: 'Ķeguma novads', kind: 'municipality' });
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.stringify(res.body)).not.toMatch(/injected failure|refuse_write|at .*\.ts/);
        const after = await t.database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(after.n).toBe(before.n); // no event of a change that did not happen
        expect(
          await t.database.db
            .selectFrom('territories')
            .select('id')
            .where('atvkCode', '=', '0999999')
            .executeTakeFirst(),
        ).toBeUndefined();
      } finally {
        await owner.query('drop trigger if exists refuse_write on territories');
        await owner.query('drop function if exists refuse_write()');
        await owner.end();
      }
      await t
        .request()
        .post('/api/territories')
        .auth(token, { type: 'bearer' })
        .send({ atvkCode: '0999999', name: 'Ķeguma novads', kind: 'municipality' })
        .expect(201);
    });
  });

  describe('the server unreachable or silent', () => {
    let t: TestApp;
    let proxy: TcpProxy;
    const log = capturedLog('info');
    beforeAll(async () => {
      const target = new URL(serverUrl!);
      proxy = new TcpProxy(await TcpProxy.freePort(), {
        host: target.hostname,
        port: Number(target.port || 5432),
      });
      await proxy.start();
      t = await createTestApp(
        {},
        {
          logger: log.logger,
          reopen: (url) => {
            const via = new URL(url);
            via.hostname = '127.0.0.1';
            via.port = String(proxy.port);
            return openDatabase({
              url: via.toString(),
              poolMax: 4,
              connectTimeoutMs: 1000,
              log: log.logger,
            });
          },
        },
      );
    });
    afterAll(async () => {
      await t.close(); // the test database is dropped through a connection of its own
      await proxy.stop();
    });

    it('is unready with the reason while the database is away, 503 to requests, and back by itself', async () => {
      const token = await t.token('adoption_specialist');
      await t.request().get('/health/ready').expect(200);
      await proxy.stop();

      const ready = await t.request().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toMatch(/^failing: /);
      expect(ready.body.checks.database).not.toMatch(/127\.0\.0\.1|:\d{4,5}\b/);
      await t.request().get('/health/live').expect(200);

      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.request().get('/api/territories').auth(token, { type: 'bearer' }),
        ),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      expect(log.events.filter((e) => e.event === 'database_unavailable')).toHaveLength(1);
      expect(log.events.some((e) => e.level === 50)).toBe(false); // nothing logged as an error

      await proxy.start();
      const ms = await timeUntil(
        async () => (await t.request().get('/health/ready')).status === 200,
      );
      recordRecovery('postgresql: unreachable → readiness 200', ms);
      await t.request().get('/api/territories').auth(token, { type: 'bearer' }).expect(200);
      expect(log.events.some((e) => e.event === 'database_recovered')).toBe(true);
    });

    it('fails a whole group of audited reads at once when the database is away (no hang)', async () => {
      proxy.blackhole(); // connects get no answer: each attempt waits for the connect timeout
      try {
        const started = Date.now();
        const results = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) =>
            recordAudit(t.database.db, {
              action: 'read',
              resource: 'territories',
              recordId: i + 1,
            }),
          ),
        );
        expect(results.every((r) => r.status === 'rejected')).toBe(true);
        // One connect timeout (1 s here) for the group, not one per event (30 s).
        expect(Date.now() - started).toBeLessThan(8_000);
      } finally {
        proxy.restore();
      }
      await expect(
        recordAudit(t.database.db, { action: 'read', resource: 'territories', recordId: 1 }),
      ).resolves.toMatchObject({ id: expect.any(Number) });
    });

    it('answers 503 within the connect timeout, not never, when the server goes silent', async () => {
      const token = await t.token('adoption_specialist');
      await t.request().get('/api/territories').auth(token, { type: 'bearer' }).expect(200);
      proxy.blackhole();
      try {
        const started = Date.now();
        const res = await t.request().get('/api/territories').auth(token, { type: 'bearer' });
        expect(res.status).toBe(503);
        // connectTimeoutMs is 1 s here (5 s by default); generous for a loaded CI machine.
        expect(Date.now() - started).toBeLessThan(8_000);
        const ready = await t.request().get('/health/ready');
        expect(ready.status).toBe(503);
      } finally {
        proxy.restore();
      }
      const ms = await timeUntil(
        async () =>
          (await t.request().get('/api/territories').auth(token, { type: 'bearer' })).status ===
          200,
      );
      recordRecovery('postgresql: silent → first 200', ms);
    });
  });
});
