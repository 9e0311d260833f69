import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';

/** Work to do once a transaction's change is durable (wake the outbox relay, remove a file). */
export type AfterCommit = () => void | Promise<void>;

/**
 * The callbacks a transaction queued with `onCommit`, run once it has committed. A failed callback
 * is logged, not thrown: the change is already durable, so the caller's answer must still say it
 * happened (as ozone's database wrapper does).
 */
export class CommitHooks {
  private readonly queued: AfterCommit[] = [];

  /** Queues `fn` for after the commit; a rolled-back transaction never runs it. */
  readonly onCommit = (fn: AfterCommit): void => void this.queued.push(fn);

  async run(log: Logger): Promise<void> {
    for (const fn of this.queued.splice(0)) {
      try {
        await fn();
      } catch (err) {
        log.error({ err, event: 'after_commit_failed' }, 'after-commit callback failed');
      }
    }
  }
}

/**
 * Runs `fn` in one transaction, then (only if it committed) the callbacks `fn` queued with
 * `onCommit`: for work outside a request (a job, a command). A thrown error rolls the transaction
 * back and reaches the caller; nothing queued runs.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  log: Logger,
  fn: (tx: Transaction<Database>, onCommit: CommitHooks['onCommit']) => Promise<T>,
): Promise<T> {
  const hooks = new CommitHooks();
  const result = await db.transaction().execute((tx) => fn(tx, hooks.onCommit));
  await hooks.run(log);
  return result;
}
