import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Json } from '../db/tables/audit-events';
import {
  AUDIT_LOCK_KEY,
  GENESIS_HASH,
  hashContent,
  type AuditContent,
  type AuditEvent,
} from '../audit/chain';
import { toJson } from '../audit/canonical';
import { maskJson } from '../audit/mask';

/**
 * A prototype for the benchmark only, not used by the API: read events appended to the audit
 * chain in groups (group commit). Events that arrive while one group is being written wait and go
 * together in the next: one advisory lock, one look-up of the last hash, one multi-row insert and
 * one commit (one WAL flush) for the whole group, the chain still in arrival order and every
 * caller answered only after its event is durable. It measures what such an appender in
 * audit/chain.ts would save over recordAudit's one transaction per event.
 */
export class GroupedAudit {
  private queue: { event: AuditEvent; done: () => void; failed: (e: unknown) => void }[] = [];
  private writing = false;
  /** Events per group written, to report the mean group size. */
  readonly groups: number[] = [];

  constructor(private readonly db: Db) {}

  append(event: AuditEvent): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ event, done, failed });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    while (this.queue.length) {
      const group = this.queue.splice(0);
      try {
        await this.write(group.map((g) => g.event));
        this.groups.push(group.length);
        for (const g of group) g.done();
      } catch (err) {
        for (const g of group) g.failed(err);
      }
    }
    this.writing = false;
  }

  private async write(events: AuditEvent[]) {
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
      const last = await trx
        .selectFrom('auditEvents')
        .select('hash')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      let prevHash = last?.hash ?? GENESIS_HASH;
      const rows = events.map((event) => {
        const content: AuditContent = {
          occurredAt: new Date().toISOString(),
          actorUserId: event.actorUserId ?? null,
          actorUsername: event.actorUsername ?? null,
          actorRole: event.actorRole ?? null,
          sessionId: event.sessionId ?? null,
          action: event.action,
          resource: event.resource,
          recordId: event.recordId == null ? null : String(event.recordId),
          recordIds: event.recordIds == null ? null : event.recordIds.map(String),
          changes: null,
          detail:
            event.detail == null ? null : (maskJson(toJson(event.detail)) as Record<string, Json>),
          requestId: event.requestId ?? null,
          clientIp: event.clientIp ?? null,
          prevHash,
        };
        const hash = hashContent(content);
        prevHash = hash;
        return {
          ...content,
          recordIds: content.recordIds && JSON.stringify(content.recordIds),
          changes: null,
          detail: content.detail && JSON.stringify(content.detail),
          hash,
        };
      });
      await trx.insertInto('auditEvents').values(rows).execute();
    });
  }
}
