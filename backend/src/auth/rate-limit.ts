import type { Context } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Problem } from '../http/problem';

/**
 * In-memory rate limits (rate-limiter-flexible). Each API process keeps its own counters, so with
 * N processes behind a load balancer a client may get up to N times the configured allowance;
 * the per-account lockout (kept in the database) is the limit that holds across processes.
 */
export interface RateSpec {
  points: number;
  seconds: number;
}

export type Limiter = (ctx: Context, key: string) => Promise<void>;

/**
 * A limiter that answers 429 with `Retry-After` once `points` are spent within `seconds`; `detail`
 * words the answer (default: too many attempts).
 */
export function rateLimiter(
  name: string,
  spec: RateSpec | undefined,
  detail: (seconds: number) => string = (s) => `Too many attempts. Try again in ${s} seconds.`,
): Limiter {
  if (!spec) return async () => undefined;
  const limiter = new RateLimiterMemory({
    keyPrefix: name,
    points: spec.points,
    duration: spec.seconds,
  });
  return async (ctx, key) => {
    try {
      await limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      ctx.log.warn({ event: 'rate_limited', limit: name }, 'rate limit reached');
      throw new Problem(429, 'Too Many Requests', detail(seconds), { retryAfter: seconds });
    }
  };
}
