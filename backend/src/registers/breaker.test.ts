import { backoffDelay, CircuitBreaker } from './breaker';

// The breaker and the backoff schedule alone, on a fake clock.

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ threshold: 3, cooldownMs: 10_000, now: () => now });
  beforeEach(() => void (now = 1_000_000));

  it('opens after the threshold of consecutive failures, not before', () => {
    const b = breaker();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    b.success(); // a success in between starts the count again
    b.failure();
    b.failure();
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
  });

  it('lets one probe through after the cool-down; its success closes it', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    now += 9_999;
    expect(b.tryAcquire()).toBe(false);
    now += 1;
    expect(b.state).toBe('half_open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // one probe at a time
    b.success();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('opens again for a whole cool-down when the probe fails', () => {
    const b = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    now += 10_000;
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    now += 9_000;
    expect(b.tryAcquire()).toBe(false);
    now += 1_000;
    expect(b.tryAcquire()).toBe(true);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with at most a fifth added', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, opts, () => 0))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay(2, opts, () => 0.999)).toBe(240);
  });
});
