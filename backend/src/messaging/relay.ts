import { sql, type Kysely } from 'kysely';
import type { ConfirmChannel } from 'amqplib';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { closeQuietly, type Broker } from './broker';
import { toMessage } from './delivery';
import type { Topology } from './topology';
import { Poller } from './poller';

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
    this.channel = ch;
    return ch;
  }

  /** Publishes one batch; answers how many rows went out (a full batch means: go on at once). */
  async publishBatch(): Promise<number> {
    const { db, topology } = this.deps;
    const batchSize = this.deps.batchSize ?? 200;
    const ch = await this.confirmChannel();
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'idempotencyKey', 'recipient', 'template', 'language', 'data', 'sealedData'])
        .where('status', '=', 'queued')
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      for (const row of rows) {
        ch.publish(topology.exchange, 'mail', Buffer.from(JSON.stringify(toMessage(row))), {
          persistent: true,
          contentType: 'application/json',
          messageId: row.idempotencyKey,
          headers: { 'x-attempt': 1 },
        });
      }
      await ch.waitForConfirms();
      await trx
        .updateTable('outbox')
        .set({ status: 'published', publishedAt: sql<Date>`now()` })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length === batchSize ? Number.POSITIVE_INFINITY : rows.length;
    });
  }
}
