import type { ColumnType, Generated } from 'kysely';

// Why our value differs from an external register's: migration 0027-register-checks
// (registers/notes.ts). The newest note per record and field is the one shown.

export interface RegisterNotesTable {
  id: Generated<string>;
  resource: 'children' | 'adopters';
  recordId: number;
  field: string;
  reason: string;
  createdBy: number;
  createdAt: ColumnType<Date, never, never>;
}
