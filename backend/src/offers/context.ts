import type { Actor } from '../auth/actor';
import type { WriteContext } from '../records';

/** What an offer's write needs: a route's input with a signed-in actor. */
export interface Ctx extends WriteContext {
  actor: Actor;
}

/** Where the office is reached: the contact in the letter to the adopter. */
export interface OfficeContact {
  phone: string;
  email: string;
}

/** Whether two lists name the same ids, in any order. */
export const sameIds = (a: readonly number[], b: readonly number[]) => {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The case reference the adopter's letter names instead of the child: `ADP-2026-0042`. */
export const caseReference = (offerId: number, on: string) =>
  `ADP-${on.slice(0, 4)}-${String(offerId).padStart(4, '0')}`;
