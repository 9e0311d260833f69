import { Client } from 'pg';
import type { Logger } from 'pino';

/** What a LISTEN delivers, and when it can and cannot be trusted. */
export interface ListenHandlers {
  /** A notification of the channel (its payload). */
  notify(payload: string): void;
  /** Listening (again): from now on every committed NOTIFY reaches `notify`. */
  up(): void;
  /** The listening connection is lost: notifications may be missed until the next `up`. */
  down(err: unknown): void;
}

/** Stops listening. */
export type Unlisten = () => Promise<void>;

/**
 * LISTEN on PostgreSQL through a client of its own, outside the pool (a pooled connection would
 * lose its LISTEN when released). A lost connection is reported (`down`) and the client reconnects
 * and listens again every `retryMs` until it succeeds (`up`).
 */
export function listenPostgres(
  url: string,
  channel: string,
  on: ListenHandlers,
  opts: { connectTimeoutMs?: number; retryMs?: number; log?: Pick<Logger, 'warn' | 'info'> } = {},
): Unlisten {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
  const retryMs = opts.retryMs ?? 1000;
  let stopped = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let wasDown = false;

  const start = () => {
    retry = undefined;
    if (stopped) return;
    const c = (client = new Client({
      connectionString: url,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    }));
    let lost = false;
    const onLost = (err: unknown) => {
      if (lost) return;
      lost = true;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (stopped) return;
      if (!wasDown)
        opts.log?.warn({ event: 'listen_lost', channel, err }, 'LISTEN connection lost');
      wasDown = true;
      on.down(err);
      retry = setTimeout(start, retryMs);
      retry.unref();
    };
    c.on('notification', (m) => {
      if (m.channel === channel) on.notify(m.payload ?? '');
    });
    c.on('error', onLost);
    c.on('end', () => onLost(new Error('LISTEN connection ended')));
    c.connect()
      .then(() => c.query(`listen ${channel}`))
      .then(() => {
        if (lost || stopped) return;
        if (wasDown) opts.log?.info({ event: 'listen_back', channel }, 'listening again');
        wasDown = false;
        on.up();
      })
      .catch(onLost);
  };
  start();

  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
