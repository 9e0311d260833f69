import { z, type ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem, type FieldError } from '../http/problem';
import { idParams } from '../http/ids';
import type { ScopedResource } from '../policies/scopes';
import {
  recordWriter,
  type RecordSpec,
  type RecordWriter,
  type Row,
  type WriteContext,
} from '../records';
import { rigaToday } from '@adoption/model';
import { isoDate } from './fields';
import { nextStatuses, reasonRule, type StatusMachine } from './status-machine';

/**
 * Status moves of a person record (`POST /api/<resource>/:id/status`) and its status history
 * (`GET /api/<resource>/:id/status-history`). A move must follow the resource's state machine,
 * happen on a date that is not in the future nor before the record's entry or its last move, and
 * carry a reason where the table asks; it changes the record's status (the version goes up) and
 * appends a history row through the record's writer (records/): one transaction, one audit
 * event, the field history. The reason may hold personal data: it stays in the history, the
 * audit event says only whether one was given.
 */
export interface StatusRouteSpec {
  /** The person register's record (children/spec.ts, adopters/spec.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: RecordSpec<any, ZodRawShape> & { policy: ScopedResource };
  tag: string;
  machine: StatusMachine<string>;
  history: { table: 'childStatusChanges' | 'adopterStatusChanges'; key: 'childId' | 'adopterId' };
  /** The date the record entered the register: no move before it. */
  entryDate: 'recordSheetReceivedOn' | 'enteredOn';
  /** Rules of the record for a move the table allows (a child's consent from 12). */
  check?(record: Record<string, unknown>, to: string, changedOn: string): FieldError[];
}

export const statusChangeRecord = z
  .object({
    id: z.number().int(),
    fromStatus: z.string(),
    toStatus: z.string(),
    changedOn: z.string().meta({ format: 'date' }),
    reason: z.string().nullable(),
    changedBy: z.number().int(),
    changedByName: z.string().meta({ description: "The recording user's display name" }),
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'StatusChange' });

/** One status move of a person record, as the status route and an offer's move make it. */
export interface StatusMove {
  status: string;
  changedOn: string;
  /** Kept in the status history; `null` when none was written. */
  reason: string | null;
}

// Kysely cannot type a table chosen at run time (as in records/writer.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const anyDb = (db: Db) => db as any;

async function lastChangedOn(spec: StatusRouteSpec, db: Db, id: number) {
  const last = await anyDb(db)
    .selectFrom(spec.history.table)
    .select('changedOn')
    .where(spec.history.key, '=', id)
    .orderBy('changedOn', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.changedOn as string | undefined;
}

/**
 * Why a move of the (locked, current) record may not happen: `allowed` is false when the state
 * machine refuses it (`next` lists what may follow); otherwise `errors` lists the date, reason and
 * record rules it breaks (paths `body.status`, `body.changedOn`, `body.reason`).
 */
export async function statusMoveErrors(
  spec: StatusRouteSpec,
  db: Db,
  current: Record<string, unknown> & { id: number },
  move: StatusMove,
): Promise<{ allowed: boolean; next: string[]; errors: FieldError[] }> {
  const from = current.status as string;
  const rule = reasonRule(spec.machine, from, move.status);
  const next = nextStatuses(spec.machine, from);
  if (!rule) return { allowed: false, next, errors: [] };
  const errors: FieldError[] = [];
  const last = await lastChangedOn(spec, db, current.id);
  const entry = current[spec.entryDate] as string | undefined;
  if (move.changedOn > rigaToday()) {
    errors.push({
      path: 'body.changedOn',
      code: 'date_in_future',
      message: 'must not be in the future',
    });
  } else if (last && move.changedOn < last) {
    errors.push({
      path: 'body.changedOn',
      code: 'date_order',
      message: `must not be before the last status change (${last})`,
    });
  } else if (entry && move.changedOn < entry) {
    errors.push({
      path: 'body.changedOn',
      code: 'date_order',
      message: `must not be before ${spec.entryDate} (${entry})`,
    });
  }
  if (rule === 'required' && !move.reason) {
    errors.push({
      path: 'body.reason',
      code: 'required',
      message: `is required when moving from ${from} to ${move.status}`,
    });
  }
  errors.push(...(spec.check?.(current, move.status, move.changedOn) ?? []));
  return { allowed: true, next, errors };
}

/** What a caller adds to a move: more columns of the same write, the audit detail, a judge. */
export interface MoveOptions {
  /**
   * The version the caller saw (409 when stale). Left out, the record's current version: the
   * caller's own record guards the move (an offer's version and lock).
   */
  version?: number;
  /** More columns set in the same write (an offer's refusal appended to the adopter's list). */
  alsoSet?: Record<string, unknown>;
  /** Added to the audit event's detail (the offer that moved the record). */
  detail?: Record<string, unknown>;
  /** Judges the move; throws to refuse it. The default refuses as the status route does. */
  refuse?(
    current: Record<string, unknown> & { id: number },
    judged: Awaited<ReturnType<typeof statusMoveErrors>>,
  ): void;
}

/** The status route's refusal: 400 naming `body.status` (with what may follow) or the fields. */
function refuseAsRoute(
  current: Record<string, unknown>,
  judged: Awaited<ReturnType<typeof statusMoveErrors>>,
) {
  if (!judged.allowed) {
    const from = current.status as string;
    const message = judged.next.length
      ? `cannot follow ${from}; allowed: ${judged.next.join(', ')}`
      : `cannot follow ${from}, a final status`;
    const problem = Problem.field('body.status', 'status_move', message);
    throw new Problem(
      problem.status,
      problem.title,
      problem.detail,
      { ...problem.extra, allowed: judged.next },
      problem.type,
    );
  }
  if (judged.errors.length) throw Problem.validation(judged.errors);
}

/**
 * Moves a person record to a status, in the caller's transaction: locks it, judges the move
 * (state machine, dates, reason, the record's rules), sets the status (the version goes up) and
 * appends the status history row through the record's writer (one audit event, field history).
 * The status route and an offer's moves (offers/) use this one function.
 */
export async function moveStatus(
  spec: StatusRouteSpec,
  w: WriteContext,
  id: number,
  move: StatusMove,
  opts: MoveOptions = {},
): Promise<Row> {
  const writer = writerOf(spec);
  let version = opts.version;
  if (version === undefined) {
    const locked = await writer.lock(w.db, id);
    if (!locked) throw Problem.noRecord(spec.register.policy, id);
    version = locked.version;
  }
  return writer.write(w, id, version, async (current) => {
    // A stale move is refused before it is judged: its judgement would be about old data.
    await writer.refuseStale(w, version, current);
    const judged = await statusMoveErrors(spec, w.db, current, move);
    if (opts.refuse) opts.refuse(current, judged);
    refuseAsRoute(current, judged);
    return {
      action: 'status_change',
      set: { status: move.status, ...opts.alsoSet },
      detail: { changedOn: move.changedOn, reasonGiven: move.reason !== null, ...opts.detail },
      source: 'status',
      alsoWrite: (tx) =>
        anyDb(tx)
          .insertInto(spec.history.table)
          .values({
            [spec.history.key]: id,
            fromStatus: current.status,
            toStatus: move.status,
            changedOn: move.changedOn,
            reason: move.reason,
            changedBy: w.actor!.userId,
          })
          .execute(),
    };
  });
}

const writers = new WeakMap<StatusRouteSpec['register'], RecordWriter>();
function writerOf(spec: StatusRouteSpec): RecordWriter {
  let writer = writers.get(spec.register);
  if (!writer) writers.set(spec.register, (writer = recordWriter(spec.register)));
  return writer;
}

export function statusRoutes(spec: StatusRouteSpec): RouteDef[] {
  const { machine, history } = spec;
  const resource = spec.register.policy;
  const writer = writerOf(spec);
  const body = z
    .object({
      status: z.enum(machine.statuses as [string, ...string[]]),
      changedOn: isoDate,
      reason: z
        .string()
        .trim()
        .max(2000, 'must be at most 2000 characters')
        .transform((s) => (s === '' ? null : s))
        .nullable()
        .default(null),
      version: z.number().int().positive(),
    })
    .strict();
  const any = anyDb;

  return [
    defineRoute({
      method: 'post',
      path: `/api/${resource}/:id/status`,
      summary: `Move one of ${resource} to the next status of its state machine`,
      tags: [spec.tag],
      access: `${resource}:write`,
      params: idParams,
      body,
      response: {
        description: 'The record with its new status (version incremented)',
        schema: spec.register.record,
      },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const w = { db, actor, audit, onCommit };
        const updated = await moveStatus(spec, w, params.id, body, { version: body.version });
        return writer.present(actor, updated);
      },
    }),
    defineRoute({
      method: 'get',
      path: `/api/${resource}/:id/status-history`,
      summary: `The status history of one of ${resource}, newest first`,
      tags: [spec.tag],
      access: `${resource}:read`,
      params: idParams,
      response: {
        description: 'Status changes, newest first',
        schema: z.array(statusChangeRecord),
      },
      // Reasons may hold personal data: who read them is in the audit trail, like the record.
      handler: async ({ db, params, actor, audit }) => {
        if (!(await writer.findById(db, params.id, actor)))
          throw Problem.noRecord(resource, params.id);
        const rows = await any(db)
          .selectFrom(`${history.table} as h`)
          .innerJoin('users as u', 'u.id', 'h.changedBy')
          .select([
            'h.id',
            'h.fromStatus',
            'h.toStatus',
            'h.changedOn',
            'h.reason',
            'h.changedBy',
            'u.displayName as changedByName',
            'h.createdAt',
          ])
          .where(`h.${history.key}`, '=', params.id)
          .orderBy('h.changedOn', 'desc')
          .orderBy('h.id', 'desc')
          .execute();
        await audit({
          action: 'read',
          resource,
          recordId: params.id,
          detail: { view: 'status_history' },
        });
        return rows;
      },
    }),
  ] as RouteDef[];
}
