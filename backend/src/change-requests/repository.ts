import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { Json } from '../db/tables/audit-events';
import { changeRequestResources, type FieldValues } from '../db/tables/change-requests';
import { canonicalJson, toJson } from '../audit/canonical';
import { applyScope, type RecordScope } from '../policies/scopes';
import { Problem } from '../http/problem';
import { targets } from './targets';
import { userNames } from '../users/names';

export const pickValues = (values: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, toJson(values[f])])) as FieldValues;

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Fields the register changed since the proposal: the value now differs from the one the proposer
 * saw, and is not already the proposed one (someone made the same change: no conflict).
 */
export function changedSince(
  fields: readonly string[],
  atProposal: FieldValues,
  current: Record<string, unknown>,
  proposed: FieldValues,
): string[] {
  return fields.filter(
    (f) => !same(current[f], atProposal[f] as Json) && !same(current[f], proposed[f] as Json),
  );
}

/**
 * Which requests a user sees: specialists and the head all; a care institution or an orphan court
 * those its organisation sent (whoever of its users sent them). Like a record scope, a request
 * outside it answers 404, as a missing one.
 */
export function requestScope(actor: Actor): RecordScope {
  const match = (column: string, value: number | null): RecordScope =>
    value === null ? { kind: 'none' } : { kind: 'match', column, value };
  switch (actor.role) {
    case 'adoption_specialist':
    case 'head_of_department':
      return { kind: 'all' };
    case 'care_institution':
      return match('careProviderId', actor.careProviderId);
    case 'orphan_court':
      return match('orphanCourtId', actor.orphanCourtId);
    default:
      return { kind: 'none' };
  }
}

export const requestColumns = [
  'id',
  'version',
  'resource',
  'kind',
  'recordId',
  'proposedBy',
  'careProviderId',
  'orphanCourtId',
  'proposed',
  'valuesAtProposal',
  'comment',
  'status',
  'acceptedFields',
  'decisionComment',
  'decidedBy',
  'decidedAt',
  'createdRecordId',
  'createdAt',
  'updatedAt',
] as const;

export const selectRequests = (db: Db, actor: Actor) =>
  applyScope(db.selectFrom('changeRequests').select([...requestColumns]), requestScope(actor));

export type RequestRow = Awaited<
  ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>
>;

export function notFound(id: number): never {
  throw Problem.noRecord('change-requests', id);
}

/** The request, locked for a decision (in the actor's scope: 404 outside it). */
export async function lockRequest(db: Db, actor: Actor, id: number): Promise<RequestRow> {
  return (
    (await selectRequests(db, actor).where('id', '=', id).forUpdate().executeTakeFirst()) ??
    notFound(id)
  );
}

/**
 * The requests as listed: proposer's and decider's names, the record's name where the caller may
 * see it, the proposed field names — not the values.
 */
export async function summaries(db: Db, actor: Actor, rows: RequestRow[]) {
  const userName = await userNames(
    db,
    rows.flatMap((r) => [r.proposedBy, r.decidedBy]),
  );
  const names = await recordNames(db, actor, rows);
  return rows.map((r) => {
    const { proposed, valuesAtProposal: _atProposal, ...rest } = r;
    const recordId = r.recordId ?? r.createdRecordId;
    const proposedName =
      r.kind === 'create' && !targets[r.resource].hidden(actor.role).has('surname')
        ? `${String(proposed.surname ?? '')} ${String(proposed.givenNames ?? '')}`.trim() || null
        : null;
    return {
      ...rest,
      recordName:
        (recordId !== null ? names.get(`${r.resource}:${recordId}`) : undefined) ?? proposedName,
      // In the card's order (jsonb keeps keys in an order of its own).
      fields: targets[r.resource].fields.filter((f) => Object.hasOwn(proposed, f)),
      proposedByName: userName.get(r.proposedBy) ?? '',
      decidedByName: r.decidedBy !== null ? (userName.get(r.decidedBy) ?? null) : null,
    };
  });
}

/** What the inbox calls the records the caller may see (`surname givenNames`), keyed `resource:id`. */
async function recordNames(db: Db, actor: Actor, rows: RequestRow[]) {
  const out = new Map<string, string>();
  for (const resource of changeRequestResources) {
    const ids = [
      ...new Set(
        rows
          .filter((r) => r.resource === resource)
          .map((r) => r.recordId ?? r.createdRecordId)
          .filter((id): id is number => id !== null),
      ),
    ];
    if (ids.length === 0) continue;
    for (const [id, name] of await targets[resource].names(db, actor, ids)) {
      out.set(`${resource}:${id}`, name);
    }
  }
  return out;
}

/**
 * One request with its values: the proposed ones, the record's when proposed and now (within
 * the caller's record scope and field rules; a proposer whose record has left its scope sees
 * only what it proposed), and the fields changed since the proposal.
 */
export async function detail(db: Db, actor: Actor, row: RequestRow) {
  const [summary] = await summaries(db, actor, [row]);
  const fields = summary!.fields;
  const target = targets[row.resource];
  const visible = (values: FieldValues | null) =>
    values && (target.present(actor, values) as FieldValues);
  let current: FieldValues | null = null;
  let recordVersion: number | null = null;
  if (row.kind === 'update' && row.recordId !== null) {
    const found = await target.findInScope(db, actor, row.recordId);
    if (found) {
      current = pickValues(found, fields);
      recordVersion = found.version;
    }
  }
  const sees = current !== null || requestScope(actor).kind === 'all';
  const atProposal = sees ? row.valuesAtProposal : null;
  return {
    ...summary!,
    proposed: visible(row.proposed)!,
    valuesAtProposal: visible(atProposal),
    current: visible(current),
    recordVersion,
    changedSinceProposal:
      row.status === 'pending' && current && atProposal
        ? changedSince(fields, atProposal, current, row.proposed)
        : [],
  };
}
