import type { Logger } from 'pino';

/**
 * Runs `work` again and again: at once while it reports a full batch (Infinity), otherwise after
 * `pollMs` or when nudged. A failure (broker or database away) is logged once per outage and
 * retried at the poll interval, so nothing is lost, only delayed.
 */
export class Poller {
  private stopped = true;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly work: () => Promise<number>,
    private readonly pollMs: number,
    private readonly log: Logger,
    private readonly name: string,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = (await this.work()) === Number.POSITIVE_INFINITY;
        if (this.failing)
          this.log.info(
            { event: 'messaging_recovered', worker: this.name },
            `${this.name} works again`,
          );
        this.failing = false;
      } catch (err) {
        if (!this.failing) {
          this.log.warn(
            { event: 'messaging_stalled', worker: this.name, reason: (err as Error).message },
            `${this.name} cannot work now; retrying`,
          );
        }
        this.failing = true;
      }
      if (more || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
