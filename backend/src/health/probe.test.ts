import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeHttp, probeWorker } from './probe';

// The container health checks: the API's readiness answer, the worker's database and broker.

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = req.url === '/health/ready' ? 200 : 503;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('is healthy when the API answers 200, not when it answers 503 or not at all', async () => {
  await expect(probeHttp(`${base}/health/ready`)).resolves.toBe('api: HTTP 200');
  await expect(probeHttp(`${base}/other`)).rejects.toThrow('api: HTTP 503');
  await expect(probeHttp('http://127.0.0.1:1/health/ready')).rejects.toThrow();
});

it('checks the database (and the broker when configured) of a worker', async () => {
  await expect(probeWorker({})).resolves.toBe('nothing to check');
  await expect(
    probeWorker({ DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' }),
  ).rejects.toThrow();
  if (process.env.TEST_DATABASE_URL) {
    await expect(probeWorker({ DATABASE_URL: process.env.TEST_DATABASE_URL })).resolves.toBe(
      'database ok',
    );
  }
  if (process.env.AMQP_URL) {
    await expect(probeWorker({ AMQP_URL: process.env.AMQP_URL })).resolves.toBe('broker ok');
  }
});
