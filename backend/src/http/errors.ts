import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { Problem, type FieldError } from './problem';
import { isDatabaseUnavailable } from '../db/availability';

/** zod issues → field errors with a dotted path prefixed by where the value came from. */
export function fieldErrors(error: ZodError, where: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return {
        path: `${path}.${issue.keys.join(',')}`,
        code: 'unknown_field',
        message: 'is not a known field',
      };
    }
    return { path, code: issue.code, message: issue.message };
  });
}

// PostgreSQL errors the API can explain without revealing SQL: the constraint name tells the field.
const pgProblems: Record<string, (e: PgError) => Problem> = {
  '23505': (e) =>
    Problem.conflict(`A record with this ${constraintField(e)} already exists.`, {
      field: constraintField(e),
    }),
  '23503': (e) =>
    /^update or delete/.test(e.message ?? '') || /still referenced/.test(e.detail ?? '')
      ? Problem.conflict('Other records still refer to this record.')
      : Problem.field(
          `body.${constraintField(e)}`,
          'invalid_reference',
          'refers to a record that does not exist',
        ),
  '23514': (e) =>
    Problem.field(`body.${constraintField(e)}`, 'check_violation', 'is not an allowed value'),
  '23502': (e) => Problem.field(`body.${camel(e.column ?? 'field')}`, 'required', 'is required'),
  '22001': () => Problem.badRequest('A value is too long.'),
  '22P02': () => Problem.badRequest('A value has the wrong format.'),
  '22003': () => Problem.badRequest('A number is out of range.'),
  '22007': () => Problem.badRequest('A date has the wrong format.'),
  '22008': () => Problem.badRequest('A date is out of range.'),
};

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `care_providers_registration_number_key` → `registrationNumber`. */
function constraintField(e: PgError): string {
  const c = e.constraint ?? '';
  const table = e.table ?? '';
  const core = c.startsWith(`${table}_`) ? c.slice(table.length + 1) : c;
  return camel(core.replace(/_(key|fkey|check|pkey)$/, '')) || 'value';
}

export function toProblem(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  if (err instanceof ZodError) return Problem.validation(fieldErrors(err, 'body'));
  const e = err as PgError & {
    status?: number;
    statusCode?: number;
    expose?: boolean;
    type?: string;
  };
  if (
    typeof e?.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(e.code) &&
    Object.hasOwn(pgProblems, e.code)
  ) {
    return pgProblems[e.code]!(e);
  }
  // The database went away mid-request: the client may try again shortly (Retry-After).
  if (isDatabaseUnavailable(err)) return Problem.unavailable();
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by koa, the router and the body parser (400 malformed JSON, 413, 415, 405…).
    if (status === 400 && /json/i.test(e.type ?? e.message ?? '')) {
      return Problem.badRequest('The request body is not valid JSON.');
    }
    if (status === 413)
      return new Problem(413, 'Content Too Large', 'The request body is larger than the limit.');
    if (status === 415)
      return new Problem(415, 'Unsupported Media Type', 'Send the body as application/json.');
    if (status === 405)
      return new Problem(405, 'Method Not Allowed', 'This resource does not support that method.');
    if (status === 404) return Problem.notFound();
    return new Problem(status, 'Bad Request', e.expose ? e.message : undefined);
  }
  if (status === 501) return new Problem(501, 'Not Implemented', 'This method is not supported.');
  return undefined;
}

/** What a 503 tells the client: the database or the broker is usually back within seconds. */
const RETRY_AFTER_SECONDS = 5;

/** The body encodings the JSON body parser (co-body, through `inflation`) decompresses. */
export const BODY_ENCODINGS = ['gzip', 'deflate', 'br'] as const;

/**
 * The JSON body parser's failures (its `onError`), named for the client. A compressed body is
 * inflated as it streams in and `BODY_LIMIT` counts the inflated bytes (413), so a small bomb
 * stops at the limit; a body that does not decompress is the client's error (400), not ours.
 */
export function bodyParseError(err: unknown, ctx: Context): never {
  const e = err as { status?: number; message?: string };
  const encoding = ctx.get('content-encoding').trim();
  if (e?.status === 415 && /content-encoding/i.test(e.message ?? '')) {
    const supported = [...BODY_ENCODINGS, 'identity'].join(', ');
    throw new Problem(
      415,
      'Unsupported Media Type',
      `Content-Encoding ${JSON.stringify(encoding.slice(0, 100))} is not supported; use one of ${supported}.`,
      {
        errors: [
          {
            path: 'headers.content-encoding',
            code: 'unsupported_encoding',
            message: `must be one of ${supported}`,
          },
        ],
      },
      '/problems/validation',
    );
  }
  if (e?.status === 400 && /forbidden prototype property/.test(e.message ?? '')) {
    // Valid JSON, but the key would set an object's prototype wherever the body is copied.
    throw Problem.field('body', 'forbidden_key', 'must not contain the key "__proto__"');
  }
  if (typeof e?.status !== 'number' && encoding && encoding !== 'identity') {
    // zlib's Z_DATA_ERROR, Z_BUF_ERROR, brotli's decoder errors: the body is not what it says.
    throw Problem.field('body', 'invalid_encoding', `is not valid ${encoding} data`);
  }
  throw err;
}

/** Renders every failure as problem+json; unexpected ones become a bare 500 and are logged. */
export async function problemMiddleware(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.body == null || ctx.body === '') {
      if (ctx.status === 404) throw Problem.notFound(`No route for ${ctx.method} ${ctx.path}.`);
      if (ctx.status === 405 || ctx.status === 501) throw { status: ctx.status };
    }
  } catch (err) {
    const problem = toProblem(err);
    if (!problem) ctx.log?.error({ err }, 'unhandled error');
    const p =
      problem ??
      new Problem(500, 'Internal Server Error', 'The server could not complete the request.');
    ctx.status = p.status;
    if (p.status === 503) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    ctx.type = 'application/problem+json';
    ctx.body = {
      type: p.type,
      title: p.title,
      status: p.status,
      ...(p.detail ? { detail: p.detail } : {}),
      instance: ctx.path,
      requestId: ctx.state.requestId,
      ...p.extra,
    };
  }
}
