import type { ZodObject, ZodRawShape } from 'zod';
import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AuditEntry } from '../audit/request';
import { createdChanges, updatedChanges } from '../audit/diff';
import { applyScope, inScope, recordScope, type RecordScope } from '../policies/scopes';
import { presentFields } from '../policies/fields';
import { recordFieldChanges } from '../history/record-changes';
import type { ChangeSource } from '../db/tables/record-changes';
import { Problem, type FieldError } from './problem';
import type { CrudSpec } from './crud';

/** What a write needs from the request: the transaction, who writes, and the audit trail. */
export interface WriteContext {
  db: Db;
  actor?: Actor;
  audit(entry: AuditEntry): Promise<void>;
}

/** Where a write comes from, for the history timeline (an accepted change request names itself). */
export interface WriteOrigin {
  source?: ChangeSource;
  changeRequestId?: number;
}

export type Row = Record<string, unknown> & { id: number; version: number };

/**
 * Creating and updating one record of a CRUD resource with all its rules: stored fields only,
 * cross-field checks, database guards, the writer's record scope, optimistic locking, the audit
 * event and, for the person registers, the field history. The CRUD routes and accepted change
 * requests both write through here, so a proposal accepted by a specialist meets exactly the
 * rules of an edit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function recordWriter(spec: CrudSpec<any, ZodRawShape>) {
  const { resource, record } = spec;
  const columns = Object.keys(record.shape);
  const writable = Object.keys((spec.input as ZodObject<ZodRawShape>).shape);
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
  // Kysely cannot type a table chosen at run time; the record schema keeps the output honest.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const from = (db: Db) => (db as any).selectFrom(spec.table).select(columns);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const table = (db: Db) => db as any;

  const allRows: RecordScope = { kind: 'all' };
  const scopeOf = (actor: Actor | undefined) =>
    spec.policy && actor ? recordScope(spec.policy, actor) : allRows;
  /** The record without the fields the actor's role must not see (every answer goes through). */
  const present = (actor: Actor | undefined, row: Row) =>
    spec.policy && actor ? presentFields(spec.policy, actor.role, row) : row;
  const findById = async (db: Db, id: number, scope: RecordScope): Promise<Row | undefined> =>
    applyScope(from(db).where('id', '=', id), scope).executeTakeFirst();

  /** A write must pass the cross-field rules and stay inside the writer's scope. */
  const checkWrite = (fields: Record<string, unknown>, scope: RecordScope) => {
    const errors: FieldError[] = spec.check?.(fields) ?? [];
    if (errors.length) throw Problem.validation(errors);
    if (!inScope(scope, fields)) {
      throw Problem.forbidden('The record would lie outside the records you are responsible for.');
    }
  };

  const history = async (
    w: WriteContext,
    row: Row,
    changes: ReturnType<typeof createdChanges>,
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
    checkWrite(fields, scopeOf(w.actor));
    const detail = (await spec.guard?.(w.db, body)) ?? null;
    const created: Row = await table(w.db)
      .insertInto(spec.table)
      .values({ ...toColumns(fields), ...spec.derive(fields) })
      .returning(columns)
      .executeTakeFirstOrThrow();
    const changes = createdChanges(created);
    await w.audit({
      action: 'create',
      resource,
      recordId: created.id,
      changes,
      detail: origin.changeRequestId
        ? { ...detail, changeRequestId: origin.changeRequestId }
        : detail,
    });
    await history(w, created, changes, origin, 'create');
    return created;
  }

  /**
   * Replaces the writable fields of record `id` from a validated update body (`version` included);
   * 404 outside the writer's scope, 409 with the current record when the version is stale.
   */
  async function update(
    w: WriteContext,
    id: number,
    body: Record<string, unknown> & { version: number },
    origin: WriteOrigin = {},
  ) {
    const { version } = body;
    const fields = pick(body);
    const scope = scopeOf(w.actor);
    // Locked, so the audited diff is against exactly the row this update replaces.
    const current: Row | undefined = await applyScope(from(w.db).where('id', '=', id), scope)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw Problem.noRecord(resource, id);
    checkWrite(fields, scope);
    const detail = (await spec.guard?.(w.db, body, id)) ?? null;
    const updated: Row | undefined = await applyScope(table(w.db).updateTable(spec.table), scope)
      .set({ ...toColumns(fields), ...spec.derive(fields) })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(columns)
      .executeTakeFirst();
    if (!updated) {
      throw Problem.staleVersion(version, current.version, present(w.actor, current));
    }
    const changes = updatedChanges(current, updated);
    await w.audit({
      action: 'update',
      resource,
      recordId: id,
      changes,
      detail: origin.changeRequestId
        ? { ...detail, changeRequestId: origin.changeRequestId }
        : detail,
    });
    await history(w, updated, changes, origin, 'update');
    return updated;
  }

  return { columns, from, table, scopeOf, present, findById, create, update };
}

export type RecordWriter = ReturnType<typeof recordWriter>;
