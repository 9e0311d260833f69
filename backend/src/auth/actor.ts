import type { Role } from '../policies/roles';

/** Who is acting: taken from a verified access token. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  careProviderId: number | null;
  orphanCourtId: number | null;
  /** The sign-in session the access token belongs to (revoking it ends the token at once). */
  sessionId: string;
}
