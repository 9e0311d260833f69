import type { ColumnType } from 'kysely';

/** A single-use link to set or reset a password; only the SHA-256 of the token is stored. */
export interface OneTimeTokensTable {
  tokenHash: string;
  userId: number;
  purpose: 'set_password' | 'reset_password';
  createdAt: ColumnType<Date, never, never>;
  expiresAt: Date;
  usedAt: Date | null;
}
