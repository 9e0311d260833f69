import type { Db } from '../db/database';
import { Problem } from '../http/problem';
import { foldForSearch } from '../latvian/search';

/** Names compared the way people mistype them: case, diacritics and order of words ignored. */
export function nameKey(givenNames: string, surname: string): string {
  return foldForSearch(`${surname} ${givenNames}`).split(/\s+/).filter(Boolean).sort().join(' ');
}

/**
 * A likely duplicate: another child with the same birth date and the same names ignoring case,
 * diacritics and word order (`Berzins Janis` = `Jānis Bērziņš`). It is not refused outright —
 * twins with one name do not exist, but a typo in a new card does — the specialist confirms with
 * `confirmLikelyDuplicate: true`, and the audit event records which children were set aside.
 */
export async function likelyDuplicateGuard(
  db: Db,
  body: Record<string, unknown>,
  id?: number,
): Promise<Record<string, unknown> | void> {
  const key = nameKey(String(body.givenNames), String(body.surname));
  let query = db
    .selectFrom('children')
    .select(['id', 'givenNames', 'surname', 'birthDate'])
    .where('birthDate', '=', String(body.birthDate));
  if (id !== undefined) query = query.where('id', '!=', id);
  const candidates = (await query.execute()).filter(
    (c) => nameKey(c.givenNames, c.surname) === key,
  );
  if (candidates.length === 0) return;
  if (body.confirmLikelyDuplicate === true) {
    return { confirmedLikelyDuplicateOf: candidates.map((c) => c.id) };
  }
  throw Problem.conflict(
    'A child with the same name and birth date is already in the register. Check that this is another child, then save again confirming it.',
    {
      code: 'likely_duplicate',
      field: 'confirmLikelyDuplicate',
      candidates,
    },
  );
}
