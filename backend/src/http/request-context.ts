import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import type { Metrics } from '../health/metrics';

const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id (kept from `X-Request-Id` when well-formed), a child logger carrying
 * it, one access-log line and a duration metric. Logs name the route pattern, never the query
 * string: search text may hold a name or a personal code.
 */
export function requestContext(logger: Logger, metrics: Metrics) {
  return async (ctx: Context, next: Next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('x-request-id');
    const requestId = VALID_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    ctx.log = logger.child({ reqId: requestId });
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = ctx.state.route ?? (ctx.path.startsWith('/api') ? 'unmatched' : 'static');
      metrics.httpDuration.observe(
        { method: ctx.method, route, status: String(ctx.status) },
        seconds,
      );
      ctx.log.info(
        {
          method: ctx.method,
          route,
          status: ctx.status,
          ms: Math.round(seconds * 1000),
          userId: ctx.state.actor?.userId,
          ip: ctx.ip,
        },
        'request',
      );
    }
  };
}
