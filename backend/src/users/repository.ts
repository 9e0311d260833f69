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
      displayNameSort: latvianSortKey(user.displayName),
      email: user.email ?? null,
      role: user.role,
      careProviderId: user.careProviderId ?? null,
      orphanCourtId: user.orphanCourtId ?? null,
      passwordHash: user.passwordHash ?? null,
      searchText: foldForSearch(`${user.displayName} ${user.username} ${user.email ?? ''}`),
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
