import type { Kysely, Transaction } from 'kysely';
import type { TerritoriesTable } from './tables/territories';
import type { OrphanCourtsTable } from './tables/orphan-courts';
import type { CareProvidersTable } from './tables/care-providers';
import type { CountriesTable } from './tables/countries';
import type { UsersTable } from './tables/users';

/** The typed schema: one table type per file under ./tables (camelCase; snake_case in SQL). */
export interface Database {
  territories: TerritoriesTable;
  orphanCourts: OrphanCourtsTable;
  careProviders: CareProvidersTable;
  countries: CountriesTable;
  users: UsersTable;
}

/** A connection or an open transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
