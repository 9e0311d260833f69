import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';

// The audit trail read straight from the database, as tests check what a request wrote to it.

/** The newest event. */
export const lastAuditEvent = (db: Kysely<Database>) =>
  db.selectFrom('auditEvents').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

/** The newest event's id, 0 on an empty trail: events after it are the ones a step wrote. */
export async function lastAuditEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('auditEvents')
    .select(sql<number>`coalesce(max(id), 0)`.as('max'))
    .executeTakeFirstOrThrow();
  return Number(row.max);
}

/** How many events the trail holds. */
export async function countAuditEvents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('auditEvents')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
