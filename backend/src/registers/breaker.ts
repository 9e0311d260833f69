// Resilience for one register: the circuit breaker and the pauses between retries. Written here
// (about sixty lines) rather than taken from a library: the behaviour we need is small and must
// be exact for the tests (an injected clock, one half-open probe at a time), and the libraries
// that offer it (opossum, cockatiel) bring timers, events and policies we would not use.

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  threshold: number;
  /** How long it stays open before one probe is let through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Closed: every call goes through; `threshold` failures in a row open it. Open: calls are refused
 * without asking the register, so a register that is down is not hammered and our users get an
 * answer at once. After the cool-down the next call is the probe (half-open): its success closes
 * the breaker, its failure opens it for another cool-down; other calls meanwhile are refused.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The state as of now (an open breaker past its cool-down reads half-open). */
  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) {
      return 'half_open';
    }
    return this.current;
  }

  /** Whether a call may go now; true for the half-open probe, which the caller must then settle. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.current = 'half_open';
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.current = 'closed';
  }

  failure(): void {
    this.failures++;
    if (this.current === 'half_open' || this.failures >= this.options.threshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
    this.probing = false;
  }
}

/**
 * The pause before retry `attempt` (1 = the first retry): base · 2^(attempt−1), capped, with up to
 * a fifth of it added at random (`random` in [0, 1)), so processes that failed together do not
 * all come back in the same millisecond.
 */
export function backoffDelay(
  attempt: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const plain = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(plain * (1 + random() / 5));
}
