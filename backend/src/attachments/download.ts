import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { Problem } from '../http/problem';

/**
 * `attachment; filename="Berzins.pdf"; filename*=UTF-8''B%C4%93rzi%C5%86%C5%A1.pdf` (RFC 6266,
 * RFC 8187): the UTF-8 name keeps Latvian letters; the ASCII one (letters without their marks) is
 * for the rare client that reads only `filename`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The bytes as stored must still be the bytes uploaded: a file changed or cut short on disk (or a
 * row changed in the database) is not handed out as the child's document.
 */
export function checkIntegrity(ctx: Context, attachmentId: number, bytes: Buffer, sha256: string) {
  if (bytes.length > 0 && sha256Hex(bytes) === sha256) return;
  ctx.log.error({ event: 'attachment_integrity_failed', attachmentId }, 'stored file changed');
  throw new Problem(
    500,
    'Internal Server Error',
    'The stored file does not match what was uploaded; the request id finds it in the log.',
  );
}

/** Sets the download's headers: its own type, never sniffed, never cached, saved as a file. */
export function setDownloadHeaders(
  ctx: Context,
  row: { mediaType: string; fileName: string; sizeBytes: number },
): void {
  ctx.set('Content-Type', row.mediaType);
  ctx.set('Content-Disposition', contentDisposition(row.fileName));
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'no-store');
  // Nothing in a downloaded file may run in the API's origin, even if a browser opened it inline.
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
}
