import { z, type ZodObject, type ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem, type FieldError } from '../http/problem';
import { idParams } from '../http/ids';
import type { Actor } from '../auth/actor';
import { applyScope, recordScope, type ScopedResource } from '../policies/scopes';
import { presentFields } from '../policies/fields';
import { rigaToday } from '@adoption/model';
import { isoDate } from './fields';
import { recordFieldChanges } from '../history/record-changes';
import { nextStatuses, reasonRule, type StatusMachine } from './status-machine';

/**
 * Status moves of a person record (`POST /api/<resource>/:id/status`) and its status history
 * (`GET /api/<resource>/:id/status-history`). A move must follow the resource's state machine,
 * happen on a date that is not in the future nor before the record's entry or its last move, and
 * carry a reason where the table asks; it changes the record's status (the version goes up) and
 * appends a history row in one transaction, with one audit event. The reason may hold personal
 * data: it stays in the history, the audit event says only whether one was given.
 */
export interface StatusRouteSpec {
  resource: ScopedResource;
  tag: string;
  machine: StatusMachine<string>;
  /** The record as answered (its columns are selected; fields are stripped per role). */
  record: ZodObject<ZodRawShape>;
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

type Row = Record<string, unknown> & { id: number; version: number; status: string };

export function statusRoutes(spec: StatusRouteSpec): RouteDef[] {
  const { resource, machine, history } = spec;
  const columns = Object.keys(spec.record.shape);
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
  // Kysely cannot type a table chosen at run time (as in http/crud.ts).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = (db: Db) => db as any;
  const present = (actor: Actor, row: Row) => presentFields(resource, actor.role, row);
  const findInScope = async (db: Db, id: number, actor: Actor, lock = false) => {
    let q = applyScope(
      any(db).selectFrom(resource).select(columns).where('id', '=', id),
      recordScope(resource, actor),
    );
    if (lock) q = q.forUpdate();
    const row = (await q.executeTakeFirst()) as Row | undefined;
    if (!row) throw Problem.noRecord(resource, id);
    return row;
  };
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
        schema: spec.record,
      },
      handler: async ({ db, params, body, actor, audit }) => {
        const current = await findInScope(db, params.id, actor!, true);
        if (current.version !== body.version) {
          throw Problem.staleVersion(body.version, current.version, present(actor!, current));
        }
        const rule = reasonRule(machine, current.status, body.status);
        if (!rule) {
          const allowed = nextStatuses(machine, current.status);
          const message = allowed.length
            ? `cannot follow ${current.status}; allowed: ${allowed.join(', ')}`
            : `cannot follow ${current.status}, a final status`;
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
        const last = await lastChangedOn(db, params.id);
        const entry = current[spec.entryDate] as string | undefined;
        if (body.changedOn > rigaToday()) {
          errors.push({
            path: 'body.changedOn',
            code: 'date_in_future',
            message: 'must not be in the future',
          });
        } else if (last && body.changedOn < last) {
          errors.push({
            path: 'body.changedOn',
            code: 'date_order',
            message: `must not be before the last status change (${last})`,
          });
        } else if (entry && body.changedOn < entry) {
          errors.push({
            path: 'body.changedOn',
            code: 'date_order',
            message: `must not be before ${spec.entryDate} (${entry})`,
          });
        }
        if (rule === 'required' && !body.reason) {
          errors.push({
            path: 'body.reason',
            code: 'required',
            message: `is required when moving from ${current.status} to ${body.status}`,
          });
        }
        errors.push(...(spec.check?.(current, body.status, body.changedOn) ?? []));
        if (errors.length) throw Problem.validation(errors);

        const updated = (await applyScope(
          any(db).updateTable(resource),
          recordScope(resource, actor!),
        )
          .set({ status: body.status })
          .where('id', '=', params.id)
          .where('version', '=', body.version)
          .returning(columns)
          .executeTakeFirstOrThrow()) as Row;
        await any(db)
          .insertInto(history.table)
          .values({
            [history.key]: params.id,
            fromStatus: current.status,
            toStatus: body.status,
            changedOn: body.changedOn,
            reason: body.reason,
            changedBy: actor!.userId,
          })
          .execute();
        await recordFieldChanges(db, {
          resource,
          recordId: params.id,
          version: updated.version,
          source: 'status',
          changeRequestId: null,
          changes: { status: { old: current.status, new: body.status } },
          changedBy: actor!.userId,
        });
        await audit({
          action: 'status_change',
          resource,
          recordId: params.id,
          changes: { status: { old: current.status, new: body.status } },
          detail: { changedOn: body.changedOn, reasonGiven: body.reason !== null },
        });
        return present(actor!, updated);
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
        await findInScope(db, params.id, actor!);
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
