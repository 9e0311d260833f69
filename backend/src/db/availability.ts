import type { Logger } from 'pino';

/**
 * Whether an error means "the database is not there right now" (the server restarted, failed
 * over, refused or dropped the connection, or did not answer in time) rather than "this statement
 * is wrong". Such a failure is answered 503 and retried by background work; it is never a 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errno?: unknown } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect
  // now: a restart or failover), 53300 (too many connections).
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
  // The socket itself: refused, reset, unreachable, timed out, not resolvable.
  if (SOCKET_CODES.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => m.test(message));
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// What `pg` and `pg-pool` say when the connection is gone (they set no code for these).
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^Client has encountered a connection error and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
  /^connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)/,
];

/**
 * One line saying why, for readiness and the log: the SQLSTATE or socket code and pg's words,
 * without host names, addresses or ports (readiness is a public endpoint).
 */
export function describeDatabaseError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = (typeof e?.message === 'string' ? e.message : String(err))
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<address>')
    .replace(/\[?[0-9a-f]*:[0-9a-f:]+\]?:\d+/gi, '<address>')
    .replace(/\w+:\/\/\S+/g, '<url>')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * The database's availability as this process saw it last: down from the first failure to
 * reach it, up again with the first success. Logs one warning when it goes away and one line
 * when it is back (with how long it was away), not one per failed request.
 */
export class DatabaseAvailability {
  private downSince: number | undefined;
  lastError: string | undefined;

  constructor(
    private readonly log: Pick<Logger, 'warn' | 'info'> | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get available(): boolean {
    return this.downSince === undefined;
  }

  /** The connection failed or was lost. */
  down(err: unknown): void {
    this.lastError = describeDatabaseError(err);
    if (this.downSince !== undefined) return;
    this.downSince = this.now();
    this.log?.warn(
      { event: 'database_unavailable', reason: this.lastError },
      'the database is not available; requests get 503 until it is back',
    );
  }

  /** A connection was made (or a query answered). */
  up(): void {
    if (this.downSince === undefined) return;
    const seconds = (this.now() - this.downSince) / 1000;
    this.downSince = undefined;
    this.lastError = undefined;
    this.log?.info(
      { event: 'database_recovered', unavailableSeconds: seconds },
      'the database is available again',
    );
  }
}
