import type { ColumnType } from 'kysely';
import type { RecordColumns, SearchColumns } from './common';
import type { Role } from '../../policies/roles';

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
}
