import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { createTestDatabase } from '../test-support/test-db';
import { recordAudit, verifyChain, type AuditEvent } from './chain';

// Group commit of audited reads: events appended outside a transaction while a group is being
// written go together in the next one, in arrival order, each caller answered with its own stored
// event; one bad event fails alone; events inside a caller's transaction still commit or roll back
// with it.

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db, 'latest');
});
afterAll(() => database.close());

const read = (n: number): AuditEvent => ({ action: 'read', resource: 'chain-test', recordId: n });

/** The transaction id each stored event was inserted by: one per group committed. */
async function groupsOf(ids: number[]): Promise<string[]> {
  const rows = await sql<{ id: string; tx: string }>`
    select id, xmin::text as tx from audit_events where id = any(${ids}) order by id`.execute(
    database.db,
  );
  return rows.rows.map((r) => r.tx);
}

it('parallel events outside a transaction: the first alone, the rest in one group, in arrival order', async () => {
  const stored = await Promise.all(
    Array.from({ length: 30 }, (_, i) => recordAudit(database.db, read(i + 1))),
  );
  const ids = stored.map((s) => s.id);
  // Arrival order is chain order: ids ascend with the calls.
  expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  const rows = await database.db
    .selectFrom('auditEvents')
    .select(['id', 'recordId', 'hash', 'prevHash'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  expect(rows.map((r) => r.recordId)).toEqual(ids.map((_, i) => String(i + 1)));
  // Each caller got its own event's hash, and each event links to the one before it.
  expect(rows.map((r) => r.hash)).toEqual(stored.map((s) => s.hash));
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  // The first call found the appender idle and went alone; the other 29 queued behind it.
  const groups = await groupsOf(ids);
  expect(new Set(groups).size).toBe(2);
  expect(groups.filter((g) => g === groups[0])).toHaveLength(1);
  expect(await verifyChain(database.db)).toMatchObject({ ok: true });
});

it('a caller is answered only once its event is stored', async () => {
  const { id, hash } = await recordAudit(database.db, read(100));
  const row = await database.db
    .selectFrom('auditEvents')
    .select('hash')
    .where('id', '=', id)
    .executeTakeFirst();
  expect(row?.hash).toBe(hash);
});

it('one event the table refuses fails alone; the others in its group are stored', async () => {
  await recordAudit(database.db, read(200)); // keeps the appender busy so the next ten queue
  const calls = Array.from({ length: 10 }, (_, i) =>
    recordAudit(
      database.db,
      i === 4 ? { action: 'Not An Action', resource: 'chain-test' } : read(201 + i),
    ),
  );
  const outcomes = await Promise.allSettled(calls);
  expect(outcomes.map((o) => o.status)).toEqual([
    ...Array(4).fill('fulfilled'),
    'rejected',
    ...Array(5).fill('fulfilled'),
  ]);
  expect(String((outcomes[4] as PromiseRejectedResult).reason)).toMatch(/check constraint/);
  const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.id] : []));
  const stored = await database.db
    .selectFrom('auditEvents')
    .select('recordId')
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  expect(stored.map((r) => r.recordId)).toEqual([
    '201',
    '202',
    '203',
    '204',
    '206',
    '207',
    '208',
    '209',
    '210',
  ]);
  expect(await verifyChain(database.db)).toMatchObject({ ok: true });
});

it('inside a transaction the event rolls back with the caller, and group commits go on', async () => {
  const before = await database.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  await expect(
    database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, read(300));
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  const after = await recordAudit(database.db, read(301));
  const rows = await database.db
    .selectFrom('auditEvents')
    .select('recordId')
    .where('id', '>', Number(before.id))
    .execute();
  expect(rows.map((r) => r.recordId)).toEqual(['301']);
  expect(after.id).toBeGreaterThan(Number(before.id));
  expect(await verifyChain(database.db)).toMatchObject({ ok: true });
});
