import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from './connect';

// The PGlite session's raw `executeSql` (pg-boss's adapter, jobs/queue.ts): it waits its turn
// with the pool's clients, so it never runs inside someone else's transaction, and without values
// it takes several statements at once (pg-boss's migrations).

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase({ pgliteDir: 'memory://' });
  await sql`create table t (n integer)`.execute(database.db);
});
afterAll(() => database.close());

it('runs several statements without values, and one with values', async () => {
  const exec = database.executeSql!;
  const multi = await exec(
    'insert into t values (1); insert into t values (2); select count(*)::int as n from t',
  );
  expect(multi.rows).toEqual([{ n: 2 }]);
  const one = await exec('select n from t where n = $1', [2]);
  expect(one.rows).toEqual([{ n: 2 }]);
});

it('waits for an open transaction instead of running inside it', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const trx = database.db.transaction().execute(async (tx) => {
    await sql`insert into t values (100)`.execute(tx);
    await held;
    throw new Error('rolled back');
  });
  // Queued behind the transaction: it must not see (or commit) the transaction's row.
  const outside = database.executeSql!('select count(*)::int as n from t where n = 100');
  await new Promise((r) => setTimeout(r, 50));
  release();
  await expect(trx).rejects.toThrow('rolled back');
  expect((await outside).rows).toEqual([{ n: 0 }]);
});
