/**
 * statistics/: counts of children for analysts (by status, sex, age band, care form, nationality)
 * without personal data; counts below STATISTICS_MIN_CELL are withheld (small-cell suppression).
 * Lists with names and their CSV/XLSX export are export/.
 */
import { rigaToday } from '@adoption/model';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { careForms, childStatuses, nationalityKinds, sexes } from '../db/tables/children';
import { ageBand, ageBands } from './age-bands';
import { suppressSmallCells, type Cell } from './suppression';

// Every category of a dimension is listed (with 0) so the shape of the answer never depends on
// the data; keys are the register's codes, the console translates them.
const dimensions = {
  status: { column: 'status', keys: childStatuses },
  sex: { column: 'sex', keys: sexes },
  careForm: { column: 'careForm', keys: careForms },
  nationalityKind: { column: 'nationalityKind', keys: nationalityKinds },
  ageBand: { column: null, keys: ageBands },
} as const;
type Dimension = keyof typeof dimensions;

const query = z
  .object({ by: z.enum(Object.keys(dimensions) as [Dimension, ...Dimension[]]) })
  .strict();

const answer = z
  .object({
    dimension: z.string(),
    referenceDate: z.string(),
    threshold: z.number().int(),
    total: z.number().int().nullable(),
    rows: z.array(z.object({ key: z.string(), count: z.number().int().nullable() })),
  })
  .meta({ id: 'ChildStatistics' });

/**
 * `GET /api/statistics/children?by=…`: counts of children in the register by one dimension,
 * with small cells withheld. No names, codes or ids leave this route.
 */
export function statisticsRoutes(opts: { minCell: number }): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/statistics/children',
      summary: 'Children in the register by one dimension (small counts withheld)',
      tags: ['Statistics'],
      access: 'statistics:read',
      query,
      response: { description: 'Counts per category', schema: answer },
      handler: async ({ db, query: { by } }) => {
        const today = rigaToday();
        const counts = new Map<string, number>(dimensions[by].keys.map((k) => [k, 0]));
        if (by === 'ageBand') {
          const rows = await db
            .selectFrom('children')
            .select([
              sql<number>`extract(year from age(${today}::date, birth_date))::int`.as('years'),
              sql<number>`count(*)::int`.as('n'),
            ])
            .groupBy('years')
            .execute();
          for (const r of rows) {
            const band = ageBand(Number(r.years));
            counts.set(band, (counts.get(band) ?? 0) + Number(r.n));
          }
        } else {
          const column = dimensions[by].column;
          const rows = await db
            .selectFrom('children')
            .select([`${column} as key`, sql<number>`count(*)::int`.as('n')])
            .groupBy(column)
            .execute();
          for (const r of rows) counts.set(String(r.key), Number(r.n));
        }
        const cells: Cell[] = [...counts].map(([key, count]) => ({ key, count }));
        const { rows, total } = suppressSmallCells(cells, opts.minCell);
        return { dimension: by, referenceDate: today, threshold: opts.minCell, total, rows };
      },
    }),
  ];
}
