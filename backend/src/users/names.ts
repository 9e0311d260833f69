import type { Db } from '../db/database';

/**
 * Who did something, by name: the users' display names for the ids a page of rows names (who ran
 * a selection, started a job, proposed or decided a request), in one query.
 */
export async function userNames(
  db: Db,
  ids: Iterable<number | null | undefined>,
): Promise<Map<number, string>> {
  const wanted = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const users = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The rows with `<field>Name` beside `field` (null when the field is null). */
export async function withUserNames<T extends Record<string, unknown>, F extends keyof T & string>(
  db: Db,
  rows: T[],
  field: F,
): Promise<(T & { [K in `${F}Name`]: string | null })[]> {
  const names = await userNames(
    db,
    rows.map((r) => r[field] as number | null),
  );
  return rows.map((r) => ({
    ...r,
    [`${field}Name`]: names.get(r[field] as number) ?? null,
  })) as (T & { [K in `${F}Name`]: string | null })[];
}
