import amqp, { type ChannelModel } from 'amqplib';
import type { Logger } from 'pino';
import { backoffMs } from './backoff';

/**
 * One long-lived connection to RabbitMQ that reconnects when it drops: after 0.25–0.5 s, then
 * doubling, never more than 5 s (with jitter, so many processes do not return in step): once the
 * broker is back, this process is connected again within 5 s.
 * Readiness reports `connected`; the relay and the mail worker open their channels on it and
 * re-open them from `onConnect` after every reconnect.
 */
export class Broker {
  private connection: ChannelModel | undefined;
  private stopped = false;
  private attempts = 0;
  /** Set while the broker is away (from the first failure to the next connection): one warning. */
  private awaySince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  lastError: string | undefined;
  private readonly listeners: ((c: ChannelModel) => Promise<void>)[] = [];

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly capMs = 5000,
  ) {}

  get connected(): boolean {
    return this.connection !== undefined;
  }

  /** The current connection, or an error a caller can log and retry on. */
  current(): ChannelModel {
    if (!this.connection)
      throw new Error(`message broker not connected (${this.lastError ?? 'connecting'})`);
    return this.connection;
  }

  /** Runs on every (re)connection, e.g. to declare the topology and start consuming. */
  async onConnect(listener: (c: ChannelModel) => Promise<void>): Promise<void> {
    this.listeners.push(listener);
    if (this.connection) await this.notify(this.connection, listener);
  }

  private async notify(c: ChannelModel, listener: (c: ChannelModel) => Promise<void>) {
    try {
      await listener(c);
    } catch (err) {
      this.log.warn(
        { event: 'broker_setup_failed', reason: (err as Error).message },
        'setting up on the broker connection failed',
      );
    }
  }

  /** Connects once; keeps retrying in the background when the broker is not there yet. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const connection = await amqp.connect(this.url, { timeout: 5000 });
      if (this.stopped) return void (await closeQuietly(connection));
      connection.on('error', (err: Error) => (this.lastError = err.message));
      let closed = false;
      connection.on('close', () => {
        closed = true;
        this.connection = undefined;
        if (!this.stopped) {
          this.awaySince ??= Date.now();
          this.log.warn(
            { event: 'broker_disconnected' },
            'message broker connection closed; reconnecting',
          );
          this.schedule();
        }
      });
      this.attempts = 0;
      this.lastError = undefined;
      const awayMs = this.awaySince === undefined ? undefined : Date.now() - this.awaySince;
      this.awaySince = undefined;
      this.log.info({ event: 'broker_connected', awayMs }, 'connected to the message broker');
      // Listeners first (topology, consumers), so nobody publishes before the exchange exists.
      for (const listener of this.listeners) await this.notify(connection, listener);
      // stop() may have come while the listeners ran: it could not see this connection yet.
      if (this.stopped) await closeQuietly(connection);
      else if (!closed) this.connection = connection;
    } catch (err) {
      this.lastError = (err as Error).message;
      const delayMs = this.schedule();
      // One warning per outage; the retries after it at debug level.
      const first = this.awaySince === undefined;
      this.awaySince ??= Date.now();
      this.log[first ? 'warn' : 'debug'](
        { event: 'broker_unreachable', reason: this.lastError, retryInMs: delayMs },
        'message broker unreachable; retrying',
      );
    }
  }

  /** Schedules the next attempt; answers its delay. */
  private schedule(): number {
    clearTimeout(this.timer);
    const delayMs = backoffMs(this.attempts++, 500, this.capMs);
    this.timer = setTimeout(() => void this.connect(), delayMs);
    this.timer.unref();
    return delayMs;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const c = this.connection;
    this.connection = undefined;
    await closeQuietly(c);
  }
}

/**
 * Closes a connection or channel without waiting forever: on a connection that died unnoticed
 * (network cut), close() may never be answered.
 */
export async function closeQuietly(x: { close(): Promise<void> } | undefined, ms = 2000) {
  if (!x) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    x.close().catch(() => undefined),
    new Promise<void>((ok) => (timer = setTimeout(ok, ms))),
  ]);
  clearTimeout(timer);
}
