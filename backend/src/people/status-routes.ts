import { z, type ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem, type FieldError } from '../http/problem';
import { idParams } from '../http/ids';
import type { ScopedResource } from '../policies/scopes';
import { recordWriter, type RecordSpec } from '../records';
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

export function statusRoutes(spec: StatusRouteSpec): RouteDef[] {
  const { machine, history } = spec;
  const resource = spec.register.policy;
  const writer = recordWriter(spec.register);
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
  // Kysely cannot type a table chosen at run time (as in records/writer.ts).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = (db: Db) => db as any;
  const lastChangedOn = async (db: Db, id: number): Promise<string | undefined> => {
    const last = await any(db)
      .selectFrom(history.table)
      .select('changedOn')
      .where(history.key, '=', id)
      .orderBy('changedOn', 'desc')
      .limit(1)
      .executeTakeFirst();
    return last?.changedOn;
  };

  /** Why the move may not happen: thrown as 400 (the record is locked and current). */
  const refuseMove = async (
    db: Db,
    current: Record<string, unknown> & { id: number },
    move: z.output<typeof body>,
  ) => {
    const from = current.status as string;
    const rule = reasonRule(machine, from, move.status);
    if (!rule) {
      const allowed = nextStatuses(machine, from);
      const message = allowed.length
        ? `cannot follow ${from}; allowed: ${allowed.join(', ')}`
        : `cannot follow ${from}, a final status`;
      const problem = Problem.field('body.status', 'status_move', message);
      throw new Problem(
        problem.status,
        problem.title,
        problem.detail,
        {
          ...problem.extra,
          allowed,
        },
        problem.type,
      );
    }
    const errors: FieldError[] = [];
    const last = await lastChangedOn(db, current.id);
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
    if (errors.length) throw Problem.validation(errors);
  };

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
        const updated = await writer.write(w, params.id, body.version, async (current) => {
          // A stale move is refused before it is judged: its judgement would be about old data.
          await writer.refuseStale(w, body.version, current);
          await refuseMove(db, current, body);
          return {
            action: 'status_change',
            set: { status: body.status },
            detail: { changedOn: body.changedOn, reasonGiven: body.reason !== null },
            source: 'status',
            alsoWrite: (tx) =>
              any(tx)
                .insertInto(history.table)
                .values({
                  [history.key]: params.id,
                  fromStatus: current.status,
                  toStatus: body.status,
                  changedOn: body.changedOn,
                  reason: body.reason,
                  changedBy: actor!.userId,
                })
                .execute(),
          };
        });
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
