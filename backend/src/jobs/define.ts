/**
 * How a job is declared (`defineJob`) and its schedule checked: nightly and long jobs with
 * progress the console shows and a cancel flag they check (docs/jobs.md).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { RegisterClient } from '../registers/client';

/** The time zone of every schedule: the register's calendar is Riga's. */
export const JOB_TIME_ZONE = 'Europe/Riga';

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('cancelled on request');
  }
}

/** The settings jobs read: the register's mailbox always, the rest where a job needs them. */
export type JobConfig = Pick<Config, 'REGISTER_MAILBOX'> &
  Partial<Pick<Config, 'REGISTER_PARALLEL' | 'PUBLIC_URL' | 'PORT'>>;

/** What a job's handler gets. */
export interface JobContext {
  /** The database (not a transaction): a job opens its own transactions (`inTransaction`). */
  db: Kysely<Database>;
  log: Logger;
  config: JobConfig;
  /** The state registers' client of this process (registers/); undefined where none is set up. */
  registers?: RegisterClient;
  /** This run's `job_runs` row. */
  runId: number;
  /** The day the run is for (Riga calendar): the nightly day, or today for a run started now. */
  runFor: string;
  /** The clock (tests pass a fixed one). */
  now(): Date;
  /** Records progress (0–100) and a short message (no personal data) the console shows. */
  progress(percent: number, message?: string): Promise<void>;
  /** Throws JobCancelled when an administrator asked to cancel: call it between steps. */
  checkCancelled(): Promise<void>;
}

export interface JobDef {
  /** Queue name: lowercase letters, digits and "-". */
  name: string;
  /** What the console shows (Latvian, English). */
  title: { lv: string; en: string };
  /** `m h * * *` in Europe/Riga time, never between 03:00 and 04:00; none = started on demand. */
  cron?: string;
  /** Returns a small summary (counts) kept as the run's `result`. */
  handler(ctx: JobContext): Promise<Record<string, unknown> | void>;
}

const NAME = /^[a-z][a-z0-9-]{1,62}$/;
const DAILY = /^(\d{1,2}) (\d{1,2}) \* \* \*$/;

/**
 * Checks a daily schedule `m h * * *` (Riga time): a valid minute and hour, and not in the hour
 * 03:00–04:00, which the change to and from summer time skips or repeats (a job there would run
 * not at all or twice a year).
 */
export function assertDailyCron(cron: string): { minute: number; hour: number } {
  const match = DAILY.exec(cron);
  if (!match) throw new Error(`job schedule "${cron}" must be "m h * * *" (a daily time)`);
  const minute = Number(match[1]);
  const hour = Number(match[2]);
  if (minute > 59 || hour > 23) throw new Error(`job schedule "${cron}" is not a time of day`);
  if (hour === 3) {
    throw new Error(
      `job schedule "${cron}" is between 03:00 and 04:00 Riga time (the summer-time change hour)`,
    );
  }
  return { minute, hour };
}

/** Declares a job; a wrong name or schedule fails at start-up, not at night. */
export function defineJob(def: JobDef): JobDef {
  if (!NAME.test(def.name)) throw new Error(`job name "${def.name}" must match ${NAME}`);
  if (def.cron !== undefined) assertDailyCron(def.cron);
  return def;
}
