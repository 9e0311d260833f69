import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/connect';
import { allPass, databaseCheck, within } from './checks';

/**
 * The health answer of a relay or mail-worker process (`npm run worker`, `npm run relay`), on a
 * small port of its own, in the shape of the API's:
 *   GET /health/live   200 while the process answers
 *   GET /health/ready  200 {"status":"ready","checks":{…}} or 503 naming the failing check
 *   GET /metrics       Prometheus (Node process metrics and the messaging metrics)
 * node:http rather than the API's Koa stack: three fixed answers, no requests from users.
 */
export async function startWorkerHealth(opts: {
  port: number;
  host: string;
  database: DatabaseHandle;
  checks: () => Promise<Record<string, string>>;
  registry: Registry;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const readiness = async () => {
    const checks: Record<string, string> = { database: await databaseCheck(opts.database) };
    Object.assign(
      checks,
      await within(opts.checks(), 3000).catch((err: Error) => ({
        messaging: `failing: ${err.message}`,
      })),
    );
    const ready = allPass(checks);
    return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', checks } };
  };

  const server = createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(405, 'text/plain', 'GET only\n');
    if (path === '/health/live') return send(200, 'application/json', '{"status":"ok"}');
    if (path === '/health/ready') {
      void readiness().then(
        ({ status, body }) => send(status, 'application/json', JSON.stringify(body)),
        () => send(503, 'application/json', '{"status":"not ready","checks":{}}'),
      );
      return;
    }
    if (path === '/metrics') {
      void opts.registry.metrics().then(
        (text) => send(200, opts.registry.contentType, text),
        () => send(500, 'text/plain', 'metrics failed\n'),
      );
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((ok, fail) =>
    server.once('error', fail).listen(opts.port, opts.host, ok),
  );
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
