/**
 * attachments/: photos and documents on a child's card — type and size checks (the file's content,
 * not its name), storage in the database or in ATTACHMENTS_DIR, upload, download and delete routes,
 * each audited. The card itself is children/; who may see one is the record scope and field groups
 * (policies/).
 */
import { z } from 'zod';
import type { Context } from 'koa';
import { defineRoute, type RouteDef } from '../http/route';
import { Problem } from '../http/problem';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import type { AttachmentCategory } from '../db/tables/child-attachments';
import { recordAudit } from '../audit/chain';
import { requestAuditEvent } from '../audit/request';
import { createdChanges, deletedChanges } from '../audit/diff';
import { MASK } from '../audit/mask';
import {
  allowedTypes,
  attachmentParams,
  attachmentRecord,
  childParams,
  sensitiveCategories,
  uploadQuery,
  visibleCategories,
} from './schema';
import { attachmentStorage } from './storage';
import { checkContent, checkDeclared, declaredType, formatLimit, readBody } from './upload';
import { checkIntegrity, setDownloadHeaders, sha256Hex } from './download';
import {
  childInScope,
  deleteAttachment,
  findAttachment,
  insertAttachment,
  listAttachments,
} from './repository';

export interface AttachmentOptions {
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
  /** ATTACHMENTS_DIR: files go there; unset = into the database. */
  dir?: string;
}

/** What the trail keeps of an attachment: never the content; no name or note of sensitive ones. */
function auditView(a: {
  childId: number;
  category: AttachmentCategory;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  note: string | null;
  uploadedBy: number;
}) {
  const hide = sensitiveCategories.has(a.category);
  return {
    childId: a.childId,
    category: a.category,
    fileName: hide ? MASK : a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    note: hide && a.note !== null ? MASK : a.note,
    uploadedBy: a.uploadedBy,
  };
}

/** Where a row's file is (a register may have both kinds after ATTACHMENTS_DIR was set). */
const storedIn = (row: { storageKey: string | null }) =>
  row.storageKey ? 'directory' : 'database';

const notFound = (childId: number, id: number) =>
  Problem.notFound(`No attachment with id ${id} on children record ${childId}.`);

/**
 * Photos and documents of the child's card, below `/api/children/:id/attachments`. The child must
 * lie in the caller's record scope (404 otherwise, as for a missing child) and each attachment's
 * category in a field group the caller's role sees (404 otherwise). Reading needs
 * `children:read`, uploading and deleting `children:write`. Every list, download, upload and
 * delete is audited.
 */
export function attachmentRoutes(options: AttachmentOptions): RouteDef[] {
  const storage = attachmentStorage(options.dir);
  const base = '/api/children/:id/attachments';

  return [
    defineRoute({
      method: 'get',
      path: base,
      summary: "The child's photos and documents (metadata only), newest first",
      tags: ['Children'],
      access: 'children:read',
      params: childParams,
      response: { description: 'Attachments the role may see', schema: z.array(attachmentRecord) },
      handler: async ({ db, params, actor, audit }) => {
        await childInScope(db, actor!, params.id);
        const rows = await listAttachments(db, params.id, visibleCategories(actor!.role));
        await audit({
          action: 'read',
          resource: 'children',
          recordId: params.id,
          detail: { view: 'attachments', attachmentIds: rows.map((r) => r.id) },
        });
        return rows;
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary:
        'Attach a photo or document: the raw file is the body, its type the Content-Type ' +
        `(JPEG or PNG for photos; PDF, JPEG, PNG or DOCX otherwise; checked by content), at most ` +
        `${formatLimit(options.maxBytes)}`,
      tags: ['Children'],
      access: 'children:write',
      params: childParams,
      query: uploadQuery,
      response: { status: 201, description: 'The stored attachment', schema: attachmentRecord },
      // The body streams in after the checks; no connection is held while a slow client uploads.
      transaction: false,
      handler: async ({ db, params, query, actor, ctx }) => {
        await childInScope(db, actor!, params.id);
        if (!visibleCategories(actor!.role).includes(query.category)) {
          throw Problem.forbidden('Your role may not see attachments of this category.');
        }
        const allowed = allowedTypes[query.category];
        checkDeclared(ctx, allowed);
        const bytes = await readBody(ctx, options.maxBytes);
        const mediaType = checkContent(bytes, declaredType(ctx)!, allowed);
        const stored = await storage.put(bytes);
        try {
          return await db.transaction().execute(async (trx) => {
            // The child may have gone while the file streamed in.
            await childInScope(trx, actor!, params.id);
            const created = await insertAttachment(trx, {
              childId: params.id,
              category: query.category,
              fileName: query.fileName,
              mediaType,
              sizeBytes: bytes.length,
              sha256: sha256Hex(bytes),
              content: stored.content,
              storageKey: stored.storageKey,
              note: query.note,
              uploadedBy: actor!.userId,
            });
            await auditIn(trx, ctx, {
              // An event of the child's card, so its "who has seen or changed" panel shows it.
              action: 'attach',
              resource: 'children',
              recordId: created.childId,
              detail: { attachmentId: created.id },
              changes: createdChanges({ ...auditView(created), storage: storedIn(stored) }),
            });
            return created;
          });
        } catch (err) {
          await storage.remove(stored.storageKey);
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:attachmentId/content`,
      summary: 'Download one attachment (its own Content-Type, saved as a file, never cached)',
      tags: ['Children'],
      access: 'children:read',
      params: attachmentParams,
      response: {
        description: 'The file',
        headers: {
          'Content-Type': 'The detected type of the file',
          'Content-Disposition': "`attachment; filename*=UTF-8''…`",
        },
      },
      handler: async ({ db, params, actor, ctx, audit }) => {
        const row = await findVisible(db, actor!, params.id, params.attachmentId);
        let bytes: Buffer;
        try {
          bytes = await storage.get(row);
        } catch (err) {
          ctx.log.error(
            { err, event: 'attachment_unreadable', attachmentId: row.id },
            'attachment unreadable',
          );
          throw new Problem(
            500,
            'Internal Server Error',
            'The stored file cannot be read; the request id finds it in the log.',
          );
        }
        checkIntegrity(ctx, row.id, bytes, row.sha256);
        await audit({
          action: 'read',
          resource: 'children',
          recordId: params.id,
          detail: { view: 'attachment', attachmentId: row.id, category: row.category },
        });
        setDownloadHeaders(ctx, row);
        return bytes;
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${base}/:attachmentId`,
      summary: 'Delete one attachment (and its file)',
      tags: ['Children'],
      access: 'children:write',
      params: attachmentParams,
      response: { status: 204, description: 'Deleted' },
      handler: async ({ db, params, actor, audit, onCommit, ctx }) => {
        await childInScope(db, actor!, params.id);
        const deleted = await deleteAttachment(
          db,
          params.id,
          params.attachmentId,
          visibleCategories(actor!.role),
        );
        if (!deleted) throw notFound(params.id, params.attachmentId);
        await audit({
          action: 'detach',
          resource: 'children',
          recordId: deleted.childId,
          detail: { attachmentId: deleted.id },
          changes: deletedChanges({ ...auditView(deleted), storage: storedIn(deleted) }),
        });
        // Only once the row is gone for good: a rolled-back delete keeps its file.
        onCommit(async () => {
          try {
            await storage.remove(deleted.storageKey);
          } catch (err) {
            ctx.log.warn(
              { err, event: 'attachment_file_not_removed', attachmentId: deleted.id },
              'attachment file not removed',
            );
          }
        });
      },
    }),
  ] as RouteDef[];
}

async function findVisible(db: Db, actor: Actor, childId: number, id: number) {
  await childInScope(db, actor, childId);
  const row = await findAttachment(db, childId, id, visibleCategories(actor.role));
  if (!row) throw notFound(childId, id);
  return row;
}

/**
 * The upload route runs without the request's transaction (so no connection waits on the
 * client), so it appends its event itself, in the transaction that inserts the row — as the
 * `audit` input would inside a transactional route.
 */
function auditIn(trx: Db, ctx: Context, entry: Parameters<typeof requestAuditEvent>[1]) {
  return recordAudit(trx, requestAuditEvent(ctx, entry));
}
