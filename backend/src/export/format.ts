import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { completedMonths, fileLabel, rigaClock, type NeedWish } from '@adoption/model';
import { formatPersonalCode } from '../latvian/personal-code';
import type { ExportColumn } from './columns';
import { words, type ExportLang } from './labels';

/** A value as a file holds it: text, a whole number, a calendar date or a moment. */
export type Cell = null | string | number | { date: string } | { moment: Date };

export interface FormatContext {
  lang: ExportLang;
  /** Today in Riga (`YYYY-MM-DD`): ages and waiting times are counted to it. */
  today: string;
  /** Names of the classifier records referenced (orphan courts, care providers, countries). */
  names: Record<'orphanCourts' | 'careProviders' | 'countries', Map<number, string>>;
}

const isoOf = (value: unknown): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** The Riga wall-clock time of an instant, as a Date whose UTC fields hold it (Excel has no zones). */
function rigaWallClock(instant: Date): Date {
  const { date, time } = rigaClock(instant);
  return new Date(`${date}T${time}:00Z`);
}

const dateText = (iso: string, lang: ExportLang) =>
  lang === 'lv' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;

interface Relative {
  kind: string;
  givenNames: string;
  surname: string;
  birthDate: string | null;
  residence: string | null;
  note: string | null;
}
interface Condition {
  condition: string;
  icd10: string | null;
  since: string | null;
  treatment: string | null;
}
interface Refusal {
  refusedOn: string;
  childId: number | null;
  reason: string;
}

const joinParts = (parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => Boolean(p)).join(', ');

/** One cell of a row: enum labels, names of referenced records, sub-lists as one text. */
export function cellOf(
  column: ExportColumn,
  row: Record<string, unknown>,
  ctx: FormatContext,
): Cell {
  const value = row[column.field];
  if (value == null) return null;
  const { lang } = ctx;
  switch (column.kind) {
    case 'text':
      return String(value);
    case 'number':
      return Number(value);
    case 'date':
      return { date: isoOf(value)! };
    case 'timestamp':
      return { moment: value instanceof Date ? value : new Date(String(value)) };
    case 'boolean':
      return (value ? words.yes : words.no)[lang];
    case 'personalCode':
      return formatPersonalCode(String(value));
    case 'enum':
      return fileLabel(column.of, String(value), lang);
    case 'reference':
      return ctx.names[column.table].get(Number(value)) ?? String(value);
    case 'yearsSince':
      return Math.floor(completedMonths(isoOf(value)!, ctx.today) / 12);
    case 'monthsSince':
      return completedMonths(isoOf(value)!, ctx.today);
    case 'relatives':
      return (value as Relative[])
        .map((r) =>
          joinParts([
            `${fileLabel('relative_kind', r.kind, lang)}: ${r.givenNames} ${r.surname}`,
            r.birthDate && dateText(r.birthDate, lang),
            r.residence,
            r.note,
          ]),
        )
        .join('; ');
    case 'healthConditions':
      return (value as Condition[])
        .map((c) =>
          joinParts([
            c.icd10 ? `${c.condition} (${c.icd10})` : c.condition,
            c.since && `${words.since[lang]} ${dateText(c.since, lang)}`,
            c.treatment,
          ]),
        )
        .join('; ');
    case 'refusals':
      return (value as Refusal[])
        .map(
          (r) =>
            `${dateText(r.refusedOn, lang)}${r.childId ? ` (${words.child[lang]} ${r.childId})` : ''}: ${r.reason || words.noReason[lang]}`,
        )
        .join('; ');
    case 'needWishes':
      return (value as NeedWish[])
        .map((w) =>
          [
            `${fileLabel('health_acceptance', w.need, lang)}: ${fileLabel('need_answer', w.answer, lang)}`,
            w.note,
          ]
            .filter(Boolean)
            .join(' — '),
        )
        .join('; ');
  }
}

/** Spreadsheet programs run cells that start with these as formulas; such text gets a `'` first. */
const guard = (text: string) => (/^[=+@\t\r]|^-[^0-9]/.test(text) ? `'${text}` : text);

function csvText(cell: Cell, lang: ExportLang): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return guard(cell);
  if ('date' in cell) return dateText(cell.date, lang);
  const wall = rigaWallClock(cell.moment).toISOString();
  return `${dateText(wall.slice(0, 10), lang)} ${wall.slice(11, 16)}`;
}

/**
 * CSV as Excel opens it by double-click: UTF-8 with a byte order mark (else Latvian letters come
 * out garbled), `;` between fields in Latvian (Excel in a Latvian locale, where the decimal mark
 * is a comma, splits on `;`), `,` in English; CRLF line ends (RFC 4180).
 */
export function toCsv(columns: ExportColumn[], rows: Cell[][], lang: ExportLang): Buffer {
  const text = stringify(
    [columns.map((c) => c.header[lang]), ...rows.map((r) => r.map((c) => csvText(c, lang)))],
    { delimiter: lang === 'lv' ? ';' : ',', record_delimiter: 'windows' },
  );
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

const formats = {
  lv: { date: 'dd.mm.yyyy', moment: 'dd.mm.yyyy hh:mm' },
  en: { date: 'yyyy-mm-dd', moment: 'yyyy-mm-dd hh:mm' },
};

/**
 * XLSX with typed cells: dates are date cells (sortable, filterable in Excel), numbers are numbers,
 * text is text (never a formula). Header row bold, frozen and with filters. exceljs's streaming
 * writer commits each row as it goes, so no workbook of cell objects is built in memory.
 */
export async function toXlsx(
  columns: ExportColumn[],
  rows: Cell[][],
  lang: ExportLang,
  sheetName: string,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header[lang],
    key: c.name,
    width: Math.min(Math.max(c.header[lang].length + 2, c.kind === 'text' ? 24 : 12), 50),
    style:
      c.kind === 'date'
        ? { numFmt: formats[lang].date }
        : c.kind === 'timestamp'
          ? { numFmt: formats[lang].moment }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).commit();
  for (const row of rows) {
    sheet
      .addRow(
        row.map((cell) => {
          if (cell === null || typeof cell !== 'object') return cell;
          if ('date' in cell) {
            const [y, m, d] = cell.date.split('-').map(Number);
            return new Date(Date.UTC(y!, m! - 1, d!));
          }
          return rigaWallClock(cell.moment);
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
