import type { Context } from 'koa';
import { Problem } from '../http/problem';
import type { AttachmentMediaType } from '../db/tables/child-attachments';
import { detectType, typeLabels } from './detect';
import { typeNames } from './schema';

/** `10 MiB`, `512 KiB`: the limit as a person reads it. */
export function formatLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

const tooLarge = (max: number) =>
  new Problem(
    413,
    'Content Too Large',
    `The file is larger than the limit of ${formatLimit(max)}.`,
    {
      errors: [{ path: 'body', code: 'too_large', message: `must be at most ${formatLimit(max)}` }],
      maxBytes: max,
    },
    '/problems/validation',
  );

const unsupported = (path: string, code: string, message: string) =>
  new Problem(
    415,
    'Unsupported Media Type',
    `${path}: ${message}`,
    { errors: [{ path, code, message }] },
    '/problems/validation',
  );

/** The declared type without parameters, lowercase; `image/jpg` is what some clients say for JPEG. */
export function declaredType(ctx: Context): string | undefined {
  const raw = ctx.get('content-type').split(';')[0]!.trim().toLowerCase();
  if (!raw) return undefined;
  return raw === 'image/jpg' || raw === 'image/pjpeg' ? 'image/jpeg' : raw;
}

/**
 * Checks what can be checked before a byte is read: a declared type the category accepts and no
 * compression. Refusing early also keeps a JSON body away from the JSON body parser's limits.
 */
export function checkDeclared(ctx: Context, allowed: readonly AttachmentMediaType[]): void {
  const declared = declaredType(ctx);
  if (!declared) {
    throw unsupported(
      'headers.content-type',
      'required',
      `is required: the file's type (${typeNames(allowed)})`,
    );
  }
  if (!(allowed as readonly string[]).includes(declared)) {
    throw unsupported(
      'headers.content-type',
      'unsupported_type',
      `must be one of ${allowed.join(', ')} for this category (got ${declared})`,
    );
  }
  const encoding = ctx.get('content-encoding').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw unsupported('headers.content-encoding', 'unsupported_encoding', 'must not be set');
  }
}

/**
 * Reads the request body as it streams in and stops at `max` bytes: a declared length over the
 * limit is refused before reading, a longer stream as soon as it passes the limit. The
 * connection is then closed, so the rest of a large upload is not read.
 */
export async function readBody(ctx: Context, max: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    ctx.set('Connection', 'close');
    throw tooLarge(max);
  }
  const req = ctx.req;
  // Consumed already (no stream left to read): as good as empty.
  if (req.readableEnded) throw Problem.field('body', 'empty', 'must be the file itself');
  return new Promise<Buffer>((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        ctx.set('Connection', 'close');
        reject(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (size === 0) {
        reject(Problem.field('body', 'empty', 'must be the file itself; the body is empty'));
      } else resolvePromise(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onAborted = () => {
      cleanup();
      reject(Problem.badRequest('The upload was interrupted.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** The detected type, which the category must accept and the declared type must agree with. */
export function checkContent(
  bytes: Uint8Array,
  declared: string,
  allowed: readonly AttachmentMediaType[],
): AttachmentMediaType {
  const found = detectType(bytes);
  if (found.kind === 'refused') throw unsupported('body', 'unsupported_type', found.reason);
  if (found.kind === 'unknown' || !allowed.includes(found.mediaType)) {
    const what = found.kind === 'known' ? `a ${typeLabels[found.mediaType]}` : 'none of these';
    throw unsupported(
      'body',
      'unsupported_type',
      `must be a ${typeNames(allowed)} file; the content is ${what}`,
    );
  }
  if (found.mediaType !== declared) {
    throw unsupported(
      'headers.content-type',
      'type_mismatch',
      `says ${declared} but the content is a ${typeLabels[found.mediaType]} (${found.mediaType})`,
    );
  }
  return found.mediaType;
}
