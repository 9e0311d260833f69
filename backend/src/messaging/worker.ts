import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { closeQuietly, type Broker } from './broker';
import {
  alreadySent,
  attemptDelivery,
  recordOutcome,
  type DeliveryDeps,
  type MailMessage,
  type Outcome,
} from './delivery';
import { retryRoute, type Topology } from './topology';

export interface WorkerHooks {
  /** Test seam: runs after the delivery is recorded and before the ack (a crash here is the
   *  "sent but not acknowledged" case). */
  beforeAck?(msg: MailMessage): Promise<void>;
}

/**
 * The mail worker: consumes the mail queue with a prefetch limit, sends each mail over SMTP,
 * records the delivery by idempotency key and only then acknowledges. A redelivered message
 * (the worker died before its ack, or the relay published twice) finds the mail recorded as
 * sent and is acknowledged without sending. A temporary failure goes to the retry queue of its
 * delay (published and confirmed before the original is acknowledged); a permanent one, or the
 * last attempt, to the dead-letter queue.
 */
export class MailWorker {
  private channel: ConfirmChannel | undefined;
  private stopped = false;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      broker: Broker;
      topology: Topology;
      delivery: DeliveryDeps;
      retryDelaysMs: readonly number[];
      prefetch: number;
      log: Logger;
      hooks?: WorkerHooks;
    },
  ) {}

  /** Consumes on every (re)connection of the broker. */
  start(): Promise<void> {
    return this.deps.broker.onConnect((c) => this.attach(c));
  }

  private async attach(connection: ChannelModel): Promise<void> {
    if (this.stopped) return;
    const ch = await connection.createConfirmChannel();
    ch.on('error', () => undefined); // 'close' follows; unacknowledged messages are redelivered
    ch.on('close', () => this.channel === ch && (this.channel = undefined));
    await ch.prefetch(this.deps.prefetch);
    this.channel = ch;
    await ch.consume(this.deps.topology.queue, (raw) => {
      if (!raw) return; // the broker cancelled the consumer; the next connection re-attaches
      const work = this.handle(ch, raw).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight]);
    await closeQuietly(this.channel);
    this.channel = undefined;
  }

  private async handle(ch: ConfirmChannel, raw: ConsumeMessage): Promise<void> {
    const { db, log } = this.deps;
    const attempt = Number(raw.properties.headers?.['x-attempt'] ?? 1);
    let msg: MailMessage;
    try {
      msg = JSON.parse(raw.content.toString('utf8')) as MailMessage;
      if (typeof msg.idempotencyKey !== 'string') throw new Error('no idempotency key');
    } catch (err) {
      log.error(
        { event: 'mail_unreadable', reason: (err as Error).message },
        'unreadable mail message',
      );
      await this.republish(ch, raw, 'mail.dead', attempt, (err as Error).message);
      ch.ack(raw);
      return;
    }
    try {
      if (await alreadySent(db, msg.idempotencyKey)) {
        log.info({ event: 'mail_duplicate', outboxId: msg.outboxId }, 'mail already sent; dropped');
        ch.ack(raw);
        return;
      }
      const outcome = await attemptDelivery(this.deps.delivery, msg, attempt);
      await this.route(ch, raw, attempt, outcome);
      await recordOutcome(db, msg.idempotencyKey, attempt, outcome);
      this.logOutcome(msg, attempt, outcome);
      await this.deps.hooks?.beforeAck?.(msg);
      ch.ack(raw);
    } catch (err) {
      // The database or the channel failed mid-way: leave the message unacknowledged; it comes
      // back (to this or another worker) once the channel closes, and is checked again.
      log.warn(
        { event: 'mail_handling_failed', outboxId: msg.outboxId, reason: (err as Error).message },
        'mail handling failed; it will be redelivered',
      );
      await closeQuietly(ch);
    }
  }

  private async route(ch: ConfirmChannel, raw: ConsumeMessage, attempt: number, outcome: Outcome) {
    if (outcome.kind === 'retry') {
      const { routingKey } = retryRoute(this.deps.topology, this.deps.retryDelaysMs, attempt);
      await this.republish(ch, raw, routingKey, attempt + 1, outcome.error);
    } else if (outcome.kind === 'dead') {
      await this.republish(ch, raw, 'mail.dead', attempt, outcome.error);
    }
  }

  private async republish(
    ch: ConfirmChannel,
    raw: ConsumeMessage,
    routingKey: string,
    attempt: number,
    error: string,
  ): Promise<void> {
    ch.publish(this.deps.topology.exchange, routingKey, raw.content, {
      persistent: true,
      contentType: 'application/json',
      messageId: raw.properties.messageId as string | undefined,
      headers: { 'x-attempt': attempt, 'x-last-error': error },
    });
    await ch.waitForConfirms();
  }

  private logOutcome(msg: MailMessage, attempt: number, outcome: Outcome) {
    // The recipient's address is personal data: the log names the outbox row instead.
    const fields = { outboxId: msg.outboxId, template: msg.template, attempt };
    if (outcome.kind === 'sent') this.deps.log.info({ event: 'mail_sent', ...fields }, 'mail sent');
    else
      this.deps.log.warn(
        {
          event: outcome.kind === 'retry' ? 'mail_retry' : 'mail_dead_lettered',
          ...fields,
          reason: outcome.error,
        },
        outcome.kind === 'retry' ? 'mail failed; will retry' : 'mail dead-lettered',
      );
  }
}
