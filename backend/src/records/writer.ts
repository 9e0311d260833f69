import type { ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import type { AfterCommit } from '../db/transaction';
import type { Actor } from '../auth/actor';
import type { AuditEntry } from '../audit/request';
import { createdChanges, deletedChanges, updatedChanges, type AuditChanges } from '../audit/diff';
import { applyScope, inScope, recordScope, type RecordScope } from '../policies/scopes';
import { presentFields } from '../policies/fields';
import { recordFieldChanges } from '../history/record-changes';
import type { ChangeSource } from '../db/tables/record-changes';
import { Problem, type FieldError } from '../http/problem';
import type { RecordSpec } from './spec';

/**
 * What a write needs from its caller: the transaction, who writes, the audit trail, and a place
 * for work that must wait until the transaction commits (a route's input has all four).
 */
export interface WriteContext {
  db: Db;
  actor?: Actor;
  audit(entry: AuditEntry): Promise<void>;
  /** Runs `fn` after the transaction commits, never on rollback (db/transaction.ts). */
  onCommit(fn: AfterCommit): void;
}

/** Where a write comes from, for the history timeline (an accepted change request names itself). */
export interface WriteOrigin {
  source?: ChangeSource;
  changeRequestId?: number;
}

export type Row = Record<string, unknown> & { id: number; version: number };

/** One change of a locked record, as `write` makes it. */
export interface Change {
  /** What the audit event calls it. */
  action: 'update' | 'status_change';
  /** The columns it sets. */
  set: Record<string, unknown>;
  /** The audit event's detail (an accepted change request's id is added to it). */
  detail?: Record<string, unknown> | null;
  /** What the audit event records, when it is not the row's own fields (a group's members). */
  changes?: AuditChanges;
  /** The history timeline's source when the origin names none. */
  source: ChangeSource;
  /** More rows of the same change, in its transaction (a status move's history row). */
  alsoWrite?(db: Db, updated: Row): Promise<void>;
}

/**
 * Creating, changing and deleting one record with all its guarantees: stored fields only,
 * cross-field checks, database guards, the writer's record scope, optimistic locking, one audit
 * event and, for the person registers, the field history. Register routes, status moves, sibling
 * groups and accepted change requests all write through here, so a proposal accepted by a
 * specialist meets exactly the rules of an edit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function recordWriter(spec: RecordSpec<any, ZodRawShape>) {
  const { resource, record } = spec;
  const columns = Object.keys(record.shape);
  const writable = Object.keys(spec.input.shape);
  // Input fields that are not columns (a confirmation flag) are for `guard` only.
  const stored = writable.filter((f) => f in record.shape);
  const pick = (body: Record<string, unknown>) =>
    Object.fromEntries(stored.map((f) => [f, body[f]]));
  // Sub-lists (relatives, health conditions) live in jsonb columns: pg would send a JS array as a
  // PostgreSQL array, so they go as JSON text.
  const toColumns = (fields: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(fields).map(([f, v]) => [
        f,
        v !== null && typeof v === 'object' ? JSON.stringify(v) : v,
      ]),
    );
  const derived = (fields: Record<string, unknown>) => ({
    ...toColumns(fields),
    ...spec.derive?.(fields),
  });
  // Kysely cannot type a table chosen at run time; the record schema keeps the output honest.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const from = (db: Db) => (db as any).selectFrom(spec.table).select(columns);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const table = (db: Db) => db as any;

  const allRows: RecordScope = { kind: 'all' };
  const scopeOf = (actor: Actor | undefined) =>
    spec.policy && actor ? recordScope(spec.policy, actor) : allRows;
  /** Narrows a query over the record's table to the records the actor may see. */
  const scoped = <Q>(qb: Q, actor: Actor | undefined): Q =>
    spec.scope ? spec.scope(qb, actor) : applyScope(qb, scopeOf(actor));
  /** The record without the fields the actor's role must not see (every answer goes through). */
  const present = (actor: Actor | undefined, row: Row) =>
    spec.policy && actor ? presentFields(spec.policy, actor.role, row) : row;
  const findById = async (db: Db, id: number, actor: Actor | undefined): Promise<Row | undefined> =>
    scoped(from(db).where('id', '=', id), actor).executeTakeFirst();
  /** The record, locked for a change, whoever may see it (an accepted request checks its own). */
  const lock = async (db: Db, id: number): Promise<Row | undefined> =>
    from(db).where('id', '=', id).forUpdate().executeTakeFirst();

  /** 409 with the current record as the writer may see it. */
  const stale = async (w: WriteContext, version: number, current: Row) =>
    Problem.staleVersion(
      version,
      current.version,
      spec.showCurrent ? await spec.showCurrent(w.db, w.actor, current) : present(w.actor, current),
    );

  /** A write must pass the cross-field rules and stay inside the writer's scope. */
  const checkWrite = (fields: Record<string, unknown>, actor: Actor | undefined) => {
    const errors: FieldError[] = spec.check?.(fields) ?? [];
    if (errors.length) throw Problem.validation(errors);
    if (!inScope(scopeOf(actor), fields)) {
      throw Problem.forbidden('The record would lie outside the records you are responsible for.');
    }
  };

  const withRequest = (detail: Record<string, unknown> | null, origin: WriteOrigin) =>
    origin.changeRequestId ? { ...detail, changeRequestId: origin.changeRequestId } : detail;

  const history = async (
    w: WriteContext,
    row: Row,
    changes: AuditChanges,
    origin: WriteOrigin,
    fallback: ChangeSource,
  ) => {
    if (!spec.policy || !w.actor || Object.keys(changes).length === 0) return;
    await recordFieldChanges(w.db, {
      resource: spec.policy,
      recordId: row.id,
      version: row.version,
      source: origin.source ?? fallback,
      changeRequestId: origin.changeRequestId ?? null,
      changes,
      changedBy: w.actor.userId,
    });
  };

  /** A new record from a validated input body. */
  async function create(w: WriteContext, body: Record<string, unknown>, origin: WriteOrigin = {}) {
    const fields = pick(body);
    checkWrite(fields, w.actor);
    const detail = (await spec.guard?.(w.db, body)) ?? null;
    const created: Row = await table(w.db)
      .insertInto(spec.table)
      .values(derived(fields))
      .returning(columns)
      .executeTakeFirstOrThrow();
    const changes = createdChanges(created);
    await w.audit({
      action: 'create',
      resource,
      recordId: created.id,
      changes,
      detail: withRequest(detail, origin),
    });
    await history(w, created, changes, origin, 'create');
    return created;
  }

  /**
   * The one way a record changes: locks record `id` inside the writer's scope (404 outside it),
   * lets `plan` judge the locked record and say what changes (its refusals are thrown), sets the
   * columns unless the version is stale (409 with the current record), then writes the field
   * history and one audit event — all in the caller's transaction.
   */
  async function write(
    w: WriteContext,
    id: number,
    version: number,
    plan: (current: Row) => Change | Promise<Change>,
    origin: WriteOrigin = {},
  ): Promise<Row> {
    // Locked, so the audited diff is against exactly the row this change replaces.
    const current: Row | undefined = await scoped(from(w.db).where('id', '=', id), w.actor)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw Problem.noRecord(resource, id);
    const change = await plan(current);
    // No scope here: the lock proved the writer sees the record, and it cannot move meanwhile.
    const updated: Row | undefined = await table(w.db)
      .updateTable(spec.table)
      .set(change.set)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(columns)
      .executeTakeFirst();
    if (!updated) throw await stale(w, version, current);
    await change.alsoWrite?.(w.db, updated);
    const changes = change.changes ?? updatedChanges(current, updated);
    await history(w, updated, changes, origin, change.source);
    await w.audit({
      action: change.action,
      resource,
      recordId: id,
      changes,
      detail: withRequest(change.detail ?? null, origin),
    });
    return updated;
  }

  /**
   * Replaces the writable fields of record `id` from a validated update body (`version` included):
   * 404 outside the writer's scope, then the record's rules, then 409 with the current record
   * when the version is stale.
   */
  async function update(
    w: WriteContext,
    id: number,
    body: Record<string, unknown> & { version: number },
    origin: WriteOrigin = {},
  ) {
    const fields = pick(body);
    return write(
      w,
      id,
      body.version,
      async () => {
        checkWrite(fields, w.actor);
        const detail = (await spec.guard?.(w.db, body, id)) ?? null;
        return { action: 'update', set: derived(fields), detail, source: 'update' };
      },
      origin,
    );
  }

  /** Deletes record `id` inside the writer's scope (404 outside it), with its audit event. */
  async function remove(w: WriteContext, id: number): Promise<Row> {
    const deleted: Row | undefined = await scoped(table(w.db).deleteFrom(spec.table), w.actor)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    if (!deleted) throw Problem.noRecord(resource, id);
    await w.audit({ action: 'delete', resource, recordId: id, changes: deletedChanges(deleted) });
    return deleted;
  }

  /** Refuses a stale version before anything else is judged (a status move, a members edit). */
  async function refuseStale(w: WriteContext, version: number, current: Row) {
    if (current.version !== version) throw await stale(w, version, current);
  }

  return {
    resource,
    columns,
    from,
    table,
    scoped,
    present,
    findById,
    lock,
    create,
    update,
    write,
    refuseStale,
    remove,
  };
}

export type RecordWriter = ReturnType<typeof recordWriter>;
