/**
 * audit/: the audit trail (audita notikumi) — one hash-chained event for every read or change of
 * personal data, values masked, search terms keyed; the auditor's list, search and CSV export, and
 * "who has seen or changed this" for one record (history-routes.ts). The card's field-by-field
 * timeline is history/; `npm run audit:verify` (cli/) checks the chain.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from 'koa';
import type { Db, AnyQuery } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import { bigIdParams } from '../http/ids';
import {
  applyFilters,
  applySort,
  listQueryDoc,
  parseListQuery,
  setContentRange,
  type ListQuery,
} from '../http/list';
import type { Actor } from '../auth/actor';
import { verifyChain } from './chain';
import type { TermKeyer } from './mask';
import { presentEvents, type PresentableEvent } from './present';
import { auditColumns, auditEventList, auditEventRecord, chainReport } from './schema';

const resource = 'audit-events';
const tags = ['Audit'];
const access = 'audit-events:read' as const;

/** Rows per database round trip while exporting (the export itself has no size limit). */
const EXPORT_BATCH = 2000;

/**
 * The events table with the list filters applied (`q` is the audit trail's own word search;
 * `searchedFor` is matched keyed, as search terms are stored).
 */
function filtered(db: Db, filter: ListQuery['filter'], keyTerm: TermKeyer): AnyQuery {
  const { q, searchedFor, ...rest } = filter;
  let qb = applyFilters(db.selectFrom('auditEvents') as AnyQuery, auditEventList, rest);
  if (q !== undefined) qb = auditEventList.filters.q!.apply(qb, q as never);
  if (searchedFor !== undefined) {
    qb = auditEventList.filters.searchedFor!.apply(qb, keyTerm(String(searchedFor)) as never);
  }
  return qb;
}

type EventRow = PresentableEvent & Record<string, unknown>;

function toApi(row: Record<string, unknown>) {
  return { ...row, occurredAt: (row.occurredAt as Date).toISOString() } as unknown as EventRow;
}

const CSV_COLUMNS = auditColumns;

/** Spreadsheet programs run cells that start with these as formulas; such text gets a `'` first. */
function cell(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ');
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+@\t\r]|^-[^0-9]/.test(text) ? `'${text}` : text;
}

async function* exportCsv(
  db: Db,
  actor: Actor,
  q: ListQuery,
  keyTerm: TermKeyer,
  upTo: number,
): AsyncGenerator<string> {
  // UTF-8 byte order mark: Excel then reads Latvian letters (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž) right.
  yield '\uFEFF' + stringify([CSV_COLUMNS]);
  const descending = q.sort[1] === 'DESC';
  let after: number | undefined;
  for (;;) {
    let qb = filtered(db, q.filter, keyTerm).select(CSV_COLUMNS).where('id', '<=', upTo);
    if (after !== undefined) qb = qb.where('id', descending ? '<' : '>', after);
    const rows = (await qb
      .orderBy('id', descending ? 'desc' : 'asc')
      .limit(EXPORT_BATCH)
      .execute()) as EventRow[];
    if (rows.length === 0) return;
    const shown = await presentEvents(db, actor, rows);
    yield stringify(shown.map((r) => CSV_COLUMNS.map((c) => cell(r[c]))));
    if (rows.length < EXPORT_BATCH) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/**
 * One page of events (newest first by default) with its Content-Range, as the actor may see them
 * (audit/present.ts).
 */
export async function pageOfEvents(
  ctx: Context,
  db: Db,
  actor: Actor,
  unit: string,
  base: AnyQuery,
  q: ListQuery,
) {
  const [rows, total] = await Promise.all([
    applySort(base.select(auditColumns), auditEventList, q.sort)
      .limit(q.range[1] - q.range[0] + 1)
      .offset(q.range[0])
      .execute(),
    base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  setContentRange(ctx, unit, q.range, rows.length, Number(total.total));
  return presentEvents(db, actor, (rows as Record<string, unknown>[]).map(toApi));
}

/**
 * The audit trail: list, show, chain verification, CSV export. Read-only for everyone. `keyTerm`
 * keys the `searchedFor` filter as search terms are stored.
 */
export function auditRoutes(maxPage: number, keyTerm: TermKeyer): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: `/api/${resource}`,
      summary: 'List audit events (newest first)',
      tags,
      access,
      query: listQueryDoc,
      response: {
        description:
          'One page of events. Filters: actorUserId, actorUsername, resource, recordId (the record or a list page that showed it), action, occurredAt_gte, occurredAt_lte (ISO date = whole day in Latvian time, or date-time), q, searchedFor (the events of searches that held every word of the term, and the population register’s queries on entry about that personal code; a personal code with or without its hyphen). Values of events about a person record are masked unless the caller may read it.',
        schema: z.array(auditEventRecord),
        headers: { 'Content-Range': '`audit-events first-last/total`' },
      },
      handler: async ({ db, ctx, actor }) => {
        const q = parseListQuery(ctx.query, auditEventList, maxPage);
        return pageOfEvents(ctx, db, actor!, resource, filtered(db, q.filter, keyTerm), q);
      },
    }),
    // Before /:id, which would otherwise take "verify" and "export.csv" for ids.
    defineRoute({
      method: 'get',
      path: `/api/${resource}/verify`,
      summary: 'Verify the hash chain of the audit trail',
      tags,
      access,
      response: {
        description: 'ok, the number of events checked and, when broken, the first broken event',
        schema: chainReport,
      },
      handler: async ({ db, ctx }) => {
        const report = await verifyChain(db);
        if (report.firstBreak) {
          ctx.log.error(
            { event: 'audit_chain_broken', ...report.firstBreak, userId: ctx.state.actor?.userId },
            'audit chain broken',
          );
        }
        return report;
      },
    }),
    defineRoute({
      method: 'get',
      path: `/api/${resource}/export.csv`,
      summary: 'Export audit events as CSV (same filters as the list; the export is audited)',
      tags,
      access,
      query: listQueryDoc,
      response: {
        description: 'text/csv, UTF-8 with byte order mark, one header row, all matching events',
        headers: { 'Content-Disposition': '`attachment; filename="audit-events-<date>.csv"`' },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        const q = parseListQuery(ctx.query, auditEventList, maxPage);
        // The export holds exactly the events counted here (not those written while it streams).
        const total = await filtered(db, q.filter, keyTerm)
          .select([sql<number>`count(*)`.as('total'), sql<number>`coalesce(max(id), 0)`.as('upTo')])
          .executeTakeFirstOrThrow();
        // Committed before the first byte is sent: an export is never unrecorded.
        await audit({
          action: 'export',
          resource,
          detail: { format: 'csv', filter: q.filter, sort: q.sort, rows: Number(total.total) },
        });
        const day = new Date().toISOString().slice(0, 10);
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', `attachment; filename="audit-events-${day}.csv"`);
        ctx.set('Cache-Control', 'no-store');
        return Readable.from(exportCsv(db, actor!, q, keyTerm, Number(total.upTo)));
      },
    }),
    defineRoute({
      method: 'get',
      path: `/api/${resource}/:id`,
      summary: 'Show one audit event',
      tags,
      access,
      params: bigIdParams,
      response: { description: 'The event', schema: auditEventRecord },
      handler: async ({ db, params, actor }) => {
        const row = await db
          .selectFrom('auditEvents')
          .select(auditColumns as never[])
          .where('id', '=', params.id)
          .executeTakeFirst();
        if (!row) throw Problem.notFound(`No audit event with id ${params.id}.`);
        const [shown] = await presentEvents(db, actor!, [toApi(row as Record<string, unknown>)]);
        return shown;
      },
    }),
  ] as RouteDef[];
}
