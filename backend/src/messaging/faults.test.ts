import amqp from 'amqplib';
import { sql } from 'kysely';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { mailHarness } from '../test-support/mail-harness';
import { capturedLog } from '../test-support/captured-log';
import { eventually, eventuallyAsync, TcpProxy } from '../test-support/tcp-proxy';
import { recordRecovery, timeUntil } from '../test-support/recovery-log';
import { usesPglite } from '../test-support/test-db';
import { openDatabase } from '../db/connect';
import { startWorkerHealth } from '../health/worker-health';
import type { Messaging } from './service';

// The relay and the mail worker when a dependency fails, on real servers: PostgreSQL (a write
// failing, connections terminated, the server away), RabbitMQ (a long cut, a channel error, the
// queue deleted) and SMTP (a burst of 451 answers, refused connections). The rule
// (docs/operations.md): a dependency that goes away makes us unready, never dead, and we recover
// by ourselves within 5 s of its return. Nothing is lost, nothing is sent twice.

const h = mailHarness();
const { configFor, start, queue, statusOf } = h;
// PostgreSQL only: nothing here differs on PGlite (its database runs in the process).
const onPostgres = !usesPglite();

const proxyTo = async (url: string, fallbackPort: number) => {
  const target = new URL(url);
  const proxy = new TcpProxy(await TcpProxy.freePort(), {
    host: target.hostname,
    port: Number(target.port || fallbackPort),
  });
  await proxy.start();
  const via = new URL(url);
  via.hostname = '127.0.0.1';
  via.port = String(proxy.port);
  return { proxy, url: via.toString() };
};

/** Every recipient got exactly one mail, and every row says sent. */
async function deliveredOnce(recipients: string[], ms = 60_000) {
  expect(await deliveredAtLeastOnce(recipients, ms)).toEqual([]);
}

/**
 * Every recipient got the mail and every row says sent; answers the recipients that got it more
 * than once, checking that each repeat is the same message (the Message-ID receivers de-duplicate by).
 */
async function deliveredAtLeastOnce(recipients: string[], ms = 60_000) {
  await eventually(() => recipients.every((r) => h.sink.to(r).length > 0), ms);
  await new Promise((r) => setTimeout(r, 300));
  const repeats = recipients.filter((r) => h.sink.to(r).length > 1);
  for (const r of repeats) expect(new Set(h.sink.to(r).map((m) => m.messageId)).size).toBe(1);
  await eventuallyAsync(async () => {
    const rows = await h.t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('recipient', 'in', recipients)
      .execute();
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  });
  return repeats;
}

/** Rows that spent one of their attempts (went to a retry queue) among these recipients. */
const retried = async (recipients: string[]) =>
  (
    await h.t.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('recipient', 'in', recipients)
      .where('attempts', '>', 1)
      .execute()
  ).length;

/** Resolves when the next mail after now reaches the sink. */
const nextDelivery = () => {
  const before = h.sink.mails.length;
  return timeUntil(async () => h.sink.mails.length > before, 60_000);
};

const metricValue = (text: string, line: string) => {
  const found = text.split('\n').find((l) => l.startsWith(line));
  return found === undefined ? undefined : Number(found.slice(line.length).trim());
};

(h.enabled && onPostgres ? describe : describe.skip)('messaging when its dependencies fail', () => {
  beforeAll(() => {
    if (!h.amqpUrl) throw new Error('AMQP_URL must be set when CI=true');
  });

  describe('the database', () => {
    it('gives a message back when its write fails, keeps consuming, and does not send it twice', async () => {
      // Exactly the fault found: one UPDATE of the outbox made to fail by a trigger.
      await sql`create or replace function refuse_poison() returns trigger language plpgsql as
        $$ begin
          if new.recipient like 'poison-%' and new.status = 'sent' then
            raise exception 'injected write failure';
          end if;
          return new;
        end $$`.execute(h.t.database.db);
      await sql`create trigger refuse_poison before update on outbox
        for each row execute function refuse_poison()`.execute(h.t.database.db);
      const registry = new Registry();
      const { messaging } = await start(configFor(), { registry });
      try {
        const [poison] = await queue(1, 'poison');
        await eventually(() => h.sink.to(poison!).length === 1, 30_000);
        // Consumption goes on: mails queued after it are delivered while it keeps failing.
        const others = await queue(20, 'healthy');
        await eventually(() => others.every((r) => h.sink.to(r).length === 1), 30_000);
        await eventuallyAsync(
          async () => expect(await metricCount(messaging, 'failed')).toBeGreaterThanOrEqual(2),
          30_000,
        );
        expect((await statusOf(poison!)).status).toBe('published');
      } finally {
        await sql`drop trigger refuse_poison on outbox`.execute(h.t.database.db);
      }
      // The write works again: the outcome is recorded; the mail was not sent a second time.
      const [poison] = ['poison-0@example.lv'];
      await eventuallyAsync(async () =>
        expect(await statusOf(poison)).toMatchObject({ status: 'sent', attempts: 1 }),
      );
      expect(h.sink.to(poison)).toHaveLength(1);
      const text = await registry.metrics();
      expect(metricValue(text, 'mail_messages_redelivered_total')).toBeGreaterThan(0);
      expect(metricValue(text, 'mail_messages_failed_total{reason="database"}')).toBeGreaterThan(0);
    }, 90_000);

    it('survives its database connections being terminated mid-stream', async () => {
      const url = (h.t.database as { url?: string }).url!;
      const own = await openDatabase({ url, poolMax: 4 });
      try {
        await start(configFor(), { db: own.db });
        const recipients = await queue(300, 'terminated');
        await eventually(() => recipients.filter((r) => h.sink.to(r).length).length >= 30);
        const c = new Client({ connectionString: url });
        await c.connect();
        const r = await c.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid()`,
        );
        await c.end();
        expect(r.rowCount).toBeGreaterThan(0);
        await deliveredOnce(recipients);
      } finally {
        await own.close();
      }
    }, 120_000);

    it('pauses while the database is away, is unready, and resumes by itself', async () => {
      const url = (h.t.database as { url?: string }).url!;
      const db = await proxyTo(url, 5432);
      const own = await openDatabase({ url: db.url, poolMax: 4, connectTimeoutMs: 1000 });
      const registry = new Registry();
      const { logger, events } = capturedLog('info');
      const { messaging } = await start(configFor(), { db: own.db, registry, logger });
      const health = await startWorkerHealth({
        port: 0,
        host: '127.0.0.1',
        database: own,
        registry,
        checks: () => messaging.checks(),
      });
      try {
        const recipients = await queue(300, 'db-away');
        await eventually(() => recipients.filter((r) => h.sink.to(r).length).length >= 30);
        await db.proxy.stop();
        await eventually(() => events.some((e) => e.event === 'mail_paused'), 20_000);
        const ready = await fetch(`http://127.0.0.1:${health.port}/health/ready`);
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { checks: Record<string, string> };
        expect(body.checks.database).toMatch(/^failing/);
        await new Promise((r) => setTimeout(r, 1500));
        await db.proxy.start();
        const back = nextDelivery();
        const ms = await back;
        recordRecovery('mail worker: database away → next mail sent', ms);
        await deliveredOnce(recipients);
        await eventually(() => events.some((e) => e.event === 'mail_resumed'), 10_000);
        expect(events.filter((e) => e.event === 'mail_paused')).toHaveLength(1);
        await timeUntil(
          async () => (await fetch(`http://127.0.0.1:${health.port}/health/ready`)).status === 200,
        );
      } finally {
        await health.close();
        await db.proxy.stop();
        await own.close();
      }
    }, 120_000);
  });

  describe('RabbitMQ', () => {
    it('reconnects within 5 s of the broker returning after a long cut, and delivers what waited', async () => {
      const broker = await proxyTo(h.amqpUrl!, 5672);
      const { logger, events } = capturedLog('debug');
      const { messaging, broker: connection } = await start(configFor(), {
        url: broker.url,
        logger,
      });
      try {
        const before = await queue(10, 'before-cut');
        await deliveredOnce(before);
        await broker.proxy.stop();
        await eventually(() => !connection.connected, 10_000);
        // Long enough for the delay between attempts to grow to its cap.
        await new Promise((r) => setTimeout(r, 12_000));
        const delays = events
          .filter((e) => e.event === 'broker_unreachable')
          .map((e) => e.retryInMs as number);
        expect(delays.length).toBeGreaterThanOrEqual(4);
        expect(Math.max(...delays)).toBeLessThanOrEqual(5000);
        // One warning for the outage; the attempts after it at debug level.
        expect(
          events.filter((e) => String(e.event).startsWith('broker_') && e.level === 40),
        ).toHaveLength(1);
        expect((await messaging.checks()).broker).toMatch(/^failing/);
        const during = await queue(20, 'during-cut');
        await broker.proxy.start();
        const ms = await timeUntil(async () => connection.connected, 15_000);
        recordRecovery('rabbitmq: 12 s cut → reconnected', ms);
        // 5 s cap plus the connection handshake on a loaded machine.
        expect(ms).toBeLessThan(6_500);
        await deliveredOnce(during);
      } finally {
        await broker.proxy.stop();
      }
    }, 90_000);

    it('reopens its channel on the same connection after a channel error and carries on', async () => {
      const { logger, events } = capturedLog('info');
      let broken = false;
      await start(configFor(), {
        logger,
        hooks: {
          async beforeAck(_msg, ch, raw) {
            if (broken) return;
            broken = true;
            // Acknowledged twice: the broker closes the channel with 406 PRECONDITION_FAILED.
            ch.ack(raw);
          },
        },
      });
      const recipients = await queue(100, 'channel-error');
      await eventually(() => events.some((e) => e.event === 'mail_channel_error'), 30_000);
      const started = Date.now();
      await deliveredOnce(recipients);
      recordRecovery('rabbitmq: channel error → all delivered', Date.now() - started);
      expect(JSON.stringify(events.find((e) => e.event === 'mail_channel_error'))).toMatch(
        /PRECONDITION_FAILED|unknown delivery tag/,
      );
    }, 60_000);

    it('consumes again when its queue is deleted under it', async () => {
      const config = configFor();
      const { messaging } = await start(config);
      await deliveredOnce(await queue(5, 'before-delete'));
      const c = await amqp.connect(h.amqpUrl!);
      const ch = await c.createChannel();
      await ch.deleteQueue(`${config.AMQP_PREFIX}.mail`);
      await c.close();
      // The worker re-declares its queue and consumes; the relay publishes to it again.
      await eventuallyAsync(async () =>
        expect((await messaging.checks()).worker).toMatch(/^ok \(consuming/),
      );
      await deliveredOnce(await queue(20, 'after-delete'));
    }, 60_000);
  });

  describe('SMTP', () => {
    it('pauses on a burst of 451 answers instead of parking every mail in a retry queue', async () => {
      let refusing = false;
      h.sink.rule = () => (refusing ? { code: 451, message: 'Try again later' } : undefined);
      const registry = new Registry();
      const { logger, events } = capturedLog('info');
      const { messaging } = await start(configFor({ MAIL_PREFETCH: '20' }), { registry, logger });
      const health = await startWorkerHealth({
        port: 0,
        host: '127.0.0.1',
        database: h.t.database,
        registry,
        checks: () => messaging.checks(),
      });
      try {
        const recipients = await queue(300, 'burst');
        await eventually(() => recipients.filter((r) => h.sink.to(r).length).length >= 30);
        refusing = true;
        await eventually(() => events.some((e) => e.event === 'mail_paused'), 20_000);
        const ready = await fetch(`http://127.0.0.1:${health.port}/health/ready`);
        expect(ready.status).toBe(503);
        expect(((await ready.json()) as { checks: Record<string, string> }).checks.worker).toMatch(
          /paused, mail server away \(451/,
        );
        await new Promise((r) => setTimeout(r, 4000));
        refusing = false;
        const ms = await nextDelivery();
        recordRecovery('smtp: 4 s of 451 answers → next mail sent', ms);
        await deliveredOnce(recipients);
        // Before: 880–1,670 of 3,000 mails went to the 10 s retry queue. Now: only the mails
        // that failed before the gate saw an outage (fewer than its threshold of 3).
        expect(await retried(recipients)).toBeLessThanOrEqual(2);
        expect(events.filter((e) => e.event === 'mail_paused')).toHaveLength(1);
        const text = await (await fetch(`http://127.0.0.1:${health.port}/metrics`)).text();
        expect(
          metricValue(text, 'mail_messages_handled_total{outcome="sent"}'),
        ).toBeGreaterThanOrEqual(300);
        expect(metricValue(text, 'mail_messages_given_back_total{reason="smtp"}')).toBeGreaterThan(
          0,
        );
        expect(metricValue(text, 'mail_seconds_since_last_delivery')).toBeLessThan(30);
        expect(metricValue(text, 'mail_messages_waiting')).toBe(0);
        expect(text).toMatch(/mail_accept_to_record_seconds_count \d+/);
        await timeUntil(
          async () => (await fetch(`http://127.0.0.1:${health.port}/health/ready`)).status === 200,
        );
      } finally {
        await health.close();
      }
    }, 120_000);

    it('pauses at once when the mail server refuses connections, and resumes when it is back', async () => {
      const smtp = await proxyTo(h.sink.url, 25);
      const smtpUrl = `smtp://127.0.0.1:${smtp.proxy.port}`;
      const { logger, events } = capturedLog('info');
      const { messaging } = await start(configFor({ SMTP_URL: smtpUrl }), { logger });
      try {
        const recipients = await queue(300, 'refused');
        await eventually(() => recipients.filter((r) => h.sink.to(r).length).length >= 30);
        await smtp.proxy.stop();
        await eventually(() => events.some((e) => e.event === 'mail_paused'), 20_000);
        expect((await messaging.checks()).worker).toMatch(/paused, mail server away/);
        await new Promise((r) => setTimeout(r, 3000));
        await smtp.proxy.start();
        const ms = await nextDelivery();
        recordRecovery('smtp: refused for 3 s → next mail sent', ms);
        // The cut also breaks the SMTP transactions in flight: a mail the server had taken but
        // whose answer never reached us (RFC 1047) is sent again, with the same Message-ID.
        const repeats = await deliveredAtLeastOnce(recipients);
        expect(repeats.length).toBeLessThanOrEqual(5); // nodemailer's pool: 5 connections
        // A refused connection is the server's, not the mail's: no mail spent an attempt on it.
        expect(await retried(recipients)).toBe(0);
      } finally {
        await smtp.proxy.stop();
      }
    }, 120_000);
  });
});

async function metricCount(messaging: Messaging, which: 'failed'): Promise<number> {
  const { values } = await messaging.metrics[which].get();
  return values.reduce((a, b) => a + b.value, 0);
}
