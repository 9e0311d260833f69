/**
 * messaging/: the e-mail the register sends — queued in the outbox in the transaction of the change
 * it reports, published to RabbitMQ by the relay, sent by the mail worker (or delivered in-process
 * without AMQP_URL), with templates, retries, dead letters, the SMTP gate, readiness and metrics.
 * This file wires them into a process. The letters' texts are backend/templates/mail/.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { Broker } from './broker';
import type { DeliveryDeps } from './delivery';
import { LocalDelivery } from './local-delivery';
import { onOutboxCommitted } from './outbox';
import { createMailSender, type MailSender } from './mail-sender';
import { OutboxRelay } from './relay';
import { declareTopology, topology } from './topology';
import { MailWorker, type WorkerHooks } from './worker';
import { MessagingMetrics } from './metrics';
import { messagingChecks } from './readiness';

export interface Messaging {
  /** A mail was queued: look now rather than at the next poll. */
  nudge(): void;
  stop(): Promise<void>;
  readonly mode: 'rabbitmq' | 'in-process';
  readonly sender: MailSender;
  readonly metrics: MessagingMetrics;
  /** Readiness checks of this process's messaging (`messaging/readiness.ts`). */
  checks(): Promise<Record<string, string>>;
}

export interface MessagingOptions {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  /** With a broker: relay and/or worker through RabbitMQ; without: in-process delivery. */
  broker?: Broker;
  roles?: { relay: boolean; worker: boolean };
  openSealed: DeliveryDeps['openSealed'];
  sender?: MailSender;
  hooks?: WorkerHooks;
  /** Where the messaging metrics go (the process's /metrics); a registry of its own otherwise. */
  registry?: Registry;
  /** Cap of the probe delays while a dependency is away (tests shorten it). */
  probeCapMs?: number;
}

/**
 * Starts the outbox relay and the mail worker (or, without a broker, the in-process deliverer).
 * `npm start` runs them inside the API process; production runs `npm run worker` / `npm run
 * relay` as processes of their own, as many as needed.
 */
export async function startMessaging(opts: MessagingOptions): Promise<Messaging> {
  const { db, config, log, broker } = opts;
  const roles = opts.roles ?? { relay: true, worker: true };
  const sender =
    opts.sender ??
    createMailSender({
      smtpUrl: config.SMTP_URL,
      mailDir: config.MAIL_DIR,
      from: config.MAIL_FROM,
    });
  const delivery: DeliveryDeps = {
    sender,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    openSealed: opts.openSealed,
  };
  const retryDelaysMs = config.MAIL_RETRY_DELAYS;
  const metrics = new MessagingMetrics(opts.registry ?? new Registry());
  const stallMs = config.WORKER_STALL_SECONDS * 1000;
  const queuedRows = async () =>
    Number(
      (
        await db
          .selectFrom('outbox')
          .select(sql<number>`count(*)`.as('n'))
          .where('status', '=', 'queued')
          .executeTakeFirstOrThrow()
      ).n,
    );

  if (!broker) {
    const local = new LocalDelivery({
      db,
      delivery,
      retryDelaysMs,
      log,
      pollMs: config.OUTBOX_POLL_MS,
      metrics,
      probeCapMs: opts.probeCapMs,
    });
    if (roles.worker) local.start();
    // Mail committed in this process goes out now, not at the next poll.
    const unsubscribe = roles.worker ? onOutboxCommitted(() => local.nudge()) : () => undefined;
    metrics.queuedRows = queuedRows;
    return {
      mode: 'in-process',
      sender,
      metrics,
      nudge: () => local.nudge(),
      checks: async () =>
        messagingChecks({
          now: Date.now(),
          stallMs,
          local: roles.worker ? { smtp: local.gate.state, reason: local.gate.reason } : undefined,
        }),
      async stop() {
        unsubscribe();
        await local.stop();
        sender.close();
      },
    };
  }

  const t = topology(config.AMQP_PREFIX, retryDelaysMs);
  await broker.onConnect(async (connection) => {
    const ch = await connection.createChannel();
    try {
      await declareTopology(ch, t);
    } finally {
      await ch.close().catch(() => undefined);
    }
  });
  const relay = roles.relay
    ? new OutboxRelay({ db, broker, topology: t, log, pollMs: config.OUTBOX_POLL_MS, metrics })
    : undefined;
  const worker = roles.worker
    ? new MailWorker({
        db,
        broker,
        topology: t,
        delivery,
        retryDelaysMs,
        prefetch: config.MAIL_PREFETCH,
        log,
        metrics,
        hooks: opts.hooks,
        probeCapMs: opts.probeCapMs,
      })
    : undefined;
  await worker?.start();
  relay?.start();
  // Mail committed in this process is published now, not at the relay's next poll.
  const unsubscribe = relay ? onOutboxCommitted(() => relay.nudge()) : () => undefined;
  if (worker) metrics.waiting = cachedFor(2000, () => waitingIn(broker, t.queue));
  if (relay) metrics.queuedRows = queuedRows;
  return {
    mode: 'rabbitmq',
    sender,
    metrics,
    nudge: () => relay?.nudge(),
    async checks() {
      const [waiting, rows] = await Promise.all([
        worker ? metrics.waiting!().catch(() => undefined) : undefined,
        relay ? queuedRows().catch(() => undefined) : undefined,
      ]);
      return messagingChecks({
        now: Date.now(),
        stallMs,
        broker: { connected: broker.connected, lastError: broker.lastError },
        worker: worker
          ? { ...worker.status(), waiting, lastProgressAt: metrics.lastProgressAt }
          : undefined,
        relay: relay ? { queuedRows: rows, lastRelayAt: metrics.lastRelayAt } : undefined,
      });
    },
    async stop() {
      unsubscribe();
      await relay?.stop();
      await worker?.stop();
      sender.close();
    },
  };
}

/** Ready messages in the queue, asked on a channel of its own (a missing queue closes it). */
async function waitingIn(broker: Broker, queue: string): Promise<number | undefined> {
  if (!broker.connected) return undefined;
  const ch = await broker.current().createChannel();
  ch.on('error', () => undefined);
  try {
    return (await ch.checkQueue(queue)).messageCount;
  } finally {
    await ch.close().catch(() => undefined);
  }
}

/** The answer of `fn`, asked again at most every `ms` (readiness and /metrics poll it). */
function cachedFor<T>(ms: number, fn: () => Promise<T>): () => Promise<T> {
  let at = 0;
  let last: Promise<T> | undefined;
  return () => {
    if (!last || Date.now() - at > ms) {
      at = Date.now();
      last = fn();
      last.catch(() => (last = undefined));
    }
    return last;
  };
}
