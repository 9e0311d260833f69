import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Registry } from 'prom-client';
import { parseConfig, type Config } from '../config/config';
import type { Database } from '../db/database';
import { createTestApp, type TestApp } from './test-app';
import { SmtpSink } from './smtp-sink';
import { capturedLog } from './captured-log';
import { Broker } from '../messaging/broker';
import { enqueueMail } from '../messaging/outbox';
import { startMessaging, type Messaging } from '../messaging/service';
import { sampleMailData } from '../messaging/templates';
import type { WorkerHooks } from '../messaging/worker';

/**
 * The mail path against a real RabbitMQ (AMQP_URL) and a local SMTP sink, for the messaging test
 * files: a seeded test app, a sink, and `start()` for a relay + worker with an exchange and
 * queues of its own (a prefix per start; deleted after the file). Call it at the top of a file.
 */
export function mailHarness() {
  const amqpUrl = process.env.AMQP_URL;
  const h = {
    amqpUrl,
    /** In CI the broker must be there: describe blocks use this instead of skipping. */
    enabled: Boolean(amqpUrl) || process.env.CI === 'true',
    t: undefined as unknown as TestApp,
    sink: undefined as unknown as SmtpSink,
    configFor,
    start,
    queue,
    statusOf,
    queueDepth,
  };
  const prefixes: string[] = [];
  const queueNames: Record<string, string[]> = {};
  const running: { messaging: Messaging; broker: Broker }[] = [];

  beforeAll(async () => {
    h.t = await createTestApp();
    h.sink = await SmtpSink.start();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.messaging.stop();
      await r.broker.stop();
    }
    h.sink.rule = () => undefined;
  });
  afterAll(async () => {
    if (amqpUrl) {
      const c = await amqp.connect(amqpUrl);
      const ch = await c.createChannel();
      for (const prefix of prefixes) {
        for (const q of queueNames[prefix] ?? []) await ch.deleteQueue(q).catch(() => undefined);
        await ch.deleteExchange(prefix).catch(() => undefined);
      }
      await c.close();
    }
    await h.sink?.close();
    await h.t?.close();
  });

  function configFor(over: Record<string, string> = {}): Config {
    const prefix = `test-${randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    const config = parseConfig({
      LOG_LEVEL: 'silent',
      AMQP_URL: amqpUrl,
      AMQP_PREFIX: prefix,
      SMTP_URL: h.sink.url,
      MAIL_RETRY_DELAYS: '0.2,0.4',
      MAIL_MAX_ATTEMPTS: '3',
      OUTBOX_POLL_MS: '50',
      ...over,
    });
    queueNames[prefix] = [
      `${prefix}.mail`,
      `${prefix}.mail.dead`,
      ...config.MAIL_RETRY_DELAYS.map((ms) => `${prefix}.mail.retry.${ms}`),
    ];
    return config;
  }

  async function start(
    config: Config,
    opts: {
      url?: string;
      hooks?: WorkerHooks;
      logger?: ReturnType<typeof capturedLog>['logger'];
      db?: Kysely<Database>;
      roles?: { relay: boolean; worker: boolean };
      registry?: Registry;
    } = {},
  ) {
    const log = opts.logger ?? capturedLog('silent').logger;
    const broker = new Broker(opts.url ?? amqpUrl!, log);
    await broker.start();
    const messaging = await startMessaging({
      db: opts.db ?? h.t.database.db,
      config,
      log,
      broker,
      roles: opts.roles,
      openSealed: (s) => JSON.parse(s) as Record<string, unknown>,
      hooks: opts.hooks,
      registry: opts.registry ?? new Registry(),
    });
    running.push({ messaging, broker });
    return { broker, messaging };
  }

  /** Queues `n` mails in one committed transaction; answers their recipients. */
  async function queue(n: number, tag: string): Promise<string[]> {
    const recipients = Array.from({ length: n }, (_, i) => `${tag}-${i}@example.lv`);
    await h.t.database.db.transaction().execute(async (trx) => {
      for (const recipient of recipients) {
        await enqueueMail(trx, {
          idempotencyKey: `test:${recipient}`,
          recipient,
          template: 'set-password',
          language: 'lv',
          data: sampleMailData['set-password'],
        });
      }
    });
    return recipients;
  }

  function statusOf(recipient: string) {
    return h.t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', recipient)
      .executeTakeFirstOrThrow();
  }

  /** Ready messages in one of this config's queues (`mail`, `mail.dead`, …). */
  async function queueDepth(config: Config, suffix: string): Promise<number> {
    const c = await amqp.connect(amqpUrl!);
    try {
      const ch = await c.createChannel();
      return (await ch.checkQueue(`${config.AMQP_PREFIX}.${suffix}`)).messageCount;
    } finally {
      await c.close();
    }
  }

  return h;
}
