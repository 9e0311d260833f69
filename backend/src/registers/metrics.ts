import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState } from './breaker';
import { registerNames, type FailureKind, type RegisterName } from './types';

/** What the register client tells `/metrics`: calls by outcome, failures by kind, breaker, latency. */
export class RegisterMetrics {
  readonly calls: Counter<'register' | 'outcome'>;
  readonly failures: Counter<'register' | 'kind'>;
  readonly duration: Histogram<'register'>;
  /** Read when scraped: the client sets it to its breakers' present states. */
  breakerStates: () => Partial<Record<RegisterName, BreakerState>> = () => ({});

  constructor(registry: Registry) {
    const registers = [registry];
    this.calls = new Counter({
      name: 'register_calls_total',
      help: 'Look-ups in an external register, by register and outcome (found, not_found, cached, failed)',
      labelNames: ['register', 'outcome'] as const,
      registers,
    });
    this.failures = new Counter({
      name: 'register_failures_total',
      help: 'Failed requests to an external register, by kind (timeout, connection, server, client, malformed, breaker_open)',
      labelNames: ['register', 'kind'] as const,
      registers,
    });
    this.duration = new Histogram({
      name: 'register_call_duration_seconds',
      help: 'One request to an external register, from sending to the whole answer (or the failure)',
      labelNames: ['register'] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const state = { metrics: this };
    new Gauge({
      name: 'register_breaker_state',
      help: "An external register's circuit breaker: 0 closed, 1 half-open (probing), 2 open (not asked)",
      labelNames: ['register'] as const,
      registers,
      collect() {
        const states = state.metrics.breakerStates();
        for (const register of registerNames) {
          const s = states[register];
          if (s) this.set({ register }, s === 'closed' ? 0 : s === 'half_open' ? 1 : 2);
        }
      },
    });
  }

  failed(register: RegisterName, kind: FailureKind) {
    this.failures.inc({ register, kind });
  }
}
