import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { deliverGated, recordOutcome, toMessage, type DeliveryDeps } from './delivery';
import { Poller } from './poller';
import { SmtpGate } from './smtp-gate';
import { backoffMs } from './backoff';
import type { MessagingMetrics } from './metrics';

/** A claim older than this belongs to a process that died mid-send: the mail is tried again. */
const STALE_CLAIM = '10 minutes';

/**
 * Delivery without a broker (no AMQP_URL: the embedded default). Due outbox rows are claimed
 * in a short transaction (status `published` = taken by this process), sent outside it (so a
 * slow SMTP server never holds a lock, and PGlite's single connection stays free), and the
 * outcome recorded; a temporary failure is tried again at `next_attempt_at` with the same
 * growing delays as the broker's retry queues. When the mail server is away (`SmtpGate`) the
 * claimed rows are released untried and uncounted, and polling only probes the server until it
 * answers again.
 */
export class LocalDelivery {
  private readonly poller: Poller;
  readonly gate: SmtpGate;
  private probes = 0;
  private nextProbeAt = 0;

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      delivery: DeliveryDeps;
      retryDelaysMs: readonly number[];
      log: Logger;
      pollMs: number;
      metrics: MessagingMetrics;
      batchSize?: number;
      probeCapMs?: number;
    },
  ) {
    this.poller = new Poller(() => this.deliverBatch(), deps.pollMs, deps.log, 'mail delivery');
    let outage = false; // open → half-open → open again is one outage: logged once
    this.gate = new SmtpGate({
      onOpen: (reason) => {
        if (outage) return;
        outage = true;
        deps.log.warn(
          { event: 'mail_paused', reason: 'smtp', detail: reason },
          'mail delivery paused: the mail server is away',
        );
      },
      onClose: () => {
        outage = false;
        deps.log.info({ event: 'mail_resumed', reason: 'smtp' }, 'mail delivery resumed');
      },
    });
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

  /** While the mail server is away: whether it answers again (probed at growing intervals). */
  private async serverBack(): Promise<boolean> {
    if (this.gate.state !== 'open') return true;
    if (Date.now() < this.nextProbeAt) return false;
    try {
      await this.deps.delivery.sender.verify();
      this.gate.halfOpen();
      this.probes = 0;
      return true;
    } catch {
      this.nextProbeAt = Date.now() + backoffMs(this.probes++, 250, this.deps.probeCapMs ?? 5000);
      return false;
    }
  }

  async deliverBatch(): Promise<number> {
    const { db, retryDelaysMs, metrics } = this.deps;
    if (!(await this.serverBack())) return 0;
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
    for (const [i, row] of rows.entries()) {
      const attempt = row.attempts + 1;
      const outcome = await deliverGated(this.gate, this.deps.delivery, toMessage(row), attempt);
      if (outcome.kind === 'held') {
        // The server is away: this row and the rest of the batch go back as they were.
        await releaseClaims(
          db,
          rows.slice(i).map((r) => r.id),
        );
        metrics.givenBack.inc({ reason: 'smtp' }, rows.length - i);
        this.nextProbeAt = Date.now() + backoffMs(this.probes++, 250, this.deps.probeCapMs ?? 5000);
        return 0;
      }
      const delay = retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] ?? 60_000;
      await recordOutcome(db, row.idempotencyKey, attempt, outcome, new Date(Date.now() + delay));
      metrics.handled.inc({ outcome: outcome.kind });
      metrics.lastProgressAt = Date.now();
      if (outcome.kind === 'sent') metrics.lastDeliveryAt = Date.now();
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

/** Claimed rows back to what they were (queued, or failed and due), their attempts unchanged. */
async function releaseClaims(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({
      status: sql`case when attempts = 0 then 'queued' else 'failed' end`,
      nextAttemptAt: sql<Date>`now()`,
    })
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
}
