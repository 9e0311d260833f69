import type { Role } from '../policies/roles';

/** Who is acting: taken from a verified access token. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  careProviderId: number | null;
  orphanCourtId: number | null;
}
