import Koa from 'koa';
import Router from '@koa/router';
import supertest from 'supertest';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test-support/test-db';
import { capturedLog } from '../test-support/captured-log';
import { requestContext } from '../http/request-context';
import { problemMiddleware } from '../http/errors';
import { defineRoute, mountRoutes } from '../http/route';
import { createMetrics } from '../health/metrics';
import type { DatabaseHandle } from './connect';
import type { Database, Db } from './database';
import { inTransaction } from './transaction';

// `onCommit`: work queued in a transaction runs once it has committed (and sees the committed
// change from another connection), never after a rollback, and a failing callback is logged
// without taking the committed answer back. Over the database of the run (PostgreSQL in CI).

let database: DatabaseHandle;
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await sql`create table after_commit_probe (note text not null)`.execute(db);
});
afterAll(() => database.close());

const insert = (tx: Db, note: string) =>
  sql`insert into after_commit_probe (note) values (${note})`.execute(tx);
/** Whether the note is there for a reader outside the transaction (another pool connection). */
const committed = async (note: string) =>
  (await sql`select 1 from after_commit_probe where note = ${note}`.execute(db)).rows.length === 1;

describe('inTransaction', () => {
  it('runs a callback once, after the commit, where the change is visible', async () => {
    const { logger } = capturedLog();
    const seen: boolean[] = [];
    const result = await inTransaction(db, logger, async (tx, onCommit) => {
      await insert(tx, 'committed write');
      onCommit(async () => void seen.push(await committed('committed write')));
      expect(seen).toEqual([]);
      return 'answer';
    });
    expect(result).toBe('answer');
    expect(seen).toEqual([true]);
  });

  it('never runs a callback of a rolled-back transaction', async () => {
    const { logger } = capturedLog();
    const ran = jest.fn();
    await expect(
      inTransaction(db, logger, async (tx, onCommit) => {
        await insert(tx, 'rolled-back write');
        onCommit(ran);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(ran).not.toHaveBeenCalled();
    expect(await committed('rolled-back write')).toBe(false);
  });

  it('logs a failing callback, runs the next one and keeps the answer', async () => {
    const { logger, events } = capturedLog();
    const next = jest.fn();
    const result = await inTransaction(db, logger, async (tx, onCommit) => {
      await insert(tx, 'write with a failing callback');
      onCommit(() => {
        throw new Error('relay away');
      });
      onCommit(next);
      return 'answer';
    });
    expect(result).toBe('answer');
    expect(next).toHaveBeenCalledTimes(1);
    expect(await committed('write with a failing callback')).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({ level: 50, event: 'after_commit_failed' }),
    );
  });
});

describe('a route', () => {
  const ran: string[] = [];
  const { logger, events } = capturedLog();
  let agent: supertest.Agent;
  beforeAll(() => {
    const router = new Router();
    mountRoutes(
      router,
      [
        defineRoute({
          method: 'post',
          path: '/probe/:outcome',
          summary: 'Writes, queues a callback, then answers or fails',
          tags: ['Test'],
          access: 'public',
          handler: async ({ db: tx, ctx, onCommit }) => {
            const outcome = String(ctx.params.outcome);
            await insert(tx, `route ${outcome}`);
            onCommit(() => void ran.push(outcome));
            if (outcome === 'failing-callback') {
              onCommit(() => {
                throw new Error('relay away');
              });
            }
            if (outcome === 'refused') throw new Error('refused after the write');
            return { outcome };
          },
        }),
      ],
      { db, authenticate: () => Promise.reject(new Error('no sign-in here')) },
    );
    const koa = new Koa();
    koa.use(requestContext(logger, createMetrics()));
    koa.use(problemMiddleware);
    koa.use(router.routes());
    agent = supertest.agent(koa.callback());
  });

  it('runs the callback of a committed write once', async () => {
    await agent.post('/probe/committed').expect(200, { outcome: 'committed' });
    expect(ran.filter((o) => o === 'committed')).toEqual(['committed']);
    expect(await committed('route committed')).toBe(true);
  });

  it('never runs the callback of a write that failed and rolled back', async () => {
    await agent.post('/probe/refused').expect(500);
    expect(ran).not.toContain('refused');
    expect(await committed('route refused')).toBe(false);
  });

  it('answers the committed write when a callback fails, and logs it', async () => {
    await agent.post('/probe/failing-callback').expect(200, { outcome: 'failing-callback' });
    expect(ran).toContain('failing-callback');
    expect(events).toContainEqual(expect.objectContaining({ event: 'after_commit_failed' }));
  });
});
