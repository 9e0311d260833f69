import type { ColumnType } from 'kysely';

/** A single-use recovery code for the second factor; only its SHA-256 is stored. */
export interface RecoveryCodesTable {
  codeHash: string;
  userId: number;
  createdAt: ColumnType<Date, never, never>;
  usedAt: Date | null;
}
