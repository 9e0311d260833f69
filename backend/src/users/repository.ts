import type { Db } from '../db/database';
import type { Role } from '../policies/roles';
import { foldForSearch } from '../latvian/search';
import { latvianSortKey } from '../latvian/sort-key';

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  role: Role;
  careProviderId?: number | null;
  orphanCourtId?: number | null;
  passwordHash?: string | null;
  preferredLanguage?: 'lv' | 'en';
}

/** App-computed search and sort columns of a user. */
export function userDerived(u: { displayName: string; username: string; email: string | null }) {
  return {
    displayNameSort: latvianSortKey(u.displayName),
    searchText: foldForSearch(`${u.displayName} ${u.username} ${u.email ?? ''}`),
  };
}

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertUser(db: Db, user: NewUser) {
  return db
    .insertInto('users')
    .values({
      username: user.username,
      displayName: user.displayName,
      email: user.email ?? null,
      role: user.role,
      careProviderId: user.careProviderId ?? null,
      orphanCourtId: user.orphanCourtId ?? null,
      passwordHash: user.passwordHash ?? null,
      preferredLanguage: user.preferredLanguage ?? 'lv',
      ...userDerived({
        displayName: user.displayName,
        username: user.username,
        email: user.email ?? null,
      }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordLogin(db: Db, id: number, newHash?: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ lastLoginAt: new Date(), ...(newHash ? { passwordHash: newHash } : {}) })
    .where('id', '=', id)
    .execute();
}
