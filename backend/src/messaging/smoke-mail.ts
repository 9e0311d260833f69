import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/database';
import type { OutboxStatus } from '../db/tables/outbox';
import { enqueueMail } from './outbox';

// The deployment smoke test's e-mail (jenkins/smoke.mjs → `node backend/dist/cli/test-mail.js`):
// queued through the outbox like every other mail, so it proves the whole path of the
// environment — relay, broker, worker, mail server — without naming any person.

/** How far a mail has come, in the order the outbox moves it. */
const progress: Record<OutboxStatus, number> = {
  queued: 0,
  failed: 0,
  published: 1,
  sent: 2,
  dead_lettered: -1,
};

export type SmokeMailGoal = 'queued' | 'published' | 'sent';

export interface SmokeMail {
  recipient: string;
  /** Whom the letter greets: the team behind the mailbox, never a person's data. */
  displayName?: string;
  environment: 'dev' | 'test' | 'prod';
  version: string;
  /** Unique per run: the mail sink is searched for it, and it keys the outbox row. */
  reference: string;
  language?: 'lv' | 'en';
}

/** Queues the test mail; returns the outbox row's id (the same row again for a repeated reference). */
export async function queueSmokeMail(db: Db, mail: SmokeMail): Promise<number> {
  const idempotencyKey = `smoke-test:${mail.reference}`;
  const id = await enqueueMail(db, {
    idempotencyKey,
    recipient: mail.recipient,
    template: 'smoke-test',
    language: mail.language ?? 'lv',
    data: {
      displayName: mail.displayName ?? 'Adopcijas reģistra uzturētāji',
      environment: mail.environment,
      version: mail.version,
      reference: mail.reference,
    },
  });
  if (id) return id;
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SmokeMailResult {
  id: number;
  status: OutboxStatus;
  reached: boolean;
  lastError: string | null;
}

/**
 * Polls the outbox row until the mail has come as far as `goal` (a dead letter ends the wait at
 * once), or the time is up. `reached` tells which.
 */
export async function waitForSmokeMail(
  db: Db,
  id: number,
  goal: SmokeMailGoal,
  timeoutMs: number,
  pollMs = 250,
): Promise<SmokeMailResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db
      .selectFrom('outbox')
      .select(['status', 'lastError'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const reached = progress[row.status] >= progress[goal];
    if (reached || row.status === 'dead_lettered' || Date.now() >= deadline)
      return { id, status: row.status, reached, lastError: row.lastError };
    await sleep(pollMs);
  }
}
