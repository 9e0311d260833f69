import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-classifiers';
import * as m0002 from './0002-users';
import * as m0003 from './0003-search-indexes';

/**
 * Every migration, in order. Names sort in the order they must run; add new ones at the end.
 * Migrations see snake_case SQL names (no CamelCasePlugin) and must run on PostgreSQL 15 and PGlite.
 */
export const migrations: Record<string, Migration> = {
  '0001-classifiers': m0001,
  '0002-users': m0002,
  '0003-search-indexes': m0003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
