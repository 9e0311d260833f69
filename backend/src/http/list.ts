import { sql, type Kysely } from 'kysely';
import type { AnyQuery, Db } from '../db/database';
import { z, type ZodType } from 'zod';
import type { Context } from 'koa';
import { Problem, type FieldError } from './problem';
import { fieldErrors } from './errors';
import { searchTokens } from '../latvian/search';
import { addMonths, rigaToday } from '@adoption/model';
import { inputErrors, ownEntry } from './input';
import { idValue, INT_MAX } from './ids';

/**
 * The list contract of react-admin's ra-data-simple-rest, which the console uses unmodified:
 *   GET /api/<resource>?sort=["field","ASC"]&range=[0,24]&filter={"field":value,"q":"text"}
 * answers a JSON array with `Content-Range: <resource> 0-24/<total>`. `filter={"id":[…]}` is getMany.
 */

export interface FilterDef {
  /** Validates the filter value (an `filter.<field>` error names the field on failure). */
  schema: ZodType;
  apply(qb: AnyQuery, value: never): AnyQuery;
  /**
   * Record fields whose values the filter discloses. A caller whose role may not see one of them
   * is refused the filter (`parseListQuery`'s `hidden`): matching on a hidden field would let it
   * probe values it may not read.
   */
  reveals?: readonly string[];
}

export interface ListSpec {
  /** Public API field → column (camelCase) or SQL expression to order by. */
  sort: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, FilterDef>;
  /** Column holding the folded search text matched by `q` (every token must occur). */
  searchColumn?: string;
  /** Largest id of `filter={"id":[…]}`: INT_MAX (default) or BIGINT_MAX, as the id column. */
  idMax?: number;
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

/** Query-string schema for the OpenAPI document; the real parsing is parseListQuery. */
export const listQueryDoc = z
  .object({
    sort: z
      .string()
      .optional()
      .meta({ description: 'JSON `["field","ASC"|"DESC"]`', example: '["name","ASC"]' }),
    range: z
      .string()
      .optional()
      .meta({ description: 'JSON `[first,last]`, inclusive, zero-based', example: '[0,24]' }),
    filter: z.string().optional().meta({
      description: 'JSON object of field filters; `q` searches; `id` array is getMany',
      example: '{"q":"rīga"}',
    }),
  })
  .strict();

/** Filter on a column equal to the value, or IN the values when an array is given. */
export function equals(column: string, value: ZodType): FilterDef {
  return {
    schema: z.union([value, z.array(value).max(1000)]),
    reveals: [column],
    apply: (qb, v: unknown) =>
      Array.isArray(v)
        ? v.length === 0
          ? qb.where(sql<boolean>`false`)
          : qb.where(column, 'in', v)
        : qb.where(column, '=', v),
  };
}

const months = z.number().int().min(0).max(1200);

/**
 * Whole months from the date in `column` to today in Riga, at least (`min`) or at most (`max`)
 * the value: conditions on the date itself, so an index on the column serves them.
 */
export function monthsSince(column: string, bound: 'min' | 'max'): FilterDef {
  return {
    schema: months,
    reveals: [column],
    apply: (qb, v: number) =>
      bound === 'min'
        ? qb.where(column, '<=', addMonths(rigaToday(), -v))
        : qb.where(column, '>', addMonths(rigaToday(), -(v + 1))),
  };
}

// getMany: react-admin sends the ids of a URL as strings (`{"id":["3"]}`), of a record as numbers.
const idFilters = new Map<number, FilterDef>();
function idFilter(spec: ListSpec): FilterDef {
  const max = spec.idMax ?? INT_MAX;
  let def = idFilters.get(max);
  if (!def) idFilters.set(max, (def = equals('id', idValue(max))));
  return def;
}

/** The filter of a field (`id`, `q` or one of the spec's), none for a name the list lacks. */
function filterOf(spec: ListSpec, field: string): FilterDef | undefined {
  if (field === 'id') return idFilter(spec);
  if (field === 'q' && spec.searchColumn) return qFilter;
  return ownEntry(spec.filters, field);
}

/**
 * A JSON query parameter (`sort`, `range`, `filter`, an export's `columns`), refusing what the
 * request pipeline refuses in every other input: NUL anywhere, nesting past MAX_DEPTH. `__proto__`
 * comes out of JSON.parse as an own key, which lookups then must not follow (`ownEntry`).
 */
export function parseQueryJson(raw: unknown, path: string, errors: FieldError[]): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    errors.push({ path, code: 'invalid_type', message: 'must be given once, as JSON' });
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    errors.push({ path, code: 'invalid_json', message: 'is not valid JSON' });
    return undefined;
  }
  const refused = inputErrors(parsed, path);
  if (refused.length) {
    errors.push(...refused);
    return undefined;
  }
  return parsed;
}

/**
 * `hidden`: the fields the caller's role may not see (policies/fields.ts hiddenFields); sorting by
 * one, or a filter that `reveals` one, is refused naming it, as an answer would disclose values.
 */
export function parseListQuery(
  raw: Record<string, unknown>,
  spec: ListSpec,
  maxPage: number,
  hidden?: ReadonlySet<string>,
): ListQuery {
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw)) {
    if (!['sort', 'range', 'filter'].includes(key)) {
      errors.push({
        path: `query.${key}`,
        code: 'unknown_field',
        message: 'is not a known parameter (use sort, range, filter)',
      });
    }
  }

  let sort = spec.defaultSort;
  const rawSort = parseQueryJson(raw.sort, 'query.sort', errors);
  if (rawSort !== undefined) {
    const fields = Object.keys(spec.sort);
    const parsed = z
      .tuple([
        z.string().max(100),
        z
          .string()
          .transform((s) => s.toUpperCase())
          .pipe(z.enum(['ASC', 'DESC'])),
      ])
      .safeParse(rawSort);
    if (!parsed.success) {
      errors.push({
        path: 'query.sort',
        code: 'invalid_type',
        message: 'must be ["field","ASC"|"DESC"]',
      });
    } else if (!fields.includes(parsed.data[0])) {
      errors.push({
        path: 'query.sort',
        code: 'unknown_field',
        message: `cannot sort by "${parsed.data[0]}"; sortable fields: ${fields.join(', ')}`,
      });
    } else if (hidden?.has(parsed.data[0])) {
      errors.push(hiddenFieldError('query.sort', parsed.data[0]));
    } else {
      sort = parsed.data;
    }
  }

  let range: [number, number] = [0, 24];
  const rawRange = parseQueryJson(raw.range, 'query.range', errors);
  if (rawRange !== undefined) {
    const parsed = z.tuple([z.number().int().min(0), z.number().int().min(0)]).safeParse(rawRange);
    if (!parsed.success) {
      errors.push({
        path: 'query.range',
        code: 'invalid_type',
        message: 'must be [first,last] with whole numbers ≥ 0',
      });
    } else if (parsed.data[1] < parsed.data[0]) {
      errors.push({
        path: 'query.range',
        code: 'invalid_range',
        message: 'last must not be before first',
      });
    } else if (parsed.data[1] - parsed.data[0] + 1 > maxPage) {
      errors.push({
        path: 'query.range',
        code: 'too_big',
        message: `a page holds at most ${maxPage} records`,
      });
    } else {
      range = parsed.data;
    }
  }

  const filter: Record<string, unknown> = {};
  const rawFilter = parseQueryJson(raw.filter, 'query.filter', errors);
  if (rawFilter !== undefined) {
    if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
      errors.push({ path: 'query.filter', code: 'invalid_type', message: 'must be a JSON object' });
    } else {
      for (const [field, value] of Object.entries(rawFilter)) {
        const def = filterOf(spec, field);
        if (!def) {
          const known = ['id', ...(spec.searchColumn ? ['q'] : []), ...Object.keys(spec.filters)];
          // A 100,000-character key is not echoed whole.
          const name = field.length > 100 ? `${field.slice(0, 100)}…` : field;
          errors.push({
            path: `query.filter.${name}`,
            code: 'unknown_field',
            message: `cannot filter by "${name}"; filterable fields: ${known.join(', ')}`,
          });
          continue;
        }
        const probed = def.reveals?.find((f) => hidden?.has(f));
        if (probed) {
          errors.push(hiddenFieldError(`query.filter.${field}`, probed));
          continue;
        }
        const parsed = def.schema.safeParse(value);
        if (parsed.success) filter[field] = parsed.data;
        else errors.push(...fieldErrors(parsed.error, `query.filter.${field}`));
      }
    }
  }

  if (errors.length) throw Problem.validation(errors);
  return { sort, range, filter };
}

function hiddenFieldError(path: string, field: string): FieldError {
  return {
    path,
    code: 'hidden_field',
    message: `uses "${field}", which your role may not see`,
  };
}

const qFilter: FilterDef = { schema: z.string().max(200), apply: (qb) => qb };

/** Applies the filters (including `id` and `q`) of a parsed list query to a select. */
export function applyFilters(
  qb: AnyQuery,
  spec: ListSpec,
  filter: Record<string, unknown>,
): AnyQuery {
  for (const [field, value] of Object.entries(filter)) {
    if (field === 'q') {
      for (const token of searchTokens(String(value))) {
        const pattern = `%${token.replace(/[\\%_]/g, (c: string) => `\\${c}`)}%`;
        qb = qb.where(spec.searchColumn!, 'like', pattern);
      }
    } else {
      qb = filterOf(spec, field)!.apply(qb, value as never);
    }
  }
  return qb;
}

/** Orders by the chosen field, with `id` as tie-breaker so pages never overlap. */
export function applySort(qb: AnyQuery, spec: ListSpec, [field, dir]: ListQuery['sort']): AnyQuery {
  const column = ownEntry(spec.sort, field)!;
  const direction = dir === 'ASC' ? 'asc' : 'desc';
  qb = qb.orderBy(column, direction);
  return column === 'id' ? qb : qb.orderBy('id', direction);
}

export function setContentRange(
  ctx: Context,
  resource: string,
  [first]: [number, number],
  count: number,
  total: number,
) {
  ctx.set(
    'Content-Range',
    count > 0 ? `${resource} ${first}-${first + count - 1}/${total}` : `${resource} */${total}`,
  );
}

/** The two queries behind a list page: the rows of the page and the total count. */
export function listQueries(
  db: Db,
  table: string,
  columns: string[],
  spec: ListSpec,
  q: ListQuery,
  /** Narrows the rows before anything else (record scope): the total counts only these. */
  scope: (qb: AnyQuery) => AnyQuery = (qb) => qb,
) {
  // Kysely cannot type a table chosen at run time; the resource's record schema keeps output honest.
  const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const filtered = applyFilters(scope(anyDb.selectFrom(table)), spec, q.filter);
  // A search matches few rows, found through the trigram index; sorting those is cheap. Left to
  // itself the planner walks the sort index instead and filters most of the table (seen: 92 ms
  // instead of 5 ms on 100,000 rows), so the matches are fenced off in a materialised CTE.
  const needed = [...new Set([...columns, ...Object.values(spec.sort)])];
  const source: AnyQuery = q.filter.q
    ? anyDb
        .with(
          (w) => w('matches').materialized(),
          () => filtered.select(needed),
        )
        .selectFrom('matches')
    : filtered;
  const page = applySort(source.select(columns), spec, q.sort)
    .limit(q.range[1] - q.range[0] + 1)
    .offset(q.range[0]);
  const count = filtered.select(sql<number>`count(*)`.as('total'));
  return {
    page,
    count,
    /**
     * The page with the total on each row: one statement, so one round trip and one pooled
     * connection instead of two. The total is an uncorrelated subquery, which PostgreSQL runs
     * once (an InitPlan); it comes last, as `listTotal`. `pageAndTotal` runs it.
     */
    pageWithTotal: page.select(count.as(LIST_TOTAL)),
  };
}

const LIST_TOTAL = 'listTotal';

/**
 * Runs a list's page and total in one statement (`pageWithTotal`). An empty page carries no total
 * (past the last page, or nothing matches): only then is the count run on its own.
 */
export async function pageAndTotal(
  queries: Pick<ReturnType<typeof listQueries>, 'pageWithTotal' | 'count'>,
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const rows = (await queries.pageWithTotal.execute()) as Record<string, unknown>[];
  if (!rows.length) {
    const { total } = (await queries.count.executeTakeFirstOrThrow()) as { total: unknown };
    return { rows, total: Number(total) };
  }
  const total = Number(rows[0]![LIST_TOTAL]);
  // The last key of each row: deleting it keeps the row's shape fast (and out of the answer).
  for (const row of rows) delete row[LIST_TOTAL];
  return { rows, total };
}
