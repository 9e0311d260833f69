import jwt from 'jsonwebtoken';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app';
import { can, permissionsByRole, type Permission } from '../policies/permissions';
import { roles } from '../policies/roles';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { docsRoutes, routeKey, servedRoutes } from '../test-support/served-routes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  // An analyst needs no second factor (auth/mfa.test.ts covers the roles that do).
  it('returns a short-lived bearer token and the user', async () => {
    const res = await t
      .request()
      .post('/api/auth/login')
      .send({ username: 'analyst', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.user).toMatchObject({ username: 'analyst', role: 'analyst' });
    const claims = jwt.decode(res.body.token, { complete: true })!;
    expect(claims.header.kid).toBe('k1');
    const payload = claims.payload as jwt.JwtPayload;
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(15 * 60);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(payload.sid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await t
      .request()
      .post('/api/auth/login')
      .send({ username: 'administrator', password: 'nepareiza-parole' })
      .expect(401);
    const unknown = await t
      .request()
      .post('/api/auth/login')
      .send({ username: 'nav-tads', password: 'nepareiza-parole' })
      .expect(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body.detail).toBe('Wrong user name or password.');
  });

  it('validates the body', async () => {
    const res = await t.request().post('/api/auth/login').send({ username: '' }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.password',
      'body.username',
    ]);
  });

  it('me returns the user and the permissions of the role', async () => {
    const token = await t.token('analyst');
    const res = await t.request().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toMatchObject({
      username: 'analyst',
      role: 'analyst',
      permissions: [...permissionsByRole.analyst],
    });
    expect(res.body.permissions).toContain('territories:read');
    expect(res.body.permissions).not.toContain('territories:write');
    expect(res.body).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    [
      'without a session id',
      jwt.sign(
        { sub: '1', usr: 'x', role: 'administrator' },
        'test-secret-test-secret-test-secret-123',
        { keyid: 'k1', audience: 'adoption-register-api', issuer: 'adoption-register' },
      ),
    ],
    [
      'for a session that does not exist',
      jwt.sign(
        { sub: '1', sid: '00000000-0000-4000-8000-000000000000', usr: 'x', role: 'administrator' },
        'test-secret-test-secret-test-secret-123',
        { keyid: 'k1', audience: 'adoption-register-api', issuer: 'adoption-register' },
      ),
    ],
    [
      'wrong key',
      jwt.sign(
        { sub: '1', usr: 'x', role: 'administrator' },
        'another-secret-another-secret-12345',
        { keyid: 'k1', audience: 'adoption-register-api', issuer: 'adoption-register' },
      ),
    ],
    [
      'unknown key id',
      jwt.sign(
        { sub: '1', usr: 'x', role: 'administrator' },
        'test-secret-test-secret-test-secret-123',
        { keyid: 'k9', audience: 'adoption-register-api', issuer: 'adoption-register' },
      ),
    ],
    [
      'expired',
      jwt.sign(
        { sub: '1', usr: 'x', role: 'administrator', exp: Math.floor(Date.now() / 1000) - 10 },
        'test-secret-test-secret-test-secret-123',
        { keyid: 'k1', audience: 'adoption-register-api', issuer: 'adoption-register' },
      ),
    ],
    [
      'alg none',
      jwt.sign({ sub: '1', usr: 'x', role: 'administrator' }, '', {
        algorithm: 'none',
        keyid: 'k1',
      } as jwt.SignOptions),
    ],
  ])('refuses a token that is %s', async (_what, token) => {
    const res = await t.request().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
    expect(res.body.status).toBe(401);
  });
});

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified', async () => {
    const a = await hashPassword('Garā-parole-123');
    const b = await hashPassword('Garā-parole-123');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Garā-parole-123', a)).toBe(true);
    expect(await verifyPassword('Gara-parole-123', a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash(a.replace('scrypt$15$', 'scrypt$14$'))).toBe(true);
  });
});

describe('every route is denied unless the permission map allows the role', () => {
  // An id no record has: allowed calls then stop at 404 or validation, and no action touches a real account.
  const withId = (path: string) => path.replace(':id', '999999');

  it('has no route without an explicit access rule', () => {
    // From the real router, so a route mounted beside the declarations (no rule checked) shows.
    const rules = new Map(t.app.routes.map((r) => [routeKey(r), r.access]));
    const served = servedRoutes(t.app)
      .map(routeKey)
      .filter((key) => !docsRoutes.includes(key));
    expect(served).toContain('get /api/children/:id');
    expect(served.filter((key) => !rules.has(key))).toEqual([]);
    // Each rule is one the access check knows: public, signed-in or a permission a role can hold.
    const known = new Set<string>([
      'public',
      'signed-in',
      ...Object.values(permissionsByRole).flat(),
    ]);
    expect(served.filter((key) => !known.has(rules.get(key)!))).toEqual([]);
  });

  // Routes that end the caller's sessions run last, so the token stays good for the others.
  const endsSessions = (path: string) => Number(path.startsWith('/api/auth/logout'));
  const protectedRoutes = () =>
    t.app.routes
      .filter((r) => r.access !== 'public')
      .sort((a, b) => endsSessions(a.path) - endsSessions(b.path));

  it('without a token every non-public route answers 401', async () => {
    for (const r of protectedRoutes()) {
      const call = (agent: ReturnType<TestApp['request']>) => agent[r.method](withId(r.path));
      const res = await call(t.request()).send(r.body ? {} : undefined);
      expect([r.method, r.path, res.status]).toEqual([r.method, r.path, 401]);
    }
  });

  it.each(roles)('role %s gets 403 exactly where the map says no', async (role) => {
    const { token } = await t.signIn(role);
    for (const r of protectedRoutes()) {
      const call = (agent: ReturnType<TestApp['request']>) => agent[r.method](withId(r.path));
      const res = await call(t.request())
        .auth(token, { type: 'bearer' })
        .send(r.body ? {} : undefined);
      const allowed = r.access === 'signed-in' || can(role, r.access as Permission);
      // Allowed calls get past authorisation (then succeed or fail validation), denied ones stop at 403.
      expect([r.method, r.path, res.status === 403]).toEqual([r.method, r.path, !allowed]);
    }
  });
});
