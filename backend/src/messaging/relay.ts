import { sql, type Kysely } from 'kysely';
import type { ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { closeQuietly, type Broker } from './broker';
import { toMessage } from './delivery';
import { declareTopology, type Topology } from './topology';
import { publishConfirmed, UnroutableError } from './publish';
import { Poller } from './poller';
import type { MessagingMetrics } from './metrics';

/**
 * The outbox relay: publishes queued outbox rows to RabbitMQ on a confirm channel and marks a
 * row published only after the broker confirmed it, in the same transaction that locked the
 * rows (`FOR UPDATE SKIP LOCKED`, so several relays share the work without taking a row twice).
 * If the broker goes away mid-batch the transaction rolls back and the rows go out later; a
 * message the broker had already confirmed may then be published again, which the worker's
 * idempotency check absorbs.
 */
export class OutboxRelay {
  private channel: ConfirmChannel | undefined;
  private readonly poller: Poller;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      broker: Broker;
      topology: Topology;
      log: Logger;
      pollMs: number;
      metrics: MessagingMetrics;
      batchSize?: number;
    },
  ) {
    this.poller = new Poller(() => this.publishBatch(), deps.pollMs, deps.log, 'outbox relay');
  }

  start(): void {
    this.poller.start();
  }

  /** Look now (a mail was just queued) instead of at the next poll. */
  nudge(): void {
    this.poller.nudge();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    await closeQuietly(this.channel);
    this.channel = undefined;
  }

  private async confirmChannel(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    const ch = await this.deps.broker.current().createConfirmChannel();
    ch.on('close', () => this.channel === ch && (this.channel = undefined));
    ch.on('error', () => undefined); // 'close' follows; the batch in flight fails and rolls back
    // Idempotent; brings back a queue that was deleted since the connection was made.
    await declareTopology(ch, this.deps.topology);
    this.channel = ch;
    return ch;
  }

  private async dropChannel() {
    const ch = this.channel;
    this.channel = undefined;
    await closeQuietly(ch);
  }

  /** Publishes one batch; answers how many rows went out (a full batch means: go on at once). */
  async publishBatch(): Promise<number> {
    const { db, topology } = this.deps;
    const batchSize = this.deps.batchSize ?? 200;
    const ch = await this.confirmChannel();
    return db
      .transaction()
      .execute(async (trx) => {
        const rows = await trx
          .selectFrom('outbox')
          .select([
            'id',
            'idempotencyKey',
            'recipient',
            'template',
            'language',
            'data',
            'sealedData',
          ])
          .where('status', '=', 'queued')
          .orderBy('id')
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute();
        if (rows.length === 0) {
          this.deps.metrics.lastRelayAt = Date.now();
          return 0;
        }
        await publishConfirmed(
          ch,
          topology.exchange,
          rows.map((row) => ({
            routingKey: 'mail',
            content: Buffer.from(JSON.stringify(toMessage(row))),
            options: {
              persistent: true,
              contentType: 'application/json',
              messageId: row.idempotencyKey,
              headers: { 'x-attempt': 1 },
            },
          })),
        ).catch(async (err: unknown) => {
          // The mail queue is gone: declared again on a fresh channel before the next batch.
          if (err instanceof UnroutableError) await this.dropChannel();
          throw err;
        });
        await trx
          .updateTable('outbox')
          .set({ status: 'published', publishedAt: sql<Date>`now()` })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        return rows.length;
      })
      .then((published) => {
        // Counted once committed: a batch that rolls back goes out again later.
        if (published > 0) {
          this.deps.metrics.published.inc(published);
          this.deps.metrics.lastRelayAt = Date.now();
        }
        return published === batchSize ? Number.POSITIVE_INFINITY : published;
      });
  }
}
