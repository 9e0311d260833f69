import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { isDatabaseUnavailable } from '../db/availability';
import { closeQuietly, type Broker } from './broker';
import {
  alreadySent,
  deliverGated,
  recordOutcome,
  type DeliveryDeps,
  type MailMessage,
  type Outcome,
} from './delivery';
import { declareTopology, retryRoute, type Topology } from './topology';
import { SmtpGate } from './smtp-gate';
import { backoffMs } from './backoff';
import { publishConfirmed } from './publish';
import type { MessagingMetrics } from './metrics';

export interface WorkerHooks {
  /** Test seam: runs after the delivery is recorded and before the ack (a crash here is the
   *  "sent but not acknowledged" case). */
  beforeAck?(msg: MailMessage, ch: ConfirmChannel, raw: ConsumeMessage): Promise<void>;
}

/** Why the worker is not taking messages: a dependency it needs is away. */
type PauseReason = 'smtp' | 'database';

/**
 * A message given back this many times is parked in the shortest retry queue instead (same
 * attempt, not counted): RabbitMQ 4 drops a quorum-queue message past its delivery limit (20 by
 * default) when the queue has no dead-letter target, and a loop of give-backs must never do that.
 */
const PARK_AFTER_DELIVERIES = 10;

/**
 * The mail worker: consumes the mail queue with a prefetch limit, sends each mail over SMTP,
 * records the outcome by idempotency key and only then acknowledges. A redelivered message
 * (the worker died before its ack, or the relay published twice) finds the mail recorded as
 * sent and is acknowledged without sending. A temporary failure of one mail goes to the retry
 * queue of its delay (published and confirmed before the original is acknowledged); a permanent
 * one, or the last attempt, to the dead-letter queue.
 *
 * A dependency that goes away pauses consumption rather than failing mail after mail: the SMTP
 * server (refusing, not answering, a burst of 4xx: `SmtpGate`) or the database. Messages in hand
 * are given back untried, a probe looks for the dependency's return, and consumption resumes by
 * itself. A failed write of one message gives it back and consumption goes on. A channel the
 * broker closes (an error, the queue deleted) is reopened on the same connection.
 */
export class MailWorker {
  private channel: ConfirmChannel | undefined;
  private consumerTag: string | undefined;
  private consuming = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly paused = new Map<PauseReason, string>();
  /** Dependencies away since the last 'mail_paused' line (cleared with 'mail_resumed'). */
  private readonly outages = new Set<PauseReason>();
  private reattachTimer: NodeJS.Timeout | undefined;
  private reattempts = 0;
  /** Mails this process sent whose outcome it could not record yet: not sent again on redelivery. */
  private readonly unrecorded = new Map<string, Outcome>();
  private readonly wakeHolds = new Set<() => void>();
  readonly gate: SmtpGate;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      broker: Broker;
      topology: Topology;
      delivery: DeliveryDeps;
      retryDelaysMs: readonly number[];
      prefetch: number;
      log: Logger;
      metrics: MessagingMetrics;
      hooks?: WorkerHooks;
      /** Cap of the probe delays while paused (tests shorten it). */
      probeCapMs?: number;
    },
  ) {
    // open → half-open → open again is one outage of the mail server: logged once.
    this.gate = new SmtpGate({
      onOpen: (reason) => this.pause('smtp', reason),
      onHalfOpen: () => this.resume('smtp', true),
      onClose: () => this.resume('smtp'),
    });
  }

  /** Consumes on every (re)connection of the broker. */
  start(): Promise<void> {
    return this.deps.broker.onConnect((c) => this.attach(c));
  }

  /** For readiness: what stops this worker from consuming, if anything. */
  status(): { channel: boolean; consuming: boolean; paused: Record<string, string> } {
    return {
      channel: this.channel !== undefined,
      consuming: this.consumerTag !== undefined,
      paused: Object.fromEntries(this.paused),
    };
  }

  private async attach(connection: ChannelModel): Promise<void> {
    if (this.stopped || this.channel) return;
    const ch = await connection.createConfirmChannel();
    ch.on('error', (err: Error) =>
      this.deps.log.warn(
        { event: 'mail_channel_error', reason: err.message },
        'mail worker channel error; reopening it',
      ),
    );
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = undefined;
      this.consumerTag = undefined;
      // Unacknowledged messages go back to the queue; a channel the broker closed while the
      // connection lives (a channel error, the queue deleted) is reopened here, since no
      // reconnect will come to do it.
      this.scheduleReattach();
    });
    // The queue may have been deleted and is about to be consumed again: declare it (idempotent).
    await declareTopology(ch, this.deps.topology);
    await ch.prefetch(this.deps.prefetch);
    this.channel = ch;
    this.reattempts = 0;
    if (this.paused.size === 0) await this.consume(ch);
  }

  private scheduleReattach() {
    if (this.stopped) return;
    clearTimeout(this.reattachTimer);
    this.reattachTimer = setTimeout(
      () => {
        if (this.stopped || this.channel || !this.deps.broker.connected) return;
        this.attach(this.deps.broker.current()).catch((err: Error) => {
          this.deps.log.warn(
            { event: 'mail_channel_reopen_failed', reason: err.message },
            'reopening the mail worker channel failed; trying again',
          );
          this.scheduleReattach();
        });
      },
      backoffMs(this.reattempts++, 200, 5000),
    );
    this.reattachTimer.unref();
  }

  private async consume(ch: ConfirmChannel) {
    if (this.consuming) return;
    this.consuming = true;
    try {
      const { consumerTag } = await ch.consume(this.deps.topology.queue, (raw) => {
        if (!raw) {
          // The broker cancelled the consumer (the queue was deleted): reopen and consume again.
          if (this.channel === ch) void closeQuietly(ch);
          return;
        }
        const work = this.handle(ch, raw)
          .catch((err: Error) =>
            this.deps.log.warn(
              { event: 'mail_handling_failed', reason: err.message },
              'mail handling failed; the message comes back',
            ),
          )
          .finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      });
      // Paused while the consumer was being set up: stop it again at once.
      if (this.paused.size > 0 || this.stopped || this.channel !== ch)
        await ch.cancel(consumerTag).catch(() => undefined);
      else this.consumerTag = consumerTag;
    } finally {
      this.consuming = false;
    }
  }

  /** Stops taking messages (those in hand finish or are given back) until `resume(reason)`. */
  private pause(reason: PauseReason, why: string) {
    const already = this.paused.has(reason);
    this.paused.set(reason, why);
    if (already) return;
    this.deps.metrics.paused.set({ reason }, 1);
    if (!this.outages.has(reason)) {
      this.outages.add(reason);
      this.deps.log.warn(
        { event: 'mail_paused', reason, detail: why },
        `mail delivery paused: the ${reason === 'smtp' ? 'mail server' : 'database'} is away`,
      );
    }
    // Cancelled before any message in hand is given back (same channel, so in that order):
    // the broker does not hand them straight back to this paused consumer.
    const ch = this.channel;
    const tag = this.consumerTag;
    this.consumerTag = undefined;
    if (ch && tag) ch.cancel(tag).catch(() => undefined);
    if (reason === 'smtp') void this.probeSmtp();
    else void this.probeDatabase();
  }

  /** `trial`: the gate lets one mail through to see; the outage is over only when it delivers. */
  private resume(reason: PauseReason, trial = false) {
    if (!trial && this.outages.delete(reason))
      this.deps.log.info({ event: 'mail_resumed', reason }, 'mail delivery resumed');
    if (!this.paused.delete(reason)) return;
    this.deps.metrics.paused.set({ reason }, 0);
    if (this.paused.size > 0 || this.stopped) return;
    const ch = this.channel;
    if (ch && !this.consumerTag) this.consume(ch).catch(() => undefined);
  }

  /** While the gate is open: connect and greet, at growing intervals, until the server answers. */
  private async probeSmtp() {
    for (let n = 0; !this.stopped && this.gate.state === 'open'; n++) {
      await this.sleep(backoffMs(n, 250, this.deps.probeCapMs ?? 5000));
      if (this.stopped || this.gate.state !== 'open') return;
      try {
        await this.deps.delivery.sender.verify();
        this.gate.halfOpen(); // one mail goes through next: it decides
        return;
      } catch {
        /* still away */
      }
    }
  }

  private async probeDatabase() {
    for (let n = 0; !this.stopped && this.paused.has('database'); n++) {
      await this.sleep(backoffMs(n, 250, this.deps.probeCapMs ?? 5000));
      try {
        await sql`select 1`.execute(this.deps.db);
        this.resume('database');
        return;
      } catch {
        /* still away */
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reattachTimer);
    for (const wake of this.wakeHolds) wake();
    const ch = this.channel;
    if (ch && this.consumerTag) await ch.cancel(this.consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    this.channel = undefined;
    await closeQuietly(ch);
  }

  private async handle(ch: ConfirmChannel, raw: ConsumeMessage): Promise<void> {
    const { db, log, metrics } = this.deps;
    const attempt = Number(raw.properties.headers?.['x-attempt'] ?? 1);
    if (raw.fields.redelivered) metrics.redelivered.inc();
    let msg: MailMessage;
    try {
      msg = JSON.parse(raw.content.toString('utf8')) as MailMessage;
      if (typeof msg.idempotencyKey !== 'string') throw new Error('no idempotency key');
    } catch (err) {
      log.error(
        { event: 'mail_unreadable', reason: (err as Error).message },
        'unreadable mail message',
      );
      await this.settle(ch, raw, 'mail.dead', attempt, (err as Error).message).catch(() =>
        closeQuietly(ch),
      );
      return;
    }
    if (this.paused.size > 0) return this.giveBack(ch, raw, [...this.paused.keys()][0]!);
    try {
      if (await alreadySent(db, msg.idempotencyKey)) {
        log.info({ event: 'mail_duplicate', outboxId: msg.outboxId }, 'mail already sent; dropped');
        this.unrecorded.delete(msg.idempotencyKey);
        metrics.handled.inc({ outcome: 'duplicate' });
        metrics.lastProgressAt = Date.now();
        ch.ack(raw);
        return;
      }
    } catch (err) {
      return this.failed(ch, raw, msg, err);
    }
    // Sent by this process before, but not recorded (the database failed): record, don't resend.
    let outcome = this.unrecorded.get(msg.idempotencyKey);
    let acceptedAt: number | undefined;
    if (!outcome) {
      const result = await deliverGated(this.gate, this.deps.delivery, msg, attempt);
      if (result.kind === 'held') return this.giveBack(ch, raw, 'smtp');
      outcome = result;
      if (outcome.kind === 'sent') acceptedAt = performance.now();
    }
    try {
      await recordOutcome(db, msg.idempotencyKey, attempt, outcome);
    } catch (err) {
      if (outcome.kind === 'sent') this.remember(msg.idempotencyKey, outcome);
      return this.failed(ch, raw, msg, err);
    }
    this.unrecorded.delete(msg.idempotencyKey);
    if (acceptedAt !== undefined)
      metrics.acceptToRecord.observe((performance.now() - acceptedAt) / 1000);
    try {
      if (outcome.kind === 'retry') {
        const { routingKey } = retryRoute(this.deps.topology, this.deps.retryDelaysMs, attempt);
        await this.republish(ch, raw, routingKey, attempt + 1, outcome.error);
      } else if (outcome.kind === 'dead') {
        await this.republish(ch, raw, 'mail.dead', attempt, outcome.error);
      }
      await this.deps.hooks?.beforeAck?.(msg, ch, raw);
      ch.ack(raw);
    } catch (err) {
      // Publishing the copy failed (the channel broke, or a retry queue is missing): close the
      // channel; it is reopened with the topology declared again, and the message, never
      // acknowledged, comes back. The outcome is recorded, so a sent mail is not sent again.
      metrics.failed.inc({ reason: 'channel' });
      log.warn(
        { event: 'mail_handling_failed', outboxId: msg.outboxId, reason: (err as Error).message },
        'mail handling failed on the broker channel; it will be redelivered',
      );
      await closeQuietly(ch);
      return;
    }
    this.logOutcome(msg, attempt, outcome);
    metrics.handled.inc({ outcome: outcome.kind });
    metrics.lastProgressAt = Date.now();
    if (outcome.kind === 'sent') metrics.lastDeliveryAt = Date.now();
  }

  /**
   * The database failed while handling this message. Away altogether: pause until it answers
   * again. One write failing: give the message back after a pause that grows with its deliveries,
   * so one bad row neither spins nor stops the others.
   */
  private async failed(ch: ConfirmChannel, raw: ConsumeMessage, msg: MailMessage, err: unknown) {
    const unavailable = isDatabaseUnavailable(err);
    this.deps.metrics.failed.inc({ reason: 'database' });
    this.deps.log.warn(
      { event: 'mail_handling_failed', outboxId: msg.outboxId, reason: (err as Error).message },
      'recording the mail failed; it goes back to the queue and comes again',
    );
    if (unavailable) {
      this.pause('database', (err as Error).message);
      return this.giveBack(ch, raw, 'database');
    }
    await this.sleep(Math.min(500 * deliveries(raw), 10_000));
    return this.giveBack(ch, raw, 'failure');
  }

  /** Back to the queue untried: requeued, or parked in a retry queue after many deliveries. */
  private async giveBack(ch: ConfirmChannel, raw: ConsumeMessage, reason: string) {
    this.deps.metrics.givenBack.inc({ reason });
    try {
      if (deliveries(raw) < PARK_AFTER_DELIVERIES) return ch.nack(raw, false, true);
      const attempt = Number(raw.properties.headers?.['x-attempt'] ?? 1);
      const shortest = this.deps.topology.retryQueues.reduce((a, b) =>
        a.delayMs <= b.delayMs ? a : b,
      );
      await this.settle(ch, raw, shortest.routingKey, attempt, `given back: ${reason}`);
    } catch {
      // The channel is gone or the retry queue is: closed and reopened, the message comes back.
      await closeQuietly(ch);
    }
  }

  /** Publishes a copy (confirmed) and acknowledges the original. */
  private async settle(
    ch: ConfirmChannel,
    raw: ConsumeMessage,
    routingKey: string,
    attempt: number,
    error: string,
  ) {
    await this.republish(ch, raw, routingKey, attempt, error);
    ch.ack(raw);
  }

  private remember(key: string, outcome: Outcome) {
    if (this.unrecorded.size >= 10_000) this.unrecorded.clear(); // bounded; at worst a repeat
    this.unrecorded.set(key, outcome);
  }

  /** A pause that `stop()` cuts short. */
  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeHolds.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeHolds.add(wake);
    });
  }

  private async republish(
    ch: ConfirmChannel,
    raw: ConsumeMessage,
    routingKey: string,
    attempt: number,
    error: string,
  ): Promise<void> {
    await publishConfirmed(ch, this.deps.topology.exchange, [
      {
        routingKey,
        content: raw.content,
        options: {
          persistent: true,
          contentType: 'application/json',
          messageId: String(raw.properties.messageId ?? ''),
          headers: { 'x-attempt': attempt, 'x-last-error': error },
        },
      },
    ]);
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

/** How often the broker has delivered this message (quorum queues count; classic ones flag). */
function deliveries(raw: ConsumeMessage): number {
  const counted = Number(raw.properties.headers?.['x-delivery-count']);
  if (Number.isFinite(counted) && counted > 0) return counted + 1;
  return raw.fields.redelivered ? 2 : 1;
}
