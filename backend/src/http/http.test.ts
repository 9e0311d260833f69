import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { docsRoutes, routeKey, servedRoutes } from '../test-support/served-routes';

// Cross-cutting HTTP behaviour: problem+json for every failure, request ids, OpenAPI, health.

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT: '2kb' });
  token = await t.token('administrator');
});
afterAll(() => t.close());

const isProblem = (
  res: { headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(|node_modules|select |insert into/i);
};

describe('errors are RFC 9457 problems', () => {
  it('unknown API route → 404', async () => {
    const res = await t
      .request()
      .get('/api/no-such-thing')
      .auth(token, { type: 'bearer' })
      .expect(404);
    isProblem(res, 404);
  });

  it('malformed JSON → 400', async () => {
    const res = await t
      .request()
      .post('/api/territories')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send('{"name": "Rīga",')
      .expect(400);
    isProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('body over the limit → 413', async () => {
    const res = await t
      .request()
      .post('/api/territories')
      .auth(token, { type: 'bearer' })
      .send({ atvkCode: '1234567', name: 'x'.repeat(5000), kind: 'municipality' })
      .expect(413);
    isProblem(res, 413);
  });

  it('a body that is not JSON → 415', async () => {
    const res = await t
      .request()
      .post('/api/territories')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'text/plain')
      .send('name=Rīga')
      .expect(415);
    isProblem(res, 415);
  });

  it('wrong method → 405 with Allow', async () => {
    const res = await t
      .request()
      .patch('/api/territories')
      .auth(token, { type: 'bearer' })
      .send({})
      .expect(405);
    isProblem(res, 405);
    expect(res.headers.allow).toMatch(/GET/);
    expect(res.headers.allow).toMatch(/POST/);
  });

  it('no token → 401 with WWW-Authenticate', async () => {
    const res = await t.request().get('/api/territories').expect(401);
    isProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('an unexpected database failure → 500 without SQL or stack', async () => {
    const broken = await createTestApp();
    try {
      const admin = await broken.token('administrator');
      await sql`drop table countries cascade`.execute(broken.database.db);
      const res = await broken
        .request()
        .get('/api/countries')
        .auth(admin, { type: 'bearer' })
        .expect(500);
      isProblem(res, 500);
      expect(JSON.stringify(res.body)).not.toMatch(/relation|does not exist|select/);
      expect(res.body.requestId).toEqual(expect.any(String));
    } finally {
      await broken.close();
    }
  });
});

describe('request ids', () => {
  it('are generated and returned', async () => {
    const res = await t.request().get('/health/live').expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keep a well-formed incoming id and replace a bad one', async () => {
    const kept = await t
      .request()
      .get('/health/live')
      .set('X-Request-Id', 'trace-12345678')
      .expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-12345678');
    const replaced = await t
      .request()
      .get('/health/live')
      .set('X-Request-Id', 'bad id <script>')
      .expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id <script>');
  });

  it('appear in problems', async () => {
    const res = await t
      .request()
      .get('/api/nothing')
      .set('X-Request-Id', 'trace-abcdefgh')
      .expect(404);
    expect(res.body.requestId).toBe('trace-abcdefgh');
  });
});

describe('OpenAPI', () => {
  it('documents every route from the same zod schemas', async () => {
    const res = await t.request().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    // Against the real router, not the route list the document was generated from: every route
    // served but the documentation's own is documented, and nothing documented is missing.
    const documented = Object.entries(res.body.paths as Record<string, object>).flatMap(
      ([path, operations]) =>
        Object.keys(operations).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = servedRoutes(t.app)
      .map(routeKey)
      .filter((key) => !docsRoutes.includes(key));
    expect(served).toContain('post /api/territories');
    expect(documented.sort()).toEqual(served.sort());
    const post = res.body.paths['/api/territories'].post;
    const schema = post.requestBody.content['application/json'].schema;
    const resolved = schema.$ref
      ? res.body.components.schemas[schema.$ref.split('/').pop()]
      : schema;
    expect(resolved.required).toEqual(expect.arrayContaining(['atvkCode', 'name', 'kind']));
    expect(res.body.paths['/api/territories'].get.responses['400']).toBeDefined();
  });

  it('is browsable at /api/docs', async () => {
    const page = await t.request().get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    await t.request().get('/api/docs/swagger-ui-bundle.js').expect(200);
    await t.request().get('/api/docs/../../package.json').expect(404);
  });
});

describe('health and operations', () => {
  it('live and ready', async () => {
    await t.request().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.request().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.checks.database).toMatch(/^ok/);
    expect(ready.body.checks.broker).toMatch(/not configured/);
  });

  it('ready answers 503 with the reason when the database is gone', async () => {
    const other = await createTestApp();
    await other.close();
    const res = await other.request().get('/health/ready').expect(503);
    expect(res.body.status).toBe('not ready');
    expect(res.body.checks.database).toMatch(/^failing/);
  });

  it('metrics in Prometheus format', async () => {
    await t.request().get('/health/live');
    const res = await t.request().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} \d+/,
    );
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('environment names itself', async () => {
    const res = await t.request().get('/api/environment').expect(200);
    expect(res.body).toEqual({ name: 'dev', version: '0.0.0-test', commit: 'test' });
  });

  it('sends security headers', async () => {
    const res = await t.request().get('/health/live');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
