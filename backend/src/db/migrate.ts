import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely';
import { migrationProvider } from '@adoption/migrations';
import type { Database } from './database';

/** Migrations run with plain snake_case SQL names, so they get the connection without plugins. */
export function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db: db.withoutPlugins(), provider: migrationProvider });
}

export type MigrateCommand = 'latest' | 'up' | 'down';

export async function migrate(
  db: Kysely<Database>,
  command: MigrateCommand,
): Promise<MigrationResultSet> {
  const m = migrator(db);
  const result =
    command === 'latest'
      ? await m.migrateToLatest()
      : command === 'up'
        ? await m.migrateUp()
        : await m.migrateDown();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const e = result.error as Error;
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${e.message}`, { cause: e });
  }
  return result;
}

export async function migrationStatus(db: Kysely<Database>) {
  return (await migrator(db).getMigrations()).map((m) => ({
    name: m.name,
    executedAt: m.executedAt ?? null,
  }));
}
