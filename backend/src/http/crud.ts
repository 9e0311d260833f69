import { z, type ZodRawShape } from 'zod';
import type { Database } from '../db/database';
import { defineRoute, type RouteDef } from './route';
import { Problem } from './problem';
import { listQueries, listQueryDoc, pageAndTotal, parseListQuery, setContentRange } from './list';
import { recordWriter, type RecordSpec, type Row } from '../records';
import { hiddenFields } from '../policies/fields';
import { idParams } from './ids';

/** The columns of a list row: the record's, without `listOmits` (the benchmark's raw SQL too). */
export const listColumnsOf = (spec: Pick<RecordSpec, 'record' | 'listOmits'>) =>
  Object.keys(spec.record.shape).filter((c) => !(spec.listOmits ?? []).includes(c));

/** Re-exported for routes that import it from here. */
export { idParams };

type Versioned = { version: number };

/** How a record's routes are served (the record itself is a `RecordSpec`, records/spec.ts). */
export interface CrudOptions {
  /** OpenAPI tag of the routes. */
  tag: string;
  /** Largest page a list answers. */
  maxPage: number;
}

/**
 * A register resource with the full ra-data-simple-rest contract (list, getMany, show, create,
 * update with optimistic locking, delete). Classifiers, children and adopters use it; creates and
 * updates go through the record's writer (records/), as every other writer of the record does.
 */
export function crudRoutes<T extends keyof Database, S extends ZodRawShape>(
  spec: RecordSpec<T, S>,
  { tag, maxPage }: CrudOptions,
): RouteDef[] {
  const { resource, record } = spec;
  const writer = recordWriter(spec);
  const { columns, scoped, present, findById } = writer;
  const base = `/api/${resource}`;
  const createBody = spec.input.strict();
  // A list row: the record without the card's free text and sub-lists (RecordSpec.listOmits).
  const omitted = new Set(spec.listOmits ?? []);
  const listColumns = listColumnsOf(spec);
  const listRow = omitted.size
    ? record.omit(Object.fromEntries([...omitted].map((c) => [c, true])) as never)
    : record;
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
        description: omitted.size
          ? `One page of records, without ${[...omitted].join(', ')} (the record has them)`
          : 'One page of records',
        schema: z.array(listRow),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        // A filter or sort on a field the role may not see would let it probe the value: refused.
        const hidden = spec.policy && actor ? hiddenFields(spec.policy, actor.role) : undefined;
        const q = parseListQuery(ctx.query, spec.list, maxPage, hidden);
        const { rows, total } = await pageAndTotal(
          listQueries(db, spec.table, listColumns, spec.list, q, (qb) => scoped(qb, actor)),
        );
        setContentRange(ctx, resource, q.range, rows.length, total);
        if (spec.auditReads) {
          await audit({
            action: 'list',
            resource,
            recordIds: rows.map((r) => r.id as number),
            detail: { filter: q.filter, sort: q.sort, range: q.range, total },
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
        const found = (await findById(db, params.id, actor)) ?? notFound(resource, params.id);
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
      handler: async ({ db, body, actor, audit, onCommit }) =>
        present(actor, await writer.create({ db, actor, audit, onCommit }, body)),
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
      handler: async ({ db, params, body, actor, audit, onCommit }) =>
        present(
          actor,
          await writer.update(
            { db, actor, audit, onCommit },
            params.id,
            body as typeof body & Versioned,
          ),
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
      handler: async ({ db, params, actor, audit, onCommit }) =>
        present(actor, await writer.remove({ db, actor, audit, onCommit }, params.id)),
    }),
  ] as RouteDef[];
}

function notFound(resource: string, id: number): never {
  throw Problem.noRecord(resource, id);
}
