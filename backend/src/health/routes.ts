/**
 * health/: what monitoring asks — /health/live, /health/ready, /metrics, /api/environment (the
 * build identity the console's banner shows), the relay's and worker's own health port
 * (worker-health.ts) and the container's probe.js. Messaging's readiness checks are
 * messaging/readiness.ts.
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import type { DatabaseHandle } from '../db/connect';
import { allPass, databaseCheck } from './checks';
import type { Broker } from '../messaging/broker';
import type { Metrics } from './metrics';
import type { VersionInfo } from './version';

export function healthRoutes(deps: {
  database: DatabaseHandle;
  broker?: Broker;
  metrics: Metrics;
  environment: { name: string } & VersionInfo;
}): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health/live',
      summary: 'Liveness: the process answers',
      tags: ['Operations'],
      access: 'public',
      response: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) },
      handler: () => ({ status: 'ok' }),
    }),
    defineRoute({
      method: 'get',
      path: '/health/ready',
      summary: 'Readiness: the database and (when configured) the message broker answer',
      tags: ['Operations'],
      access: 'public',
      transaction: false,
      response: {
        description: 'Ready (503 with the failing check otherwise)',
        schema: z.object({
          status: z.enum(['ready', 'not ready']),
          checks: z.record(z.string(), z.string()),
        }),
      },
      handler: async ({ ctx }) => {
        const checks: Record<string, string> = { database: await databaseCheck(deps.database) };
        if (deps.broker) {
          checks.broker = deps.broker.connected
            ? 'ok'
            : `failing: ${deps.broker.lastError ?? 'not connected'}`;
        } else {
          checks.broker = 'not configured (in-process delivery)';
        }
        const ready = allPass(checks);
        if (!ready) ctx.status = 503;
        return { status: ready ? 'ready' : 'not ready', checks };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics',
      tags: ['Operations'],
      access: 'public',
      response: { description: 'Prometheus text format' },
      handler: async ({ ctx }) => {
        ctx.type = deps.metrics.registry.contentType;
        return deps.metrics.registry.metrics();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/environment',
      summary: 'Which environment and build this is (for the console banner and smoke tests)',
      tags: ['Operations'],
      access: 'public',
      response: {
        description: 'Environment name and version',
        schema: z.object({
          name: z.enum(['dev', 'test', 'prod']),
          version: z.string(),
          commit: z.string(),
        }),
      },
      handler: () => deps.environment,
    }),
  ];
}
