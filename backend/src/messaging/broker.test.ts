import { createLogger } from '../logger';
import { Broker } from './broker';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { App } from '../app';
import supertest from 'supertest';
import { parseConfig } from '../config/config';
import { eventually, TcpProxy } from '../test-support/tcp-proxy';

// Readiness against a real RabbitMQ (AMQP_URL). In CI the broker must be there: no skipping.
const amqpUrl = process.env.AMQP_URL;
const required = process.env.CI === 'true';
const log = createLogger('silent');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function appWith(broker: Broker) {
  return new App({
    config: parseConfig({ LOG_LEVEL: 'silent' }),
    database: t.database,
    logger: log,
    broker,
    version: { version: 'x', commit: 'x' },
    jwtSecret: 'broker-test-secret-broker-test-secret',
  });
}

(amqpUrl || required ? describe : describe.skip)('readiness with RabbitMQ', () => {
  it('reports the broker when connected', async () => {
    if (!amqpUrl) throw new Error('AMQP_URL must be set when CI=true');
    const broker = new Broker(amqpUrl, log);
    await broker.start();
    try {
      expect(broker.connected).toBe(true);
      const res = await supertest(appWith(broker).callback()).get('/health/ready').expect(200);
      expect(res.body.checks.broker).toBe('ok');
    } finally {
      await broker.stop();
    }
    expect(broker.connected).toBe(false);
  });
});

(amqpUrl || required ? describe : describe.skip)('when the broker goes away', () => {
  it('readiness turns 503 naming the broker, and the connection comes back by itself', async () => {
    if (!amqpUrl) throw new Error('AMQP_URL must be set when CI=true');
    const target = new URL(amqpUrl);
    const proxy = new TcpProxy(await TcpProxy.freePort(), {
      host: target.hostname,
      port: Number(target.port || 5672),
    });
    const viaProxy = new URL(amqpUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const broker = new Broker(viaProxy.toString(), log);
    const app = appWith(broker).callback();
    try {
      // Not there at start: start() does not fail, readiness says why.
      await broker.start();
      expect(broker.connected).toBe(false);
      const down = await supertest(app).get('/health/ready').expect(503);
      expect(down.body.status).toBe('not ready');
      expect(down.body.checks.broker).toMatch(/^failing: .*ECONNREFUSED/);
      expect(down.body.checks.database).toMatch(/^ok/);

      // The broker appears: the retry loop connects.
      await proxy.start();
      await eventually(() => broker.connected);
      await supertest(app).get('/health/ready').expect(200);

      // It drops: noticed, then reconnected when it is back.
      await proxy.stop();
      await eventually(() => !broker.connected);
      await supertest(app).get('/health/ready').expect(503);
      await proxy.start();
      await eventually(() => broker.connected);
      await supertest(app).get('/health/ready').expect(200);
    } finally {
      await broker.stop();
      await proxy.stop();
    }
  }, 60_000);
});
