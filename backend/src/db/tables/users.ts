import type { ColumnType } from 'kysely';
import type { RecordColumns, SearchColumns } from './common';
import type { Language, Role } from '@adoption/model';

/** A person who signs in to the register (lietotājs). */
export interface UsersTable extends RecordColumns, Omit<SearchColumns, 'nameSort'> {
  username: string;
  displayName: string;
  displayNameSort: string;
  email: string | null;
  role: Role;
  /** Scope for care-institution users. */
  careProviderId: number | null;
  /** Scope for orphan-court users. */
  orphanCourtId: number | null;
  passwordHash: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  lastLoginAt: Date | null;
  /** Confirmed TOTP secret (second factor); null until enrolment is confirmed. */
  totpSecret: string | null;
  /** Secret shown during enrolment, until the first code confirms it. */
  totpPendingSecret: string | null;
  /** Last TOTP time step accepted: a code works once. */
  totpLastStep: number | null;
  mfaEnabledAt: Date | null;
  /** Failed sign-ins since the last success (lockout, see auth/lockout.ts). */
  failedLogins: ColumnType<number, number | undefined, number>;
  lastFailedLoginAt: Date | null;
  /** Set at LOCKOUT_THRESHOLD failures; cleared by an administrator or a password reset. */
  lockedAt: Date | null;
  passwordChangedAt: Date | null;
  preferredLanguage: ColumnType<Language, Language | undefined, Language>;
}
