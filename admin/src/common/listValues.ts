/**
 * Pure helpers of the children and adopters lists: ages and waiting times counted as the API
 * counts them (backend/src/http/list.ts addMonths, backend/src/export/format.ts completedMonths),
 * the columns the column chooser shows, and the export's request and file name.
 */

/** `iso` moved by whole months, the day clamped to the month's end (31 March − 1 month = 28/29 February). */
export const addMonths = (iso: string, months: number): string => {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Whole months from `from` to `to` (`YYYY-MM-DD`), as the list's filters count them. */
export const completedMonths = (from: string, to: string): number => {
  const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  const n = index(to) - index(from);
  return from <= addMonths(to, -n) ? n : n - 1;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Age in completed years on `today`; undefined for a missing date (a hidden field). */
export const ageOn = (birthDate: unknown, today: string): number | undefined =>
  typeof birthDate === 'string' && ISO_DATE.test(birthDate)
    ? Math.floor(completedMonths(birthDate, today) / 12)
    : undefined;

/** Whole months since `date` on `today`; undefined for a missing date. */
export const monthsOn = (date: unknown, today: string): number | undefined =>
  typeof date === 'string' && ISO_DATE.test(date) ? completedMonths(date, today) : undefined;

/** A column of react-admin's DatagridConfigurable, as it keeps them in the preference store. */
export interface AvailableColumn {
  index: string;
  source?: string;
  label?: string;
}

/**
 * The export's `columns`: the chooser's visible columns in screen order, each mapped to the API's
 * column names (a console column may show several, e.g. the spouse's surname and given names).
 * `chosen` is the stored selection (indices), undefined until the user changes it; then the
 * default is every column not in `omit`.
 */
export const exportColumns = (
  available: readonly AvailableColumn[],
  chosen: readonly string[] | undefined,
  omit: readonly string[] | undefined,
  aliases: Readonly<Record<string, readonly string[]>> = {},
): string[] => {
  const indices =
    chosen ?? available.filter((c) => !c.source || !omit?.includes(c.source)).map((c) => c.index);
  const names = indices
    .map((i) => available.find((c) => c.index === i)?.source)
    .filter((s): s is string => Boolean(s))
    .flatMap((source) => aliases[source] ?? [source]);
  return [...new Set(names)];
};

export type ExportFormat = 'csv' | 'xlsx';

/** The query of `GET /api/<resource>/export` for the list as it is on screen. */
export const exportQuery = (opts: {
  format: ExportFormat;
  lang: string;
  filter: Record<string, unknown> | undefined;
  sort: { field?: string; order?: string } | undefined;
  columns: readonly string[];
}): string => {
  const params = new URLSearchParams({
    format: opts.format,
    lang: opts.lang === 'en' ? 'en' : 'lv',
    filter: JSON.stringify(opts.filter ?? {}),
  });
  if (opts.sort?.field)
    params.set('sort', JSON.stringify([opts.sort.field, opts.sort.order ?? 'ASC']));
  if (opts.columns.length) params.set('columns', JSON.stringify(opts.columns));
  return params.toString();
};

/** The file name the API proposes in Content-Disposition, else `<resource>-<today>.<format>`. */
export const downloadName = (
  disposition: string | null,
  resource: string,
  format: ExportFormat,
  today: string,
): string =>
  /filename="([^"/\\]+)"/.exec(disposition ?? '')?.[1] ?? `${resource}-${today}.${format}`;
