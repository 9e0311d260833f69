import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { DatabaseHandle } from '../db/connect';
import type { Db } from '../db/database';
import { JOB_TIME_ZONE, type JobConfig, type JobDef } from './define';
import type { RegisterClient } from '../registers/client';
import { runJob, type JobPayload } from './runner';
import { registeredJobs } from './registry';

/** pg-boss keeps its tables in a schema of its own (never `public`: pseudonymisation, migrations). */
export const BOSS_SCHEMA = 'pgboss';

export interface JobQueueOptions {
  database: DatabaseHandle;
  config: JobConfig & Partial<Pick<Config, 'DATABASE_CONNECT_TIMEOUT_MS'>>;
  /** The process's state-register client (the app's, or the worker's own); read when a job runs. */
  registers?: () => RegisterClient | undefined;
  log: Logger;
  /** The jobs this process knows (default: every registered job, registry.ts). */
  jobs?: readonly JobDef[];
  /** Runs the jobs and the schedule here (RUN_JOBS, the worker); false: only queues them. */
  work?: boolean;
  /** The jobs' clock (tests pass a fixed one). */
  now?: () => Date;
  /** How often an idle worker looks for a job (default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often the schedule is checked (default 30 s, pg-boss's). */
  cronMonitorIntervalSeconds?: number;
  /**
   * Creates or upgrades pg-boss's schema and the jobs' queues (DDL): true where the process
   * migrates (MIGRATE_ON_START, `npm run migrate`); false under deploy, where the application's
   * role has no DDL rights and `npm run migrate` (as the owner) installed them (docs/jobs.md).
   */
  install?: boolean;
}

export interface JobQueue {
  readonly jobs: readonly JobDef[];
  find(name: string): JobDef | undefined;
  /** Queues a run of the job in the caller's transaction (it starts only if that commits). */
  send(db: Db, name: string, payload: JobPayload): Promise<string | null>;
  /** Stops taking jobs, lets running ones finish (up to `timeoutMs`), closes pg-boss. */
  stop(timeoutMs?: number): Promise<void>;
}

/** pg-boss's `db` over a kysely database or transaction (no plugins: pg-boss reads snake_case). */
export function bossDb(db: Db): PgBoss.Db {
  const raw = db.withoutPlugins();
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** pg-boss's connection: its own small pool on PostgreSQL, the one session on PGlite. */
function connection(database: DatabaseHandle, connectTimeoutMs = 5000): PgBoss.ConstructorOptions {
  if (database.kind === 'postgresql') {
    if (!database.url) throw new Error('the job queue needs the PostgreSQL URL');
    // pg-boss hands these to its pg.Pool: the app's timeout and keep-alive (db/connect.ts).
    const pool = { connectionTimeoutMillis: connectTimeoutMs, keepAlive: true };
    return {
      connectionString: database.url,
      max: 3,
      application_name: 'adoption-register-jobs',
      ...(pool as object),
    };
  }
  if (!database.executeSql) throw new Error('the job queue needs the PGlite session');
  const executeSql = database.executeSql;
  return { db: { executeSql: (text: string, values?: unknown[]) => executeSql(text, values) } };
}

/**
 * Starts pg-boss on the register's database: creates its schema and one queue per job, and with
 * `work` registers the daily schedules (cron in Europe/Riga) and a worker per queue. pg-boss's
 * cron sends a scheduled job once per minute for all processes (a lock on its clock row, and a
 * singleton key), a job is fetched by one worker (`SKIP LOCKED`), and `job_runs (name, run_for)`
 * makes the day's run unique even if a job were sent twice (runner.ts).
 */
export async function startJobs(opts: JobQueueOptions): Promise<JobQueue> {
  const { database, log } = opts;
  const jobs = opts.jobs ?? registeredJobs;
  const work = opts.work ?? true;
  const install = opts.install ?? true;
  const now = opts.now ?? (() => new Date());
  const boss = new PgBoss({
    ...connection(database, opts.config.DATABASE_CONNECT_TIMEOUT_MS),
    schema: BOSS_SCHEMA,
    migrate: install,
    supervise: work,
    schedule: work,
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.max(
      1,
      Math.min(Math.round(opts.pollingIntervalSeconds ?? 5), 5),
    ),
  });
  boss.on('error', (err) =>
    log.warn({ event: 'job_queue_error', error: err.message }, 'job queue error'),
  );
  await boss.start();
  try {
    for (const def of jobs) {
      if (!install) {
        if (await boss.getQueue(def.name)) continue;
        throw new Error(`the job queue has no queue ${def.name}: run npm run migrate`);
      }
      await boss.createQueue(def.name, {
        name: def.name,
        policy: 'standard',
        retryLimit: 2,
        retryDelay: 60,
        expireInSeconds: 6 * 60 * 60,
      });
    }
    if (work) {
      const known = new Set(jobs.filter((j) => j.cron).map((j) => j.name));
      for (const schedule of await boss.getSchedules()) {
        if (!known.has(schedule.name)) await boss.unschedule(schedule.name);
      }
      for (const def of jobs) {
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: JOB_TIME_ZONE });
        const deps = { db: database.db, log, config: opts.config, now, registers: opts.registers };
        await boss.work<JobPayload>(
          def.name,
          {
            batchSize: 1,
            pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
            includeMetadata: true,
          },
          async ([job]) => {
            if (job) await runJob(def, deps, job.data ?? {}, job);
          },
        );
      }
    }
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw err;
  }
  log.info(
    { event: 'jobs_started', work, jobs: jobs.map((j) => j.name), database: database.kind },
    'job queue started',
  );
  const byName = new Map(jobs.map((j) => [j.name, j]));
  let stopped = false;
  return {
    jobs,
    find: (name) => byName.get(name),
    send: (db, name, payload) => boss.send(name, payload as object, { db: bossDb(db) }),
    async stop(timeoutMs = 30_000) {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

/** pg-boss's schema version this build expects (its package's version.json). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BOSS_SCHEMA_VERSION: number = require('pg-boss/version.json').schema;

/**
 * What `npm run migrate -- status` reports of the job queue: pending while pg-boss's schema is
 * missing or older than this build's, or a registered job has no queue yet.
 */
export async function jobQueuePending(db: Db): Promise<string | null> {
  const raw = db.withoutPlugins();
  const exists = await raw.executeQuery<{ t: string | null }>(
    CompiledQuery.raw(`select to_regclass('${BOSS_SCHEMA}.version')::text as t`),
  );
  if (!exists.rows[0]?.t) return `job queue (pg-boss schema ${BOSS_SCHEMA_VERSION})`;
  const version = await raw.executeQuery<{ version: number }>(
    CompiledQuery.raw(`select version from ${BOSS_SCHEMA}.version`),
  );
  if (Number(version.rows[0]?.version ?? 0) < BOSS_SCHEMA_VERSION)
    return `job queue (pg-boss schema ${BOSS_SCHEMA_VERSION})`;
  const queues = await raw.executeQuery<{ name: string }>(
    CompiledQuery.raw(`select name from ${BOSS_SCHEMA}.queue`),
  );
  const have = new Set(queues.rows.map((q) => q.name));
  const missing = registeredJobs.filter((j) => !have.has(j.name)).map((j) => j.name);
  return missing.length ? `job queues ${missing.join(', ')}` : null;
}

/** `npm run migrate`: installs or upgrades pg-boss's schema and the queues, as the owner. */
export async function installJobQueue(opts: Omit<JobQueueOptions, 'work' | 'install'>) {
  const queue = await startJobs({ ...opts, work: false, install: true });
  await queue.stop();
}
