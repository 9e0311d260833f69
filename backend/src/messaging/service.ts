import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { Broker } from './broker';
import type { DeliveryDeps } from './delivery';
import { LocalDelivery } from './local-delivery';
import { createMailSender, type MailSender } from './mail-sender';
import { OutboxRelay } from './relay';
import { declareTopology, topology } from './topology';
import { MailWorker, type WorkerHooks } from './worker';

export interface Messaging {
  /** A mail was queued: look now rather than at the next poll. */
  nudge(): void;
  stop(): Promise<void>;
  readonly mode: 'rabbitmq' | 'in-process';
  readonly sender: MailSender;
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

  if (!broker) {
    const local = new LocalDelivery({
      db,
      delivery,
      retryDelaysMs,
      log,
      pollMs: config.OUTBOX_POLL_MS,
    });
    if (roles.worker) local.start();
    return {
      mode: 'in-process',
      sender,
      nudge: () => local.nudge(),
      async stop() {
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
    ? new OutboxRelay({ db, broker, topology: t, log, pollMs: config.OUTBOX_POLL_MS })
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
        hooks: opts.hooks,
      })
    : undefined;
  await worker?.start();
  relay?.start();
  return {
    mode: 'rabbitmq',
    sender,
    nudge: () => relay?.nudge(),
    async stop() {
      await relay?.stop();
      await worker?.stop();
      sender.close();
    },
  };
}
