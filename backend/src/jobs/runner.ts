import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { rigaToday } from '@adoption/model';
import type { Database } from '../db/database';
import { recordAudit } from '../audit/chain';
import { JobCancelled, type JobConfig, type JobContext, type JobDef } from './define';
import type { RegisterClient } from '../registers/client';

/** What a queued job carries: a run row started by a person, or the day of a nightly run. */
export interface JobPayload {
  /** A `job_runs` row made when an administrator started the job (`POST /api/jobs/:name/run`). */
  jobRunId?: number;
  /** A nightly run's day; without it, the Riga day the job was queued on. */
  runFor?: string;
}

export interface RunnerDeps {
  db: Kysely<Database>;
  log: Logger;
  config: JobConfig;
  now: () => Date;
  /** The process's state-register client, when it has one (the reconciliation needs it). */
  registers?: () => RegisterClient | undefined;
}

export type RunOutcome = 'done' | 'cancelled' | 'failed' | 'skipped';

const MESSAGE_MAX = 500;

/**
 * Takes the run's `job_runs` row first, in a transaction of its own, then runs the handler.
 * A nightly run inserts (name, run_for): the unique index answers a second process that got the
 * same day's job with a conflict, and that process does nothing (exactly once per day). A failed
 * run of the day may be taken again (pg-boss's retry); a done or cancelled one never, a running
 * one only by the same pg-boss job delivered again: pg-boss redelivers a job only when its
 * attempt expired (`expireInSeconds`) or failed, so the process that was running it died — without
 * this the row would stay `running` for ever and the day's run would never be done.
 */
export async function runJob(
  def: JobDef,
  deps: RunnerDeps,
  payload: JobPayload,
  job: { id: string; createdOn?: Date },
): Promise<RunOutcome> {
  const { db, log } = deps;
  const claimed = payload.jobRunId
    ? await claimStarted(db, payload.jobRunId, job.id)
    : await claimDay(
        db,
        def.name,
        payload.runFor ?? rigaToday(job.createdOn ?? deps.now()),
        job.id,
      );
  if (!claimed) {
    log.info({ event: 'job_skipped', job: def.name, bossJobId: job.id }, 'job already run');
    return 'skipped';
  }
  const runId = claimed.id;
  const runFor = claimed.runFor ?? rigaToday(deps.now());
  const ctx: JobContext = {
    db,
    log: log.child({ job: def.name, runId }),
    config: deps.config,
    registers: deps.registers?.(),
    runId,
    runFor,
    now: deps.now,
    async progress(percent, message) {
      await db
        .updateTable('jobRuns')
        .set({
          progress: Math.max(0, Math.min(100, Math.round(percent))),
          ...(message !== undefined ? { message: message.slice(0, MESSAGE_MAX) } : {}),
        })
        .where('id', '=', runId)
        .execute();
    },
    async checkCancelled() {
      const row = await db
        .selectFrom('jobRuns')
        .select('cancelRequested')
        .where('id', '=', runId)
        .executeTakeFirst();
      if (row?.cancelRequested) throw new JobCancelled();
    },
  };
  log.info({ event: 'job_started', job: def.name, runId, runFor }, 'job started');
  let outcome: Exclude<RunOutcome, 'skipped'>;
  let result: Record<string, unknown> | undefined;
  let message: string | null = null;
  try {
    result = (await def.handler(ctx)) ?? undefined;
    outcome = 'done';
  } catch (err) {
    if (err instanceof JobCancelled) {
      outcome = 'cancelled';
      message = 'Atcelts pēc pieprasījuma';
    } else {
      outcome = 'failed';
      // The message only: a database error's detail may quote values.
      message = (err as Error).message.slice(0, MESSAGE_MAX);
      log.error(
        { event: 'job_failed', job: def.name, runId, error: (err as Error).name },
        'job failed',
      );
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('jobRuns')
      .set({
        status: outcome,
        ...(outcome === 'done' ? { progress: 100 } : {}),
        ...(message !== null ? { message } : {}),
        result: result ? JSON.stringify(result) : null,
        finishedAt: sql<Date>`now()`,
      })
      .where('id', '=', runId)
      .execute();
    // The system's own act in the trail: which job ran, for which day, with what counts.
    await recordAudit(trx, {
      action: 'run',
      resource: 'jobs',
      recordId: runId,
      detail: { name: def.name, runFor, outcome, ...(result ? { result } : {}) },
    });
  });
  log.info({ event: 'job_finished', job: def.name, runId, outcome }, 'job finished');
  if (outcome === 'failed') throw new Error(`job ${def.name} failed: ${message}`);
  return outcome;
}

async function claimStarted(db: Kysely<Database>, id: number, bossJobId: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('jobRuns')
      .set({ status: 'running', startedAt: sql<Date>`now()`, bossJobId, finishedAt: null })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['queued', 'failed']),
          eb.and([eb('status', '=', 'running'), eb('bossJobId', '=', bossJobId)]),
        ]),
      )
      .where('cancelRequested', '=', false)
      .returning(['id', 'runFor'])
      .executeTakeFirst();
    if (row) return row;
    // Cancelled before it started: it ends without running.
    await trx
      .updateTable('jobRuns')
      .set({ status: 'cancelled', finishedAt: sql<Date>`now()`, message: 'Atcelts pirms sākuma' })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where('cancelRequested', '=', true)
      .execute();
    return undefined;
  });
}

async function claimDay(db: Kysely<Database>, name: string, runFor: string, bossJobId: string) {
  return db.transaction().execute((trx) =>
    trx
      .insertInto('jobRuns')
      .values({ name, runFor, status: 'running', startedAt: sql<Date>`now()`, bossJobId })
      .onConflict((oc) =>
        oc
          .columns(['name', 'runFor'])
          .where('runFor', 'is not', null)
          .doUpdateSet({
            status: 'running',
            startedAt: sql<Date>`now()`,
            finishedAt: null,
            progress: 0,
            message: null,
            bossJobId,
          })
          .where((eb) =>
            eb.or([
              eb('jobRuns.status', '=', 'failed'),
              // The same job again: the process running it died (above).
              eb.and([
                eb('jobRuns.status', '=', 'running'),
                eb('jobRuns.bossJobId', '=', bossJobId),
              ]),
            ]),
          ),
      )
      .returning(['id', 'runFor'])
      .executeTakeFirst(),
  );
}
