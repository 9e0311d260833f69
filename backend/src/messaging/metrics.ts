import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * What the relay and the mail worker tell `/metrics` and readiness: counters of what happened,
 * and the worker's present state (channel, consumer, pauses, last progress) that readiness reads.
 */
export class MessagingMetrics {
  readonly handled: Counter<'outcome'>;
  readonly failed: Counter<'reason'>;
  readonly redelivered: Counter;
  readonly givenBack: Counter<'reason'>;
  readonly published: Counter;
  readonly acceptToRecord: Histogram;
  readonly paused: Gauge<'reason'>;

  /** When the worker last sent a mail; the process start before the first. */
  lastDeliveryAt = Date.now();
  /** When the worker last finished a message (any outcome): "consuming" means this moves. */
  lastProgressAt = Date.now();
  /** When the relay last published a batch or found nothing to publish. */
  lastRelayAt = Date.now();
  /** Messages waiting in the mail queue, as the broker last said (undefined: not known). */
  waiting: (() => Promise<number | undefined>) | undefined;
  /** Outbox rows waiting for the relay. */
  queuedRows: (() => Promise<number | undefined>) | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    this.handled = new Counter({
      name: 'mail_messages_handled_total',
      help: 'Mail messages the worker finished, by outcome (sent, retry, dead, duplicate)',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.failed = new Counter({
      name: 'mail_messages_failed_total',
      help: 'Mail messages whose handling failed (database, broker channel) and that come back',
      labelNames: ['reason'] as const,
      registers,
    });
    this.redelivered = new Counter({
      name: 'mail_messages_redelivered_total',
      help: 'Mail messages the broker delivered again (a worker died or gave them back)',
      registers,
    });
    this.givenBack = new Counter({
      name: 'mail_messages_given_back_total',
      help: 'Mail messages given back to the queue untried, by reason (smtp, database, failure)',
      labelNames: ['reason'] as const,
      registers,
    });
    this.published = new Counter({
      name: 'mail_outbox_published_total',
      help: 'Outbox rows the relay published to the broker',
      registers,
    });
    this.acceptToRecord = new Histogram({
      name: 'mail_accept_to_record_seconds',
      help: 'From the SMTP server accepting a mail to its delivery being recorded: a worker killed in this window sends the mail again',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    });
    this.paused = new Gauge({
      name: 'mail_consumer_paused',
      help: 'The mail worker stopped taking messages because a dependency is away (1), by reason',
      labelNames: ['reason'] as const,
      registers,
    });
    // prom-client calls collect() with the gauge as `this`: the state is read through `state`.
    const state = { metrics: this };
    new Gauge({
      name: 'mail_seconds_since_last_delivery',
      help: 'Seconds since the worker last sent a mail (since the process started, before the first)',
      registers,
      collect() {
        this.set((Date.now() - state.metrics.lastDeliveryAt) / 1000);
      },
    });
    new Gauge({
      name: 'mail_messages_waiting',
      help: 'Messages waiting in the mail queue (as the broker says; absent when not known)',
      registers,
      async collect() {
        const n = await state.metrics.waiting?.().catch(() => undefined);
        if (n === undefined) this.reset();
        else this.set(n);
      },
    });
    new Gauge({
      name: 'mail_outbox_queued',
      help: 'Outbox rows waiting for the relay to publish them',
      registers,
      async collect() {
        const n = await state.metrics.queuedRows?.().catch(() => undefined);
        if (n === undefined) this.reset();
        else this.set(n);
      },
    });
  }
}
