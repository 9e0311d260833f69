/**
 * selection/: the explainable selection (atlase) — rules (rules/, each a pure function with its
 * own tests), the engine that grades, orders and checks the queue (engine.ts), the SQL that narrows
 * the candidates (repository.ts), stored runs (service.ts), and the versioned parameters
 * (parameters.ts). docs/selection.md states the rules for a specialist.
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import { Problem } from '../http/problem';
import type { Db } from '../db/database';
import { withUserNames } from '../users/names';
import { currentParameters } from './parameters';
import {
  parametersInput,
  parametersList,
  parametersRecord,
  runInput,
  selectionRun,
  selectionRunList,
  selectionRunSummary,
  summaryColumns,
} from './schema';
import { expandResult } from './stored';
import { runColumns, selectForAdopterRun, selectForChildRun, selectForGroupRun } from './service';

const tags = ['Selection'];
const created = { status: 201, description: 'The stored run', schema: selectionRun };

const parameterColumns = ['id', 'values', 'note', 'createdBy', 'createdAt'] as const;
/** Versions as answered: `version` (= id) and who made it, by name. */
async function asVersions<T extends { id: number; createdBy: number | null }>(db: Db, rows: T[]) {
  return (await withUserNames(db, rows, 'createdBy')).map((r) => ({ ...r, version: r.id }));
}
const asVersion = async <T extends { id: number; createdBy: number | null }>(db: Db, row: T) =>
  (await asVersions(db, [row]))[0]!;
/** A run as answered: who ran it, by name. */
const named = async <T extends { createdBy: number }>(db: Db, row: T) =>
  (await withUserNames(db, [row], 'createdBy'))[0]!;

/**
 * Selection runs: for an adopter (the children proposed, near misses, excluded, each with every
 * rule's outcome), and the reverse view for a child or a sibling group (the waiting adopters in
 * queue order, fitting or not). Every run is stored and audited (`select`) and can be re-shown
 * exactly as it was. The rules' parameters are versioned; an administrator changes them.
 */
export const selectionRoutes = (maxPage: number): RouteDef[] =>
  [
    defineRoute({
      method: 'post',
      path: '/api/adopters/:id/selections',
      summary: 'Select children for a waiting adopter (stored and audited)',
      tags,
      access: 'selections:write',
      params: idParams,
      body: runInput,
      response: created,
      handler: ({ db, params, body, actor, audit }) =>
        selectForAdopterRun({ db, actor: actor!, audit }, params.id, body.runOn).then((row) =>
          named(db, row),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/children/:id/selections',
      summary: 'Reverse view: the waiting adopters a child fits, in queue order',
      tags,
      access: 'selections:write',
      params: idParams,
      body: runInput,
      response: created,
      handler: ({ db, params, body, actor, audit }) =>
        selectForChildRun({ db, actor: actor!, audit }, params.id, body.runOn).then((row) =>
          named(db, row),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sibling-groups/:id/selections',
      summary: 'Reverse view: the waiting adopters a sibling group fits, in queue order',
      tags,
      access: 'selections:write',
      params: idParams,
      body: runInput,
      response: created,
      handler: ({ db, params, body, actor, audit }) =>
        selectForGroupRun({ db, actor: actor!, audit }, params.id, body.runOn).then((row) =>
          named(db, row),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/selections',
      summary: 'List stored selection runs',
      tags,
      access: 'selections:read',
      query: listQueryDoc,
      response: {
        description:
          'One page of runs, without inputs and result. Sort: id, createdAt, runOn, proposedCount. Filters: adopterId, childId, siblingGroupId, direction.',
        schema: z.array(selectionRunSummary),
        headers: { 'Content-Range': '`selections first-last/total`' },
      },
      handler: async ({ db, ctx, audit }) => {
        const q = parseListQuery(ctx.query, selectionRunList, maxPage);
        const { page, count } = listQueries(
          db,
          'selectionRuns',
          [...summaryColumns],
          selectionRunList,
          q,
        );
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, 'selections', q.range, rows.length, Number(total.total));
        await audit({
          action: 'list',
          resource: 'selections',
          recordIds: rows.map((r) => r.id as number),
          detail: { filter: q.filter, sort: q.sort, range: q.range, total: Number(total.total) },
        });
        return withUserNames(db, rows, 'createdBy');
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/selections/:id',
      summary: 'Show a stored selection run exactly as it was',
      tags,
      access: 'selections:read',
      params: idParams,
      response: { description: 'The run', schema: selectionRun },
      handler: async ({ db, params, audit }) => {
        const row =
          (await db
            .selectFrom('selectionRuns')
            .select(runColumns)
            .where('id', '=', params.id)
            .executeTakeFirst()) ?? Problem.noRecord('selections', params.id);
        if (row instanceof Problem) throw row;
        row.result = expandResult(row.result);
        await audit({
          action: 'read',
          resource: 'selections',
          recordId: params.id,
          detail: { direction: row.direction, adopterId: row.adopterId, childId: row.childId },
        });
        return named(db, row);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/selection-parameters',
      summary: 'List the versions of the selection parameters',
      tags,
      access: 'selection-parameters:read',
      query: listQueryDoc,
      response: {
        description: 'One page of versions (id = version). Sort: id, createdAt.',
        schema: z.array(parametersRecord),
        headers: { 'Content-Range': '`selection-parameters first-last/total`' },
      },
      handler: async ({ db, ctx }) => {
        const q = parseListQuery(ctx.query, parametersList, maxPage);
        const { page, count } = listQueries(
          db,
          'selectionParameters',
          [...parameterColumns],
          parametersList,
          q,
        );
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, 'selection-parameters', q.range, rows.length, Number(total.total));
        return asVersions(db, rows as { id: number; createdBy: number | null }[]);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/selection-parameters/current',
      summary: 'The selection parameters in force (the newest version)',
      tags,
      access: 'selection-parameters:read',
      response: { description: 'The current version', schema: parametersRecord },
      handler: async ({ db }) => {
        const { version } = await currentParameters(db);
        return asVersion(
          db,
          await db
            .selectFrom('selectionParameters')
            .select(parameterColumns)
            .where('id', '=', version)
            .executeTakeFirstOrThrow(),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/selection-parameters/:id',
      summary: 'One version of the selection parameters',
      tags,
      access: 'selection-parameters:read',
      params: idParams,
      response: { description: 'The version', schema: parametersRecord },
      handler: async ({ db, params }) => {
        const row = await db
          .selectFrom('selectionParameters')
          .select(parameterColumns)
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!row) throw Problem.noRecord('selection-parameters', params.id);
        return asVersion(db, row);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/selection-parameters',
      summary: 'Change the selection parameters: a new version (administrator)',
      tags,
      access: 'selection-parameters:write',
      body: parametersInput,
      response: { status: 201, description: 'The new version', schema: parametersRecord },
      handler: async ({ db, body, actor, audit }) => {
        const { note, ...values } = body;
        if (values.ageGapRelaxedYears > values.ageGapYears) {
          throw Problem.field(
            'body.ageGapRelaxedYears',
            'too_big',
            'must not be larger than ageGapYears',
          );
        }
        const before = await currentParameters(db);
        const row = await db
          .insertInto('selectionParameters')
          .values({ values: JSON.stringify(values), note, createdBy: actor!.userId })
          .returning(parameterColumns)
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          resource: 'selection-parameters',
          recordId: row.id,
          detail: { previousVersion: before.version, note, values },
        });
        return asVersion(db, row);
      },
    }),
  ] as RouteDef[];
