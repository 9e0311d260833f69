import { z, type ZodObject, type ZodRawShape } from 'zod';
import type { Database, Db } from '../db/database';
import type { PermissionResource } from '../policies/permissions';
import { defineRoute, type RouteDef } from './route';
import { Problem } from './problem';
import { listQueries, listQueryDoc, parseListQuery, setContentRange, type ListSpec } from './list';
import { deletedChanges } from '../audit/diff';
import type { FieldError } from './problem';
import { applyScope } from '../policies/scopes';
import { recordWriter, type Row } from './record-writer';
import { hiddenFields } from '../policies/fields';
import { idParams } from './ids';

/** Re-exported for routes that import it from here. */
export { idParams };

type Versioned = { version: number };

/**
 * A plain register resource with the full ra-data-simple-rest contract (list, getMany, show,
 * create, update with optimistic locking, delete). Classifiers use it as is; richer domains
 * (children, adopters) compose the same pieces with their own services.
 */
export interface CrudSpec<T extends keyof Database, S extends ZodRawShape> {
  /** URL segment and Content-Range unit, e.g. `orphan-courts`. */
  resource: string & PermissionResource;
  table: T;
  tag: string;
  /** Public shape of a record (also its selected columns). */
  record: ZodObject<S>;
  /** Writable fields (create); update is these plus `version`. */
  input: ZodObject<ZodRawShape>;
  list: ListSpec;
  /** App-computed columns (search text, sort key) from a full set of writable fields. */
  derive(input: Record<string, unknown>): Record<string, unknown>;
  maxPage: number;
  /**
   * Audit reads too: show writes a `read` event and list a `list` event with the ids it showed.
   * Create, update and delete are always audited.
   */
  auditReads?: boolean;
  /**
   * Person registers (children, adopters): every query keeps to the actor's record scope
   * (policies/scopes.ts) and every answer drops the fields its role must not see
   * (policies/fields.ts).
   */
  policy?: 'children' | 'adopters';
  /** Rules across fields (dates in order, a personal code that fits the birth date). */
  check?(fields: Record<string, unknown>): FieldError[];
  /**
   * Rules that need the database (a likely duplicate), after `check`: throws a Problem to refuse,
   * or answers a detail for the audit event. Gets the whole body, so input fields that are not
   * stored (a confirmation) reach it; `id` is the record being updated.
   */
  guard?(
    db: Db,
    body: Record<string, unknown>,
    id?: number,
  ): Promise<Record<string, unknown> | void>;
}

export function crudRoutes<T extends keyof Database, S extends ZodRawShape>(
  spec: CrudSpec<T, S>,
): RouteDef[] {
  const { resource, tag, record } = spec;
  const writer = recordWriter(spec);
  const { columns, table, scopeOf, present, findById } = writer;
  const base = `/api/${resource}`;
  const createBody = spec.input.strict();
  const writable = Object.keys(spec.input.shape);
  // Fields a client may echo back on update (react-admin sends the whole record: id, timestamps,
  // status…) but not change: accepted and ignored.
  const readOnly = Object.fromEntries(
    columns
      .filter((c) => !writable.includes(c) && c !== 'version')
      .map((c) => [c, z.unknown().optional()]),
  );
  const updateBody = spec.input
    .extend({ version: z.number().int().positive(), ...readOnly })
    .strict();

  return [
    defineRoute({
      method: 'get',
      path: base,
      summary: `List ${resource}`,
      tags: [tag],
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description: 'One page of records',
        schema: z.array(record),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        // A filter or sort on a field the role may not see would let it probe the value: refused.
        const hidden = spec.policy && actor ? hiddenFields(spec.policy, actor.role) : undefined;
        const q = parseListQuery(ctx.query, spec.list, spec.maxPage, hidden);
        const scope = scopeOf(actor);
        const { page, count } = listQueries(db, spec.table, columns, spec.list, q, (qb) =>
          applyScope(qb, scope),
        );
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        if (spec.auditReads) {
          await audit({
            action: 'list',
            resource,
            recordIds: rows.map((r) => r.id as number),
            detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total.total) },
          });
        }
        return rows.map((r) => present(actor, r as Row));
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: `Show one of ${resource}`,
      tags: [tag],
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The record', schema: record },
      handler: async ({ db, params, actor, audit }) => {
        const found =
          (await findById(db, params.id, scopeOf(actor))) ?? notFound(resource, params.id);
        if (spec.auditReads) await audit({ action: 'read', resource, recordId: params.id });
        return present(actor, found);
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: `Create one of ${resource}`,
      tags: [tag],
      access: `${resource}:write`,
      body: createBody,
      response: { status: 201, description: 'The created record with its id', schema: record },
      handler: async ({ db, body, actor, audit }) =>
        present(actor, await writer.create({ db, actor, audit }, body)),
    }),
    defineRoute({
      method: 'put',
      path: `${base}/:id`,
      summary: `Update one of ${resource}`,
      tags: [tag],
      access: `${resource}:write`,
      params: idParams,
      body: updateBody,
      response: { description: 'The updated record (version incremented)', schema: record },
      handler: async ({ db, params, body, actor, audit }) =>
        present(
          actor,
          await writer.update({ db, actor, audit }, params.id, body as typeof body & Versioned),
        ),
    }),
    defineRoute({
      method: 'delete',
      path: `${base}/:id`,
      summary: `Delete one of ${resource}`,
      tags: [tag],
      access: `${resource}:write`,
      params: idParams,
      response: { description: 'The deleted record', schema: record },
      handler: async ({ db, params, actor, audit }) => {
        const deleted =
          (await applyScope(table(db).deleteFrom(spec.table), scopeOf(actor))
            .where('id', '=', params.id)
            .returning(columns)
            .executeTakeFirst()) ?? notFound(resource, params.id);
        await audit({
          action: 'delete',
          resource,
          recordId: params.id,
          changes: deletedChanges(deleted),
        });
        return present(actor, deleted);
      },
    }),
  ] as RouteDef[];
}

function notFound(resource: string, id: number): never {
  throw Problem.noRecord(resource, id);
}
