/*
 * common/: small pieces several resources' screens use — the card toolbar, the stale-save conflict
 * dialog, Latvian dates and personal codes, field values and their history, status changes, list
 * filters, validation, keyboard shortcuts. Whole person screens are people/, API access providers/.
 *
 * This file: how a field's value reads on a timeline, in a change request's table or beside another
 * in the conflict dialog (children, adopters, sibling groups): enumerations translated, dates
 * DD.MM.YYYY, personal codes DDMMYY-NNNNN, references by name, sub-lists row by row. Each field's
 * kind and the card's order are the shared model's (model/src/card.ts). Pure, so the rules are
 * tested; FieldValue.tsx renders them.
 */
import { fieldKind, formatLvDate, personalCodeText } from '@adoption/model';

export const isBlank = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Record<string, unknown>;

const str = (v: unknown) => (isBlank(v) ? '' : String(v));

/** One sub-list row in a line: "Māte: Ozoliņa Ilze, dz. 12.03.1990, Rīga". */
export function rowText(field: string, row: Row, translate: Translate): string {
  const parts = (...xs: string[]) => xs.filter(Boolean).join(', ');
  if (field === 'relatives') {
    const kind = translate(`app.enums.relative_kind.${str(row.kind)}`, { _: str(row.kind) });
    const born = row.birthDate
      ? translate('app.card.born', { date: formatLvDate(row.birthDate) })
      : '';
    return `${kind}: ${parts(`${str(row.surname)} ${str(row.givenNames)}`.trim(), born, str(row.residence), str(row.note))}`;
  }
  if (field === 'healthConditions') {
    const since = row.since ? translate('app.card.since', { date: formatLvDate(row.since) }) : '';
    return parts(`${str(row.icd10)} ${str(row.condition)}`.trim(), since, str(row.treatment));
  }
  if (field === 'refusals') {
    const child = row.childId ? translate('app.card.child_ref', { id: String(row.childId) }) : '';
    return `${formatLvDate(row.refusedOn)}: ${parts(str(row.reason), child)}`;
  }
  if (field === 'needWishes') {
    const need = translate(`app.enums.health_acceptance.${str(row.need)}`, { _: str(row.need) });
    const answer = translate(`app.enums.need_answer.${str(row.answer)}`, { _: str(row.answer) });
    return `${need}: ${parts(answer, str(row.note))}`;
  }
  return JSON.stringify(row);
}

/** A plain value in words ('' for a reference or a sub-list, which FieldValue renders itself). */
export function valueText(resource: string, field: string, value: unknown, translate: Translate) {
  if (isBlank(value)) return '—';
  const kind = fieldKind(resource, field);
  switch (kind.kind) {
    case 'date':
      return formatLvDate(value) || String(value);
    case 'boolean':
      return translate(`ra.boolean.${String(value === true)}`);
    case 'personalCode':
      return personalCodeText(value);
    case 'enum':
      return translate(`app.enums.${kind.name}.${String(value)}`, { _: String(value) });
    case 'enumList':
      return (Array.isArray(value) ? value : [value])
        .map((v) => translate(`app.enums.${kind.name}.${String(v)}`, { _: String(v) }))
        .join(', ');
    case 'list':
      return (Array.isArray(value) ? value : [])
        .map((r) => rowText(field, (r ?? {}) as Row, translate))
        .join('; ');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

const rowKey = (r: unknown) =>
  JSON.stringify(
    Object.entries((r ?? {}) as Row)
      .filter(([, v]) => !isBlank(v))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/**
 * A sub-list change in counts: rows added, removed and changed. Rows equal in both lists are
 * unchanged wherever they moved; of the rest, as many as both sides have count as changed.
 */
export function listSummary(before: unknown, after: unknown) {
  const old = Array.isArray(before) ? before.map(rowKey) : [];
  const now = Array.isArray(after) ? after.map(rowKey) : [];
  const remaining = [...old];
  let fresh = 0;
  for (const r of now) {
    const i = remaining.indexOf(r);
    if (i >= 0) remaining.splice(i, 1);
    else fresh += 1;
  }
  const changed = Math.min(fresh, remaining.length);
  return { added: fresh - changed, removed: remaining.length - changed, changed };
}
