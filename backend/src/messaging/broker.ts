import amqp, { type ChannelModel } from 'amqplib';
import type { Logger } from 'pino';

/**
 * One long-lived connection to RabbitMQ that reconnects with growing delay when it drops.
 * Readiness reports `connected`; the Messaging issue builds the outbox relay and worker on it.
 */
export class Broker {
  private connection: ChannelModel | undefined;
  private stopped = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | undefined;
  lastError: string | undefined;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  get connected(): boolean {
    return this.connection !== undefined;
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
      connection.on('error', (err: Error) => (this.lastError = err.message));
      connection.on('close', () => {
        this.connection = undefined;
        if (!this.stopped) {
          this.log.warn(
            { event: 'broker_disconnected' },
            'message broker connection closed; reconnecting',
          );
          this.schedule();
        }
      });
      this.connection = connection;
      this.retryMs = 500;
      this.lastError = undefined;
      this.log.info({ event: 'broker_connected' }, 'connected to the message broker');
    } catch (err) {
      this.lastError = (err as Error).message;
      this.log.warn(
        { event: 'broker_unreachable', reason: this.lastError },
        'message broker unreachable; retrying',
      );
      this.schedule();
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const c = this.connection;
    this.connection = undefined;
    await c?.close().catch(() => undefined);
  }
}
