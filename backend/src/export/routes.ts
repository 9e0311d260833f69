/**
 * export/: CSV and XLSX downloads of the children's and adopters' lists — the list's filters and
 * record scope, only the columns the caller's field rules show, the model's labels, every export
 * audited. Counts for analysts are statistics/; the audit trail's CSV is audit/.
 */
import { rigaToday } from '@adoption/model';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, AnyQuery } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem, type FieldError } from '../http/problem';
import {
  applyFilters,
  applySort,
  parseListQuery,
  parseQueryJson,
  type ListSpec,
} from '../http/list';
import { applyScope, recordScope } from '../policies/scopes';
import { hiddenFields } from '../policies/fields';
import { childList } from '../children/list';
import { adopterList } from '../adopters/list';
import { adopterColumns, childColumns, type ExportColumn } from './columns';
import { cellOf, toCsv, toXlsx, type FormatContext } from './format';
import { words } from './labels';

/**
 * `GET /api/children/export` and `GET /api/adopters/export`: the list as a CSV or XLSX file, with
 * the list's scope, filters and sort and only the fields the caller's role may see. Every export
 * is audited (`export`, with the filter, the columns and the ids of the rows), committed before
 * the file is sent.
 */

/** Most rows one export holds; a larger one is refused (narrow the filter). */
export const EXPORT_MAX_ROWS = 20_000;
/** Rows per database round trip while the file is built. */
const BATCH = 1000;

const exportQuery = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['lv', 'en']).default('lv'),
    columns: z.string().optional().meta({
      description: 'JSON array of column names, in file order; default every column you may see',
      example: '["surname","givenNames","birthDate","age"]',
    }),
    sort: z.string().optional().meta({ description: 'as the list: JSON `["field","ASC"|"DESC"]`' }),
    filter: z.string().optional().meta({ description: 'as the list: JSON object of filters' }),
  })
  .strict();

interface Resource {
  resource: 'children' | 'adopters';
  table: 'children' | 'adopters';
  spec: ListSpec;
  columns: ExportColumn[];
  fileStem: { lv: string; en: string };
  tag: string;
}

const resources: Resource[] = [
  {
    resource: 'children',
    table: 'children',
    spec: childList,
    columns: childColumns,
    fileStem: words.children,
    tag: 'Children',
  },
  {
    resource: 'adopters',
    table: 'adopters',
    spec: adopterList,
    columns: adopterColumns,
    fileStem: words.adopters,
    tag: 'Adopters',
  },
];

/** The requested columns (or every visible one), refusing unknown and hidden ones by name. */
function chooseColumns(raw: string | undefined, all: ExportColumn[], hidden: Set<string>) {
  const visible = all.filter((c) => !hidden.has(c.field));
  if (raw === undefined) return visible;
  const errors: FieldError[] = [];
  const names = parseQueryJson(raw, 'query.columns', errors);
  if (errors.length) throw Problem.validation(errors);
  const parsed = z.array(z.string().max(100)).min(1).max(all.length).safeParse(names);
  if (!parsed.success) {
    throw Problem.validation([
      {
        path: 'query.columns',
        code: 'invalid_type',
        message: `must be a JSON array of 1 to ${all.length} column names`,
      },
    ]);
  }
  const chosen: ExportColumn[] = [];
  for (const name of new Set(parsed.data)) {
    const column = all.find((c) => c.name === name);
    if (!column) {
      errors.push({
        path: `query.columns.${name}`,
        code: 'unknown_field',
        message: `is not a column; columns you may export: ${visible.map((c) => c.name).join(', ')}`,
      });
    } else if (hidden.has(column.field)) {
      errors.push({
        path: `query.columns.${name}`,
        code: 'hidden_field',
        message: 'is a field your role may not see',
      });
    } else {
      chosen.push(column);
    }
  }
  if (errors.length) throw Problem.validation(errors);
  return chosen;
}

/** Names of the classifier records the chosen columns refer to. */
async function referenceNames(db: Db, columns: ExportColumn[], lang: 'lv' | 'en') {
  const names: FormatContext['names'] = {
    orphanCourts: new Map(),
    careProviders: new Map(),
    countries: new Map(),
  };
  for (const c of columns) {
    if (c.kind !== 'reference' || names[c.table].size) continue;
    const rows =
      c.table === 'countries'
        ? await db
            .selectFrom('countries')
            .select(['id', lang === 'lv' ? 'nameLv as name' : 'nameEn as name'])
            .execute()
        : await db.selectFrom(c.table).select(['id', 'name']).execute();
    for (const r of rows) names[c.table].set(r.id, r.name);
  }
  return names;
}

export function exportRoutes({ maxRows = EXPORT_MAX_ROWS } = {}): RouteDef[] {
  return resources.map(({ resource, table, spec, columns: all, fileStem, tag }) =>
    defineRoute({
      method: 'get',
      // Registered before `/:id`, which would take "export" for an id.
      path: `/api/${resource}/export`,
      summary: `Export the ${resource} list as CSV or XLSX (audited)`,
      tags: [tag],
      access: `${resource}:read`,
      query: exportQuery,
      response: {
        description: `Every matching record (at most ${maxRows.toLocaleString('en')}; more is refused with 400 naming query.filter), only the columns your role may see. CSV: UTF-8 with byte order mark, ";" in lv, "," in en. XLSX: typed date cells.`,
        headers: { 'Content-Disposition': `\`attachment; filename="${fileStem.lv}-<date>.xlsx"\`` },
      },
      handler: async ({ db, ctx, actor, query, audit }) => {
        const role = actor!.role;
        const hidden = hiddenFields(resource, role);
        const listQuery = Object.fromEntries(
          Object.entries({ sort: query.sort, filter: query.filter }).filter(([, v]) => v),
        );
        const q = parseListQuery(listQuery, spec, 1, hidden);
        const columns = chooseColumns(query.columns, all, hidden);
        const scope = recordScope(resource, actor!);
        const scoped = (qb: AnyQuery) => applyScope(qb, scope);

        // The ids in file order first: the audit names exactly the rows the file holds.
        const anyDb = db as unknown as Db & { selectFrom(t: string): AnyQuery };
        const filtered = applyFilters(scoped(anyDb.selectFrom(table)), spec, q.filter);
        const ids = (
          await applySort(filtered.select('id'), spec, q.sort)
            .limit(maxRows + 1)
            .execute()
        ).map((r) => Number(r.id));
        if (ids.length > maxRows) {
          const { total } = await filtered
            .select(sql<number>`count(*)`.as('total'))
            .executeTakeFirstOrThrow();
          throw Problem.validation([
            {
              path: 'query.filter',
              code: 'too_many_rows',
              message: `matches ${Number(total)} records; an export holds at most ${maxRows}: narrow the filter`,
            },
          ]);
        }
        await audit({
          action: 'export',
          resource,
          recordIds: ids,
          detail: {
            format: query.format,
            lang: query.lang,
            filter: q.filter,
            sort: q.sort,
            columns: columns.map((c) => c.name),
            rows: ids.length,
          },
        });

        const ctxFormat: FormatContext = {
          lang: query.lang,
          today: rigaToday(),
          names: await referenceNames(db, columns, query.lang),
        };
        const fields = [...new Set(['id', ...columns.map((c) => c.field)])];
        const rows: ReturnType<typeof cellOf>[][] = [];
        for (let i = 0; i < ids.length; i += BATCH) {
          const batch = ids.slice(i, i + BATCH);
          const found = (await scoped(anyDb.selectFrom(table))
            .select(fields)
            .where('id', 'in', batch)
            .execute()) as Record<string, unknown>[];
          const byId = new Map(found.map((r) => [Number(r.id), r]));
          for (const id of batch) {
            const row = byId.get(id);
            // A row deleted since the ids were read is left out.
            if (row) rows.push(columns.map((c) => cellOf(c, row, ctxFormat)));
          }
        }

        const name = `${fileStem[query.lang]}-${ctxFormat.today}.${query.format}`;
        ctx.set('Content-Disposition', `attachment; filename="${name}"`);
        ctx.set('Cache-Control', 'no-store');
        if (query.format === 'csv') {
          ctx.type = 'text/csv; charset=utf-8';
          return toCsv(columns, rows, query.lang);
        }
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return toXlsx(columns, rows, query.lang, words.sheet[query.lang]);
      },
    }),
  ) as RouteDef[];
}
