import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import type { ListSpec } from '../http/list';
import { can } from '../policies/permissions';
import { hiddenFields } from '../policies/fields';
import type { Role } from '../policies/roles';
import { childList } from '../children/list';
import { adopterList } from '../adopters/list';
import { visibleCategories } from '../attachments/schema';
import { requestScope } from '../change-requests/repository';
import { MASK } from './mask';
import { isPersonResource, mayReadResource, readableIds } from './readable';

/**
 * THE presenter of audit events (the trail's list, show and CSV export, and a record's history).
 * Who did what to which record, when, is shown to every reader of the event: ids, actor, time,
 * action, request, and which fields changed. The values — `changes` old and new, the personal
 * content of `detail` — of an event about a person record (children, adopters, sibling groups,
 * change requests) only to a caller who may read every record the event is about, as that
 * record's show route decides (audit/readable.ts), and then within that role's field rules;
 * everybody else gets `MASK`. The administrator and the auditor read no person record, so for
 * them the card's text is always masked. Masking happens here, at presentation: the stored events
 * and their hash chain stay as they are.
 */

type Change = { old?: unknown; new?: unknown };

export interface PresentableEvent {
  resource: string;
  recordId: string | null;
  recordIds: string[] | null;
  changes: Record<string, Change> | null;
  detail: Record<string, unknown> | null;
}

/**
 * Members of `detail` that tell what kind of thing happened and to which records by id, never a
 * record's value: shown to every reader. Anything else is masked for a caller who may not read
 * the record (so a member added later is masked until it is classified here).
 */
const STRUCTURAL = new Set([
  'resource',
  'kind',
  'recordId',
  'view',
  'attachmentId',
  'attachmentIds',
  'childIds',
  'adopterIds',
  'changeRequestId',
  'confirmedLikelyDuplicateOf',
  'decision',
  'acceptedFields',
  'overridden',
  'completed',
  'reasonGiven',
  'sort',
  'range',
  'total',
  'rows',
  'format',
  'lang',
  'columns',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A search term as stored: keyed already (audit/mask.ts), so it reveals nothing. */
const isKeyed = (v: unknown) => isObject(v) && Array.isArray(v.keyed);

const maskChange = (change: Change): Change =>
  Object.fromEntries(Object.keys(change).map((k) => [k, MASK]));

/** A list's filter for someone who may not read the rows: which filters, not their values. */
function maskFilter(filter: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(filter).map(([k, v]) => [k, k === 'id' || isKeyed(v) ? v : MASK]),
  );
}

function maskDetail(detail: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(detail).map(([k, v]) => [
      k,
      STRUCTURAL.has(k) || v === null ? v : k === 'filter' && isObject(v) ? maskFilter(v) : MASK,
    ]),
  );
}

/** The event for a caller who may not read its record: ids, field names and structure only. */
export function maskedEvent<E extends PresentableEvent>(event: E): E {
  return {
    ...event,
    changes:
      event.changes &&
      Object.fromEntries(Object.entries(event.changes).map(([f, c]) => [f, maskChange(c)])),
    detail: event.detail && maskDetail(event.detail),
  };
}

const listSpecs: Record<string, ListSpec> = { children: childList, adopters: adopterList };

/** The card fields an event of this resource is about (change requests: their target's). */
function fieldResource(event: PresentableEvent): 'children' | 'adopters' | undefined {
  const r = event.resource === 'change-requests' ? event.detail?.resource : event.resource;
  return r === 'children' || r === 'adopters' ? r : undefined;
}

/** An attachment's category the role may not see (its event then shows nothing of it). */
function hiddenCategory(event: PresentableEvent, role: Role): boolean {
  if (event.resource !== 'children') return false;
  const category =
    event.detail?.category ?? event.changes?.category?.new ?? event.changes?.category?.old;
  return typeof category === 'string' && !(visibleCategories(role) as string[]).includes(category);
}

export interface FieldRules {
  /** Fields of the record the role may not see. */
  hidden: ReadonlySet<string>;
  /** Every value of the event is hidden (an attachment of a category the role may not see). */
  all: boolean;
  /** Keep hidden fields' names with masked values (audit readers); otherwise leave them out. */
  keepNames: boolean;
  /** Mask the old values (a proposer whose record has left its scope: GET change-requests/:id). */
  maskOld: boolean;
}

/**
 * The event for a caller who may read its record, within the role's field rules. A reader of the
 * record who is not an audit reader does not learn that a hidden field changed at all, as in the
 * card's own history (history/record-changes.ts); an audit reader keeps the field names.
 */
export function shownEvent<E extends PresentableEvent>(event: E, rules: FieldRules): E {
  const hides = (field: string) => rules.all || rules.hidden.has(field);
  const changes =
    event.changes &&
    Object.fromEntries(
      Object.entries(event.changes).flatMap(([f, c]): [string, Change][] => {
        if (hides(f)) return rules.keepNames ? [[f, maskChange(c)]] : [];
        return [[f, rules.maskOld && 'old' in c ? { ...c, old: MASK } : c]];
      }),
    );
  const spec = listSpecs[event.resource];
  // A filter on a hidden field discloses its value next to the ids the page showed.
  const revealsHidden = (filter: string) =>
    (spec?.filters[filter]?.reveals ?? []).some((f) => rules.hidden.has(f));
  const detail = !event.detail
    ? event.detail
    : rules.all
      ? maskDetail(event.detail)
      : Object.fromEntries(
          Object.entries(event.detail).map(([k, v]) => [
            k,
            k === 'filter' && isObject(v)
              ? Object.fromEntries(
                  Object.entries(v).map(([f, x]) => [f, revealsHidden(f) ? MASK : x]),
                )
              : v,
          ]),
        );
  return { ...event, changes, detail };
}

/** The records an event is about: its own record, or the ones its list page or export named. */
const subjectsOf = (e: PresentableEvent): string[] =>
  e.recordId !== null ? [e.recordId] : (e.recordIds ?? []);

/** The record a change request is about (`detail.resource`, `detail.recordId`). */
function targetOf(e: PresentableEvent): { resource: string; id: string } | undefined {
  if (e.resource !== 'change-requests') return undefined;
  const { resource, recordId } = e.detail ?? {};
  return typeof resource === 'string' && recordId != null
    ? { resource, id: String(recordId as string | number) }
    : undefined;
}

/** Events as the actor may see them (one look-up per resource for the whole page). */
export async function presentEvents<E extends PresentableEvent>(
  db: Db,
  actor: Actor,
  events: E[],
): Promise<E[]> {
  const wanted = new Map<string, Set<string>>();
  const want = (resource: string, ids: string[]) => {
    const set = wanted.get(resource) ?? new Set<string>();
    for (const id of ids) set.add(id);
    wanted.set(resource, set);
  };
  for (const e of events) {
    if (!isPersonResource(e.resource)) continue;
    want(e.resource, subjectsOf(e));
    const target = targetOf(e);
    if (target) want(target.resource, [target.id]);
  }
  const readable = new Map<string, Set<string>>();
  for (const [resource, ids] of wanted) {
    readable.set(resource, await readableIds(db, actor, resource, [...ids]));
  }
  const mayRead = (resource: string, id: string) => readable.get(resource)?.has(id) ?? false;
  const auditReader = can(actor.role, 'audit-events:read');

  return events.map((e) => {
    if (!isPersonResource(e.resource)) return e;
    const subjects = subjectsOf(e);
    const sees = subjects.length
      ? subjects.every((id) => mayRead(e.resource, id))
      : mayReadResource(actor, e.resource);
    if (!sees) return maskedEvent(e);
    const fields = fieldResource(e);
    const target = targetOf(e);
    return shownEvent(e, {
      hidden: fields ? hiddenFields(fields, actor.role) : new Set(),
      all: hiddenCategory(e, actor.role),
      keepNames: auditReader,
      maskOld:
        target !== undefined &&
        !mayRead(target.resource, target.id) &&
        requestScope(actor).kind !== 'all',
    });
  });
}
