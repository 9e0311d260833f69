import type { Db } from '../db/database';
import type { Actor } from '../auth/actor';
import type { AttachmentCategory, ChildAttachmentsTable } from '../db/tables/child-attachments';
import type { Insertable } from 'kysely';
import { applyScope, recordScope } from '../policies/scopes';
import { Problem } from '../http/problem';
import type { AttachmentRecord } from './schema';

/** The child, if it lies in the actor's record scope; else 404, as for an id nobody has. */
export async function childInScope(db: Db, actor: Actor, childId: number): Promise<void> {
  const found = await applyScope(
    db.selectFrom('children').select('id').where('id', '=', childId),
    recordScope('children', actor),
  ).executeTakeFirst();
  if (!found) throw Problem.noRecord('children', childId);
}

const metadata = (db: Db) =>
  db
    .selectFrom('childAttachments as a')
    .innerJoin('users as u', 'u.id', 'a.uploadedBy')
    .select([
      'a.id',
      'a.childId',
      'a.category',
      'a.fileName',
      'a.mediaType',
      'a.sizeBytes',
      'a.sha256',
      'a.note',
      'a.uploadedBy',
      'u.displayName as uploadedByName',
      'a.createdAt',
    ]);

/** The child's attachments of these categories, newest first (metadata only, no content). */
export async function listAttachments(
  db: Db,
  childId: number,
  categories: readonly AttachmentCategory[],
): Promise<AttachmentRecord[]> {
  if (categories.length === 0) return [];
  const rows = await metadata(db)
    .where('a.childId', '=', childId)
    .where('a.category', 'in', categories)
    .orderBy('a.createdAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows as unknown as AttachmentRecord[];
}

export async function findAttachment(
  db: Db,
  childId: number,
  id: number,
  categories: readonly AttachmentCategory[],
) {
  if (categories.length === 0) return undefined;
  return db
    .selectFrom('childAttachments')
    .selectAll()
    .where('childId', '=', childId)
    .where('id', '=', id)
    .where('category', 'in', categories)
    .executeTakeFirst();
}

export async function insertAttachment(
  db: Db,
  values: Insertable<ChildAttachmentsTable>,
): Promise<AttachmentRecord> {
  const { id } = await db
    .insertInto('childAttachments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await metadata(db)
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow()) as unknown as AttachmentRecord;
}

/** Deletes the attachment (within the categories) and answers what it was, with its storage key. */
export async function deleteAttachment(
  db: Db,
  childId: number,
  id: number,
  categories: readonly AttachmentCategory[],
) {
  if (categories.length === 0) return undefined;
  return db
    .deleteFrom('childAttachments')
    .where('childId', '=', childId)
    .where('id', '=', id)
    .where('category', 'in', categories)
    .returning([
      'id',
      'childId',
      'category',
      'fileName',
      'mediaType',
      'sizeBytes',
      'sha256',
      'note',
      'uploadedBy',
      'storageKey',
    ])
    .executeTakeFirst();
}
