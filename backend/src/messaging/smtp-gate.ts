/**
 * Tells a mail server that is away from a mail that is refused, so an outage pauses delivery
 * instead of moving every mail in hand to a retry queue (a 4-second burst of 451 answers once
 * parked 880–1,670 mails for 10 s). A circuit breaker:
 *
 *   closed ──(server-wide failure, or THRESHOLD different mails failing in a row)──▶ open
 *   open ──(the probe connects and greets)──▶ half-open ──(one mail goes through)──▶ closed
 *                                              └─(that mail fails temporarily)──▶ open
 *
 * While open, mails are given back to the queue untried and uncounted; in half-open one mail is
 * the probe and the others wait for its answer. A temporary failure of a single mail while the
 * server otherwise delivers (a full mailbox, greylisting) stays a per-mail retry.
 */
export type GateState = 'closed' | 'open' | 'half-open';

/** What to do with a mail: try it now, or give it back untried (the server is away). */
export type Admission = 'go' | 'hold';

export interface GateOptions {
  /** Temporary failures in a row, with no success between, that mean "the server is away". */
  threshold?: number;
  /** Called when the gate opens (pause consuming) and when it stops being open (resume). */
  onOpen?(reason: string): void;
  onHalfOpen?(): void;
  onClose?(): void;
}

export class SmtpGate {
  state: GateState = 'closed';
  /** Why the gate opened last (the server's answer, one line). */
  reason: string | undefined;
  openedAt: number | undefined;
  /** Different mails that failed temporarily since the last one the server took. */
  private readonly inARow = new Set<string>();
  /** When the current run of failures began (cleared by a mail the server takes). */
  private failingSince: number | undefined;
  private probe: Promise<void> | undefined;
  private settleProbe: (() => void) | undefined;
  private readonly threshold: number;

  constructor(private readonly opts: GateOptions = {}) {
    this.threshold = opts.threshold ?? 3;
  }

  /** Before a mail is tried. In half-open the first caller is the probe, the others wait for it. */
  async admit(): Promise<Admission> {
    for (;;) {
      if (this.state === 'closed') return 'go';
      if (this.state === 'open') return 'hold';
      if (!this.probe) {
        this.probe = new Promise((resolve) => (this.settleProbe = resolve));
        return 'go';
      }
      await this.probe; // then look again: closed, open, or the probe's slot is free again
    }
  }

  /** The admitted mail never reached the server (it could not be built): free the probe's slot. */
  release(): void {
    if (this.state === 'half-open') this.finishProbe();
  }

  /**
   * The server accepted a mail (or refused it for good, which is an answer too). `startedAt`:
   * when that mail was handed to the server. A mail already under way when the failures began
   * proves nothing about the server now, so it neither resets the count nor closes the gate.
   */
  answered(startedAt = Number.POSITIVE_INFINITY): void {
    if (this.failingSince !== undefined && startedAt < this.failingSince) return;
    this.inARow.clear();
    this.failingSince = undefined;
    if (this.state !== 'closed') {
      this.state = 'closed';
      this.reason = undefined;
      this.openedAt = undefined;
      this.finishProbe();
      this.opts.onClose?.();
    }
  }

  /**
   * A mail failed temporarily. `serverWide`: the failure concerns the server, not the mail
   * (`isSmtpUnavailable`). `mail` names it: the same mail failing again and again is that mail's
   * problem, so only different mails count towards the threshold. Answers 'retry' (this mail's
   * own retry) or 'hold' (give it back).
   */
  temporaryFailure(
    reason: string,
    serverWide: boolean,
    mail: string,
    now = Date.now(),
  ): 'retry' | 'hold' {
    if (this.state !== 'closed') {
      this.open(reason, now);
      return 'hold';
    }
    this.failingSince ??= now;
    this.inARow.add(mail);
    if (serverWide || this.inARow.size >= this.threshold) {
      this.open(reason, now);
      return 'hold';
    }
    return 'retry';
  }

  /** The probe reached the server: let one mail through to see whether it delivers. */
  halfOpen(): void {
    if (this.state !== 'open') return;
    this.state = 'half-open';
    this.opts.onHalfOpen?.();
  }

  private open(reason: string, now: number) {
    this.reason = reason;
    this.inARow.clear();
    this.failingSince = now;
    this.finishProbe();
    if (this.state === 'open') return;
    this.state = 'open';
    this.openedAt ??= now;
    this.opts.onOpen?.(reason);
  }

  private finishProbe() {
    this.settleProbe?.();
    this.settleProbe = undefined;
    this.probe = undefined;
  }
}
