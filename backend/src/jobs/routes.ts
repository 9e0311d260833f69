/**
 * jobs/: the register's job queue (pg-boss, in the schema `pgboss`) — jobs declared with
 * `defineJob` (define.ts) and listed in registry.ts, daily schedules in Riga time, a run once per
 * day however many processes run (runner.ts), progress and cancel in `job_runs`; the nightly
 * deadline job (deadlines.ts). This file: `/api/jobs`. docs/jobs.md.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { jobRunStatuses } from '@adoption/model';
import { defineRoute, type RouteDef } from '../http/route';
import { isoInstant } from '../http/instants';
import { idParams } from '../http/ids';
import {
  equals,
  listQueries,
  listQueryDoc,
  parseListQuery,
  setContentRange,
  type ListSpec,
} from '../http/list';
import { Problem } from '../http/problem';
import type { Db } from '../db/database';
import type { JobQueue } from './queue';
import { registeredJobs } from './registry';
import { withUserNames } from '../users/names';

const resource = 'jobs';
const base = `/api/${resource}`;
const tags = ['Jobs'];

export const jobRun = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(jobRunStatuses),
    progress: z.number().int().min(0).max(100),
    message: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    cancelRequested: z.boolean(),
    runFor: z.string().nullable().meta({ description: 'A nightly run’s day (Riga calendar)' }),
    startedBy: z.number().int().nullable().meta({ description: 'Who started it; null: schedule' }),
    startedByName: z.string().nullable().meta({ description: 'Who started it, by name' }),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'JobRun' });

export const jobDefinition = z
  .object({
    name: z.string(),
    title: z.object({ lv: z.string(), en: z.string() }),
    cron: z.string().nullable().meta({ description: '`m h * * *`, Europe/Riga time' }),
  })
  .meta({ id: 'JobDefinition' });

const columns = [
  'id',
  'name',
  'status',
  'progress',
  'message',
  'result',
  'cancelRequested',
  'runFor',
  'startedBy',
  'startedAt',
  'finishedAt',
  'createdAt',
];

const jobRunList: ListSpec = {
  sort: { id: 'id', createdAt: 'createdAt', name: 'name', status: 'status', runFor: 'runFor' },
  defaultSort: ['id', 'DESC'],
  filters: {
    name: equals('name', z.string().max(64)),
    status: equals('status', z.enum(jobRunStatuses)),
  },
};

type RunRow = Record<string, unknown>;
/** Runs as answered: instants as ISO text, who started them by name. */
const present = async (db: Db, rows: RunRow[]) =>
  (await withUserNames(db, rows, 'startedBy')).map((r) => ({
    ...r,
    startedAt: isoInstant(r.startedAt),
    finishedAt: isoInstant(r.finishedAt),
    createdAt: isoInstant(r.createdAt),
  }));
const shown = async (db: Db, row: RunRow) => (await present(db, [row]))[0]!;

async function findRun(db: Db, id: number) {
  const row = await db
    .selectFrom('jobRuns')
    .select(columns as never[])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw Problem.noRecord(resource, id);
  return row as RunRow;
}

export interface JobRouteDeps {
  maxPage: number;
  /** The process's job queue (server.ts); none: runs cannot be started (503). */
  queue: () => JobQueue | undefined;
}

/**
 * The job runs at `/api/jobs` (administrators start and cancel; specialists and heads of
 * department see them): progress, status, the result's counts. docs/jobs.md.
 */
export const jobRoutes = ({ maxPage, queue }: JobRouteDeps): RouteDef[] => [
  defineRoute({
    method: 'get',
    path: '/api/job-definitions',
    summary: 'The registered jobs and their daily schedule (Riga time)',
    tags,
    access: `${resource}:read`,
    response: { description: 'The jobs', schema: z.array(jobDefinition) },
    handler: () =>
      (queue()?.jobs ?? []).map((j) => ({ name: j.name, title: j.title, cron: j.cron ?? null })),
  }),
  defineRoute({
    method: 'get',
    path: base,
    summary: 'List job runs',
    tags,
    access: `${resource}:read`,
    query: listQueryDoc,
    response: {
      description:
        'One page of runs. Sort: id, createdAt, name, status, runFor. Filters: name, status.',
      schema: z.array(jobRun),
      headers: { 'Content-Range': `\`${resource} first-last/total\`` },
    },
    handler: async ({ db, ctx, audit }) => {
      const q = parseListQuery(ctx.query, jobRunList, maxPage);
      const { page, count } = listQueries(db, 'jobRuns', columns, jobRunList, q);
      const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
      setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
      await audit({
        action: 'list',
        resource,
        recordIds: rows.map((r) => r.id as number),
        detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total.total) },
      });
      return present(db, rows as RunRow[]);
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:id`,
    summary: 'Show a job run (its progress while it runs)',
    tags,
    access: `${resource}:read`,
    params: idParams,
    response: { description: 'The run', schema: jobRun },
    handler: async ({ db, params, audit }) => {
      const row = await findRun(db, params.id);
      await audit({ action: 'read', resource, recordId: params.id });
      return shown(db, row);
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:name/run`,
    summary: 'Start a registered job now (administrator)',
    tags,
    access: `${resource}:write`,
    params: z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/) }).strict(),
    response: { status: 202, description: 'The queued run', schema: jobRun },
    handler: async ({ db, params, actor, audit }) => {
      // An unknown name is the caller's mistake (404) whether or not this process has a queue.
      const q = queue();
      const known = q ? q.jobs : registeredJobs;
      if (!known.some((j) => j.name === params.name))
        throw Problem.notFound(`No job named ${params.name}.`);
      if (!q) throw Problem.unavailable('The job queue is not running in this process.');
      const def = q.find(params.name);
      if (!def) throw Problem.notFound(`No job named ${params.name}.`);
      const { id } = await db
        .insertInto('jobRuns')
        .values({ name: def.name, status: 'queued', startedBy: actor!.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Queued in this transaction: no run row without its job, no job without its row.
      const bossJobId = await q.send(db, def.name, { jobRunId: id });
      await db.updateTable('jobRuns').set({ bossJobId }).where('id', '=', id).execute();
      await audit({ action: 'run', resource, recordId: id, detail: { name: def.name } });
      return shown(db, await findRun(db, id));
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/cancel`,
    summary: 'Cancel a queued or running job (it stops at its next step)',
    tags,
    access: `${resource}:write`,
    params: idParams,
    response: { description: 'The run', schema: jobRun },
    handler: async ({ db, params, audit }) => {
      const row = await findRun(db, params.id);
      if (row.status !== 'queued' && row.status !== 'running') {
        throw Problem.conflict(
          `The run is ${String(row.status)}: only a queued or running one can be cancelled.`,
          {
            code: 'not_running',
          },
        );
      }
      // A queued run ends now; a running one at its next step (the job checks the flag).
      await db
        .updateTable('jobRuns')
        .set({
          cancelRequested: true,
          ...(row.status === 'queued'
            ? {
                status: 'cancelled' as const,
                finishedAt: sql<Date>`now()`,
                message: 'Atcelts pirms sākuma',
              }
            : {}),
        })
        .where('id', '=', params.id)
        .execute();
      await audit({ action: 'cancel', resource, recordId: params.id, detail: { name: row.name } });
      return shown(db, await findRun(db, params.id));
    },
  }),
];
