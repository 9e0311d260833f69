import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Json } from '../db/tables/audit-events';
import { canonicalJson, toJson } from './canonical';
import { maskChanges, maskJson } from './mask';
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
 * Appends one event to the trail. Call it with the caller's transaction, after the change it
 * records, so the event commits or rolls back with it. Outside a transaction it opens its own.
 */
export async function recordAudit(
  db: Db,
  event: AuditEvent,
): Promise<{ id: number; hash: string }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, event));

  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(db);
  const last = await db
    .selectFrom('auditEvents')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: AuditContent = {
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
    changes: event.changes == null ? null : (toJson(maskChanges(event.changes)) as AuditChanges),
    detail: event.detail == null ? null : (maskJson(toJson(event.detail)) as Record<string, Json>),
    requestId: event.requestId ?? null,
    clientIp: event.clientIp ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashContent(content);
  const row = await db
    .insertInto('auditEvents')
    .values({
      ...content,
      recordIds: content.recordIds && JSON.stringify(content.recordIds),
      changes: content.changes && JSON.stringify(content.changes),
      detail: content.detail && JSON.stringify(content.detail),
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), hash };
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
