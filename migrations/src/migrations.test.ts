import { sql } from 'kysely';
import { migrations } from './index';
import { createTestDatabase } from '../../backend/src/test-support/test-db';
import { migrate, migrationStatus } from '../../backend/src/db/migrate';

describe('migrations', () => {
  it('run all up, all down, and up again on an empty database', async () => {
    const database = await createTestDatabase();
    const names = Object.keys(migrations);
    const tables = async () =>
      (
        await sql<{
          tablename: string;
        }>`select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(
          database.db,
        )
      ).rows.map((r) => r.tablename);
    try {
      await migrate(database.db, 'latest');
      const afterUp = await tables();
      expect(afterUp).toEqual(
        expect.arrayContaining([
          'territories',
          'orphan_courts',
          'care_providers',
          'countries',
          'users',
        ]),
      );
      expect((await migrationStatus(database.db)).every((m) => m.executedAt)).toBe(true);

      for (let i = 0; i < names.length; i++) await migrate(database.db, 'down');
      expect(await tables()).toEqual([]);
      expect((await migrationStatus(database.db)).every((m) => !m.executedAt)).toBe(true);

      await migrate(database.db, 'latest');
      expect(await tables()).toEqual(afterUp);
    } finally {
      await database.close();
    }
  });

  it('are listed in the order they must run', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
  });
});
