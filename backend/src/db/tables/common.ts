import type { ColumnType, Generated } from 'kysely';

/** Columns every mutable register record carries (optimistic locking via `version`). */
export interface RecordColumns {
  id: Generated<number>;
  version: Generated<number>;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, never, Date>;
}

/**
 * App-computed helper columns: `searchText` is the record's searchable text folded to lowercase
 * without diacritics; `nameSort` is a Latvian collation key compared in code-point order
 * (PGlite has no Latvian ICU collation, so the database cannot sort Latvian by itself).
 */
export interface SearchColumns {
  searchText: string;
  nameSort: string;
}
