import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { attemptDelivery, recordOutcome, toMessage, type DeliveryDeps } from './delivery';
import { Poller } from './poller';

/** A claim older than this belongs to a process that died mid-send: the mail is tried again. */
const STALE_CLAIM = '10 minutes';

/**
 * Delivery without a broker (no AMQP_URL: the embedded default). Due outbox rows are claimed
 * in a short transaction (status `published` = taken by this process), sent outside it (so a
 * slow SMTP server never holds a lock, and PGlite's single connection stays free), and the
 * outcome recorded; a temporary failure is tried again at `next_attempt_at` with the same
 * growing delays as the broker's retry queues.
 */
export class LocalDelivery {
  private readonly poller: Poller;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      delivery: DeliveryDeps;
      retryDelaysMs: readonly number[];
      log: Logger;
      pollMs: number;
      batchSize?: number;
    },
  ) {
    this.poller = new Poller(() => this.deliverBatch(), deps.pollMs, deps.log, 'mail delivery');
  }

  start(): void {
    this.poller.start();
  }

  nudge(): void {
    this.poller.nudge();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  async deliverBatch(): Promise<number> {
    const { db, retryDelaysMs } = this.deps;
    const batchSize = this.deps.batchSize ?? 20;
    const rows = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'failed'), eb('nextAttemptAt', '<=', sql<Date>`now()`)]),
            eb.and([
              eb('status', '=', 'published'),
              eb('lastAttemptAt', '<', sql<Date>`now() - ${STALE_CLAIM}::interval`),
            ]),
          ]),
        )
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      return trx
        .updateTable('outbox')
        .set({
          status: 'published',
          publishedAt: sql<Date>`now()`,
          lastAttemptAt: sql<Date>`now()`,
        })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .returningAll()
        .execute();
    });
    for (const row of rows) {
      const attempt = row.attempts + 1;
      const outcome = await attemptDelivery(this.deps.delivery, toMessage(row), attempt);
      const delay = retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] ?? 60_000;
      await recordOutcome(db, row.idempotencyKey, attempt, outcome, new Date(Date.now() + delay));
      const fields = { outboxId: Number(row.id), template: row.template, attempt };
      if (outcome.kind === 'sent')
        this.deps.log.info({ event: 'mail_sent', ...fields }, 'mail sent');
      else
        this.deps.log.warn(
          { event: `mail_${outcome.kind}`, ...fields, reason: outcome.error },
          'mail not sent',
        );
    }
    return rows.length === batchSize ? Number.POSITIVE_INFINITY : rows.length;
  }
}
