import type { ColumnType, Generated } from 'kysely';

/** A sign-in session: one refresh-token family with an absolute lifetime. */
export interface SessionsTable {
  id: Generated<string>;
  userId: number;
  createdAt: ColumnType<Date, Date | undefined, never>;
  lastUsedAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: Date;
  revokedAt: Date | null;
  /** `logout`, `logout_all`, `refresh_token_reuse`, `password_changed`, `role_changed`, … */
  revokedReason: string | null;
  userAgent: string | null;
  clientIp: string | null;
}

/** A refresh token of a session; only the SHA-256 (hex) of the token is stored. */
export interface RefreshTokensTable {
  tokenHash: string;
  sessionId: string;
  issuedAt: ColumnType<Date, Date | undefined, never>;
  expiresAt: Date;
  usedAt: Date | null;
}
