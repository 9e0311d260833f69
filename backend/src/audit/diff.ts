import type { Json } from '../db/tables/audit-events';
import { canonicalJson, toJson } from './canonical';

/** `{"field":{"old":…,"new":…}}`: `old` absent on create, `new` absent on delete. */
export type AuditChanges = Record<string, { old?: Json; new?: Json }>;

/** Bookkeeping columns that are never worth a line in the trail. */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'searchText', 'nameSort']);

const fields = (row: Record<string, unknown>) => Object.keys(row).filter((f) => !IGNORED.has(f));

/** A created record: every field's new value. */
export function createdChanges(record: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(fields(record).map((f) => [f, { new: toJson(record[f]) }]));
}

/** A deleted record: every field's last value. */
export function deletedChanges(record: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(fields(record).map((f) => [f, { old: toJson(record[f]) }]));
}

/** An updated record: only the fields whose value changed, with old and new. */
export function updatedChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AuditChanges {
  const out: AuditChanges = {};
  for (const f of new Set([...fields(before), ...fields(after)])) {
    const old = toJson(before[f]);
    const now = toJson(after[f]);
    if (canonicalJson(old) !== canonicalJson(now)) out[f] = { old, new: now };
  }
  return out;
}
