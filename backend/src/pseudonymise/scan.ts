import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { CLASSIFICATION, compareWithSchema } from './classification';
import {
  addNeedles,
  emptyNeedles,
  findInText,
  hasNeedlePair,
  type FindingKind,
  type Needles,
} from './needles';

// Reading a database for the pseudonymisation: its columns (checked against the classification),
// the people of PROD (collected before anything changes), and the verification that scans every
// text, json and bytea column of TEST for them afterwards.

export interface SchemaColumn {
  table: string;
  column: string;
  type: string;
}

/** Base tables and columns of the connection's schema (public), with their data types. */
export async function schemaColumns(db: Kysely<Database>): Promise<SchemaColumn[]> {
  const { rows } = await sql<SchemaColumn>`
    select c.table_name as "table", c.column_name as "column", c.data_type as "type"
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db.withoutPlugins());
  return rows;
}

export class UnclassifiedColumnsError extends Error {
  constructor(readonly columns: string[]) {
    super(
      `the database has columns the pseudonymisation does not classify: ${columns.join(', ')} ` +
        '(add them to backend/src/pseudonymise/classification.ts before copying this data to TEST)',
    );
  }
}

/** Refuses a database with a column the classification does not list (fail closed). */
export async function assertClassified(db: Kysely<Database>): Promise<SchemaColumn[]> {
  const columns = await schemaColumns(db);
  const { unclassified } = compareWithSchema(columns);
  if (unclassified.length > 0) throw new UnclassifiedColumnsError(unclassified);
  return columns;
}

/** Every row of a table as JSON (snake_case keys), in pages, through a cursor. */
async function forEachRow(
  db: Kysely<Database>,
  table: string,
  visit: (row: Record<string, unknown>) => void,
  pageSize = 1000,
): Promise<void> {
  await db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      await sql`declare pseudonymise_scan no scroll cursor for select to_jsonb(t) as r from ${sql.table(table)} t`.execute(
        trx,
      );
      for (;;) {
        const { rows } = await sql<{
          r: Record<string, unknown>;
        }>`fetch forward ${sql.raw(String(pageSize))} from pseudonymise_scan`.execute(trx);
        for (const row of rows) visit(row.r);
        if (rows.length < pageSize) break;
      }
      await sql`close pseudonymise_scan`.execute(trx);
    });
}

/** The people of the register in this (PROD) database: what must not reach TEST. */
export async function collectNeedles(db: Kysely<Database>): Promise<Needles> {
  const needles = emptyNeedles();
  const tables = new Set((await schemaColumns(db)).map((c) => c.table));
  for (const [table, rule] of Object.entries(CLASSIFICATION)) {
    if (rule.people && tables.has(table))
      await forEachRow(db, table, (r) => addNeedles(needles, r));
  }
  return needles;
}

export interface Finding {
  table: string;
  column: string;
  /** The row's id (or its position when the table has none); never the value found. */
  row: string;
  kind: FindingKind;
}

export interface ScanReport {
  tables: number;
  rows: number;
  findings: Finding[];
  /** Findings beyond the first `limit` are counted, not listed. */
  more: number;
}

const DERIVED = new Set(['search_text', 'name_sort', 'display_name_sort']);
const TEXTUAL = /^(text|character varying|character|json|jsonb|bytea|ARRAY)$/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (typeof value === 'object' && value !== null)
    Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/**
 * Scans every text, json and bytea column of every table for the needles: personal codes,
 * e-mails and phones anywhere (bytea read as Latin-1), name pairs in free text (adjacent words),
 * in a row's given names + surname columns and in JSON objects that pair them. Reports where
 * (table, column, row id), never what.
 */
export async function scanForNeedles(
  db: Kysely<Database>,
  needles: Needles,
  limit = 50,
): Promise<ScanReport> {
  const columns = await schemaColumns(db);
  const byTable = new Map<string, SchemaColumn[]>();
  for (const c of columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  const report: ScanReport = { tables: byTable.size, rows: 0, findings: [], more: 0 };
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.table}|${f.column}|${f.row}|${f.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (report.findings.length < limit) report.findings.push(f);
    else report.more++;
  };
  for (const [table, cols] of byTable) {
    const textual = cols.filter((c) => TEXTUAL.test(c.type));
    if (textual.length === 0) continue;
    let position = 0;
    // Files are large: fewer rows a page.
    const pageSize = textual.some((c) => c.type === 'bytea') ? 20 : 1000;
    await forEachRow(
      db,
      table,
      (row) => {
        report.rows++;
        position++;
        const id = row.id === undefined ? `#${position}` : String(row.id);
        for (const c of textual) {
          const value = row[c.column];
          if (value === null || value === undefined) continue;
          if (c.type === 'bytea') {
            const bytes = Buffer.from(String(value).replace(/^\\x/, ''), 'hex').toString('latin1');
            findInText(bytes, needles, false).forEach((kind) =>
              add({ table, column: c.column, row: id, kind }),
            );
            continue;
          }
          for (const s of strings(value)) {
            findInText(s, needles, !DERIVED.has(c.column)).forEach((kind) =>
              add({ table, column: c.column, row: id, kind }),
            );
          }
          if (typeof value === 'object' && hasNeedlePair(value, needles)) {
            add({ table, column: c.column, row: id, kind: 'name' });
          }
        }
        const columnsOnly = Object.fromEntries(
          Object.entries(row).filter(([, v]) => typeof v !== 'object' || v === null),
        );
        if (hasNeedlePair(columnsOnly, needles)) {
          add({ table, column: 'given names + surname', row: id, kind: 'name' });
        }
      },
      pageSize,
    );
  }
  return report;
}

/** One line per finding, for a log: where, never the value. */
export const describeFindings = (r: ScanReport) =>
  r.findings
    .map((f) => `  ${f.kind} in ${f.table}.${f.column}, row ${f.row}`)
    .concat(r.more > 0 ? [`  … and ${r.more} more`] : []);
