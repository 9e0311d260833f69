import { z, type ZodObject, type ZodRawShape } from 'zod';
import type { Database, Db } from '../db/database';
import type { PermissionResource } from '../policies/permissions';
import { defineRoute, type RouteDef } from './route';
import { Problem } from './problem';
import { listQueries, listQueryDoc, parseListQuery, setContentRange, type ListSpec } from './list';
import { createdChanges, deletedChanges, updatedChanges } from '../audit/diff';

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
}

export const idParams = z
  .object({ id: z.coerce.number().int().positive().max(2147483647) })
  .strict();

/** Fields a client may echo back on update (react-admin sends the whole record) but not change. */
const readOnly = {
  id: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
};

export function crudRoutes<T extends keyof Database, S extends ZodRawShape>(
  spec: CrudSpec<T, S>,
): RouteDef[] {
  const { resource, tag, record } = spec;
  const columns = Object.keys(record.shape);
  const base = `/api/${resource}`;
  const createBody = spec.input.strict();
  const updateBody = spec.input
    .extend({ version: z.number().int().positive(), ...readOnly })
    .strict();
  // Kysely cannot type a table chosen at run time; the record schema keeps the output honest.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const from = (db: Db) => (db as any).selectFrom(spec.table).select(columns);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const table = (db: Db) => db as any;

  const findById = async (db: Db, id: number) => from(db).where('id', '=', id).executeTakeFirst();

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
      transaction: spec.auditReads ?? false,
      handler: async ({ db, ctx, audit }) => {
        const q = parseListQuery(ctx.query, spec.list, spec.maxPage);
        const { page, count } = listQueries(db, spec.table, columns, spec.list, q);
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
        return rows;
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
      transaction: spec.auditReads ?? false,
      handler: async ({ db, params, audit }) => {
        const found = (await findById(db, params.id)) ?? notFound(resource, params.id);
        if (spec.auditReads) await audit({ action: 'read', resource, recordId: params.id });
        return found;
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
      handler: async ({ db, body, audit }) => {
        const created = await table(db)
          .insertInto(spec.table)
          .values({ ...body, ...spec.derive(body) })
          .returning(columns)
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          resource,
          recordId: created.id,
          changes: createdChanges(created),
        });
        return created;
      },
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
      handler: async ({ db, params, body, audit }) => {
        const { version, id: _id, createdAt: _c, updatedAt: _u, ...fields } = body;
        // Locked, so the audited diff is against exactly the row this update replaces.
        const current = await from(db).where('id', '=', params.id).forUpdate().executeTakeFirst();
        if (!current) return notFound(resource, params.id);
        const updated = await table(db)
          .updateTable(spec.table)
          .set({ ...fields, ...spec.derive(fields) })
          .where('id', '=', params.id)
          .where('version', '=', version)
          .returning(columns)
          .executeTakeFirst();
        if (updated) {
          await audit({
            action: 'update',
            resource,
            recordId: params.id,
            changes: updatedChanges(current, updated),
          });
          return updated;
        }
        throw Problem.conflict(
          `The record was changed by someone else (your version ${version}, current version ${current.version}). Reload it and apply your change again.`,
          { current },
        );
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${base}/:id`,
      summary: `Delete one of ${resource}`,
      tags: [tag],
      access: `${resource}:write`,
      params: idParams,
      response: { description: 'The deleted record', schema: record },
      handler: async ({ db, params, audit }) => {
        const deleted =
          (await table(db)
            .deleteFrom(spec.table)
            .where('id', '=', params.id)
            .returning(columns)
            .executeTakeFirst()) ?? notFound(resource, params.id);
        await audit({
          action: 'delete',
          resource,
          recordId: params.id,
          changes: deletedChanges(deleted),
        });
        return deleted;
      },
    }),
  ] as RouteDef[];
}

function notFound(resource: string, id: number): never {
  throw Problem.notFound(`No ${resource} record with id ${id}.`);
}
