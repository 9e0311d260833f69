import type { Channel } from 'amqplib';

/**
 * The broker's shape, declared by the application at start (idempotent):
 *
 *   exchange <prefix> (direct, durable)
 *     ├─ "mail"              → queue <prefix>.mail            (quorum)   the mail worker consumes
 *     ├─ "mail.retry.<ms>"   → queue <prefix>.mail.retry.<ms> (quorum, message TTL = ms,
 *     │                         dead-lettered back to "mail" when the TTL runs out)
 *     └─ "mail.dead"         → queue <prefix>.mail.dead       (quorum)   after the last attempt
 *
 * One retry queue per delay, so a short delay never waits behind a long one. Quorum queues
 * replicate across a RabbitMQ cluster; dead-lettering out of the retry queues is at-least-once
 * (RabbitMQ ≥ 3.10), so a mail on its way back is never dropped.
 */
export interface Topology {
  exchange: string;
  queue: string;
  deadQueue: string;
  retryQueues: { delayMs: number; queue: string; routingKey: string }[];
}

export function topology(prefix: string, retryDelaysMs: readonly number[]): Topology {
  const delays = [...new Set(retryDelaysMs)];
  return {
    exchange: prefix,
    queue: `${prefix}.mail`,
    deadQueue: `${prefix}.mail.dead`,
    retryQueues: delays.map((delayMs) => ({
      delayMs,
      queue: `${prefix}.mail.retry.${delayMs}`,
      routingKey: `mail.retry.${delayMs}`,
    })),
  };
}

/** Routing key of the retry before attempt `attempt + 1` (the last delay repeats). */
export function retryRoute(t: Topology, retryDelaysMs: readonly number[], attempt: number) {
  const delayMs = retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)]!;
  return t.retryQueues.find((q) => q.delayMs === delayMs)!;
}

const quorum = { 'x-queue-type': 'quorum' };

export async function declareTopology(ch: Channel, t: Topology): Promise<void> {
  await ch.assertExchange(t.exchange, 'direct', { durable: true });
  await ch.assertQueue(t.queue, { durable: true, arguments: quorum });
  await ch.bindQueue(t.queue, t.exchange, 'mail');
  await ch.assertQueue(t.deadQueue, { durable: true, arguments: quorum });
  await ch.bindQueue(t.deadQueue, t.exchange, 'mail.dead');
  for (const r of t.retryQueues) {
    await ch.assertQueue(r.queue, {
      durable: true,
      arguments: {
        ...quorum,
        'x-message-ttl': r.delayMs,
        'x-dead-letter-exchange': t.exchange,
        'x-dead-letter-routing-key': 'mail',
        'x-dead-letter-strategy': 'at-least-once',
        'x-overflow': 'reject-publish',
      },
    });
    await ch.bindQueue(r.queue, t.exchange, r.routingKey);
  }
}
