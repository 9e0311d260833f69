import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Json } from '../db/tables/audit-events';
import { canonicalJson, toJson } from './canonical';
import { maskChanges, maskJson, type TermKeyer } from './mask';
import { isDatabaseUnavailable } from '../db/availability';
import type { AuditChanges } from './diff';

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Key of the transaction-level advisory lock that serialises appends to the chain ('audi').
 * Held from the append until the caller's transaction ends, so write the audit event last.
 */
export const AUDIT_LOCK_KEY = 0x61756469;

/** What a caller knows about an audited action. */
export interface AuditEvent {
  action: string;
  resource: string;
  recordId?: string | number | null;
  /** Ids a list page showed. */
  recordIds?: readonly (string | number)[] | null;
  changes?: AuditChanges | null;
  detail?: Record<string, unknown> | null;
  actorUserId?: number | null;
  actorUsername?: string | null;
  actorRole?: string | null;
  sessionId?: string | null;
  requestId?: string | null;
  clientIp?: string | null;
}

/** The hashed content of a stored event (everything but `id` and `hash`). */
export interface AuditContent {
  occurredAt: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  sessionId: string | null;
  action: string;
  resource: string;
  recordId: string | null;
  recordIds: string[] | null;
  changes: AuditChanges | null;
  detail: Record<string, Json> | null;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
}

/** SHA-256 (hex) over the canonical JSON of the content, prev_hash included. */
export function hashContent(content: AuditContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/**
 * Appends one event to the trail. Inside a transaction (a change and the event that records it)
 * the event commits or rolls back with the caller's work and holds the chain's lock until then,
 * so write it last. Outside a transaction (an audited read) the event is group-committed: it
 * resolves once durable, together with the events that arrived while the previous group was
 * being written. Masked (audit/mask.ts) before anything else, so no clear value is ever queued;
 * `keyTerm` keys search terms (without one they are masked).
 */
export async function recordAudit(
  db: Db,
  event: AuditEvent,
  keyTerm?: TermKeyer,
): Promise<{ id: number; hash: string }> {
  const masked = maskEvent(event, keyTerm);
  if (db.isTransaction) return (await appendEvents(db, [masked]))[0]!;
  let appender = appenders.get(db);
  if (!appender) appenders.set(db, (appender = new GroupAppender(db)));
  return appender.append(masked);
}

/** The event as it may be stored: sensitive values masked, search terms keyed, JSON-safe. */
function maskEvent(event: AuditEvent, keyTerm: TermKeyer | undefined): AuditEvent {
  return {
    ...event,
    changes: event.changes == null ? null : (toJson(maskChanges(event.changes)) as AuditChanges),
    detail:
      event.detail == null
        ? null
        : (maskJson(toJson(event.detail), keyTerm) as Record<string, Json>),
  };
}

/**
 * Audited reads (every list page and card a specialist opens) are the most frequent events; one
 * transaction each would serialise them on the chain's lock and pay a WAL flush apiece. Instead,
 * events that arrive while a group is being written go together in the next one: one lock, one
 * look-up of the last hash, one multi-row insert, one commit. The chain stays in arrival order and
 * every caller still waits until its own event is durable.
 */
class GroupAppender {
  private queue: {
    event: AuditEvent;
    done: (stored: { id: number; hash: string }) => void;
    failed: (err: unknown) => void;
  }[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  append(event: AuditEvent): Promise<{ id: number; hash: string }> {
    return new Promise((done, failed) => {
      this.queue.push({ event, done, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    while (this.queue.length) {
      const group = this.queue.splice(0, MAX_GROUP);
      try {
        const stored = await this.write(group.map((g) => g.event));
        group.forEach((g, i) => g.done(stored[i]!));
      } catch (err) {
        // The database is away: every event of the group fails at once (one by one, each would
        // wait for its own connection timeout while the callers hang).
        if (group.length === 1 || isDatabaseUnavailable(err)) group.forEach((g) => g.failed(err));
        // One event that cannot be stored must not fail the others: each alone, then.
        else for (const g of group) await this.write([g.event]).then(([s]) => g.done(s!), g.failed);
      }
    }
    this.writing = false;
  }

  private write(events: AuditEvent[]) {
    return this.db.transaction().execute((trx) => appendEvents(trx, events));
  }
}

/** Events in one multi-row insert (13 parameters each, well under PostgreSQL's 65,535). */
const MAX_GROUP = 500;
const appenders = new WeakMap<Db, GroupAppender>();

/** Appends events in order within the caller's transaction, under the chain's lock. */
async function appendEvents(
  trx: Db,
  events: AuditEvent[],
): Promise<{ id: number; hash: string }[]> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('auditEvents')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const content = auditContent(event, prevHash);
    const hash = (prevHash = hashContent(content));
    return {
      ...content,
      recordIds: content.recordIds && JSON.stringify(content.recordIds),
      changes: content.changes && JSON.stringify(content.changes),
      detail: content.detail && JSON.stringify(content.detail),
      hash,
    };
  });
  const stored = await trx
    .insertInto('auditEvents')
    .values(rows)
    .returning(['id', 'hash'])
    .execute();
  // Matched by hash (unique along the chain) rather than trusting the order RETURNING gives.
  const idOf = new Map(stored.map((r) => [r.hash, Number(r.id)]));
  return rows.map((r) => ({ id: idOf.get(r.hash)!, hash: r.hash }));
}

/** What is hashed and stored for an event (masked already), linked to the previous hash. */
function auditContent(event: AuditEvent, prevHash: string): AuditContent {
  return {
    // Millisecond precision: the value a JS Date reads back, so the hash can be recomputed.
    occurredAt: new Date().toISOString(),
    actorUserId: event.actorUserId ?? null,
    actorUsername: event.actorUsername ?? null,
    actorRole: event.actorRole ?? null,
    sessionId: event.sessionId ?? null,
    action: event.action,
    resource: event.resource,
    recordId: event.recordId == null ? null : String(event.recordId),
    recordIds: event.recordIds == null ? null : event.recordIds.map(String),
    changes: (event.changes ?? null) as AuditChanges | null,
    detail: (event.detail ?? null) as Record<string, Json> | null,
    requestId: event.requestId ?? null,
    clientIp: event.clientIp ?? null,
    prevHash,
  };
}

export interface ChainReport {
  ok: boolean;
  /** Events whose hash and link were checked (up to and including the first break). */
  checked: number;
  /** Id and hash of the last event checked; record it elsewhere to detect a cut-off tail. */
  lastId?: number;
  lastHash?: string;
  firstBreak?: { id: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' };
}

/** Walks the whole chain in id order, in batches, and reports the first broken link. */
export async function verifyChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  let lastId: number | undefined;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const id = Number(row.id);
      checked += 1;
      lastId = id;
      if (row.prevHash !== expectedPrev) {
        return { ok: false, checked, lastId, firstBreak: { id, reason: 'prev_hash_mismatch' } };
      }
      const content: AuditContent = {
        occurredAt: new Date(row.occurredAt).toISOString(),
        actorUserId: row.actorUserId,
        actorUsername: row.actorUsername,
        actorRole: row.actorRole,
        sessionId: row.sessionId,
        action: row.action,
        resource: row.resource,
        recordId: row.recordId,
        recordIds: row.recordIds,
        changes: row.changes,
        detail: row.detail,
        requestId: row.requestId,
        clientIp: row.clientIp,
        prevHash: row.prevHash,
      };
      if (hashContent(content) !== row.hash) {
        return { ok: false, checked, lastId, firstBreak: { id, reason: 'hash_mismatch' } };
      }
      expectedPrev = row.hash;
      afterId = id;
    }
    if (rows.length < batchSize) break;
  }
  return lastId === undefined
    ? { ok: true, checked }
    : { ok: true, checked, lastId, lastHash: expectedPrev };
}
