import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeHttp, probeUntil, probeUrl } from './probe';

// The health checks of containers and systemd units: the API's readiness, a worker's or relay's.

let server: Server;
let base: string;
let readyAfter = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = req.url === '/health/ready' && Date.now() >= readyAfter ? 200 : 503;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('is healthy when the process answers 200, not when it answers 503 or not at all', async () => {
  await expect(probeHttp(`${base}/health/ready`)).resolves.toBe('api: HTTP 200');
  await expect(probeHttp(`${base}/other`, 'worker')).rejects.toThrow('worker: HTTP 503');
  await expect(probeHttp('http://127.0.0.1:1/health/ready')).rejects.toThrow();
});

it('asks the worker and the relay on their own ports, the API on PORT or the URL given', () => {
  const env = { PORT: '3100', WORKER_HEALTH_PORT: '3101', RELAY_HEALTH_PORT: '3102' };
  expect(probeUrl(['--worker'], env)).toBe('http://127.0.0.1:3101/health/ready');
  expect(probeUrl(['--relay', '--wait', '60'], env)).toBe('http://127.0.0.1:3102/health/ready');
  expect(probeUrl([], env)).toBe('http://127.0.0.1:3100/health/ready');
  expect(probeUrl(['http://h:1/health/ready'], env)).toBe('http://h:1/health/ready');
  expect(probeUrl(['--worker'], {})).toBe('http://127.0.0.1:3001/health/ready');
});

it('--wait keeps asking until ready, and gives up when the time is up', async () => {
  readyAfter = Date.now() + 1200;
  await expect(probeUntil(`${base}/health/ready`, 10)).resolves.toBe('api: HTTP 200');
  readyAfter = Date.now() + 60_000;
  await expect(probeUntil(`${base}/health/ready`, 1)).rejects.toThrow('HTTP 503');
});
