import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    RATE_LIMIT_LOGIN_IP: '4/60',
    RATE_LIMIT_LOGIN_USER: '3/60',
    RATE_LIMIT_REFRESH_IP: '2/60',
    RATE_LIMIT_CHANGE_PASSWORD: '2/60',
    RATE_LIMIT_MFA: '2/60',
    TRUST_PROXY: 'true',
  });
});
afterAll(() => t.close());

// Behind a trusted proxy (TRUST_PROXY) the address comes from X-Forwarded-For, so each test takes
// an address of its own.
const login = (ip: string, username: string, password = 'Nepareiza-parole-1') =>
  t.request().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });

const expect429 = (res: {
  status: number;
  headers: Record<string, string>;
  body: { status: number; title: string };
}) => {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
  const retry = Number(res.headers['retry-after']);
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
};

describe('rate limits', () => {
  it('the second step per user: 429 with Retry-After, whichever address asks', async () => {
    const first = await login('10.0.3.1', 'adoption-specialist', TEST_PASSWORD).expect(200);
    const { mfaToken } = first.body as { mfaToken: string };
    const verify = (ip: string) =>
      t
        .request()
        .post('/api/auth/mfa/verify')
        .set('X-Forwarded-For', ip)
        .send({ mfaToken, code: '000000' });
    for (let i = 1; i <= 2; i++) await verify(`10.0.3.${i}`).expect(401);
    expect429(await verify('10.0.3.9'));
  });

  it('recovery-code renewal per user, like the second step', async () => {
    // Signing in takes one point of the administrator's allowance (the second step).
    const token = await t.token('administrator');
    const renew = () =>
      t
        .request()
        .post('/api/auth/mfa/recovery-codes')
        .auth(token, { type: 'bearer' })
        .send({ code: '000000' });
    await renew().expect(400);
    expect429(await renew());
  });

  it('sign-in per user name: 429 with Retry-After, whichever address asks', async () => {
    for (let i = 1; i <= 3; i++) await login(`10.0.0.${i}`, 'analyst').expect(401);
    expect429(await login('10.0.0.9', 'analyst', TEST_PASSWORD));
    // Another user name is not affected.
    await login('10.0.0.10', 'auditor', TEST_PASSWORD).expect(200);
  });

  it('sign-in per client address, whichever user name it tries', async () => {
    for (let i = 1; i <= 4; i++) await login('10.0.1.1', `nav-tada-${i}`).expect(401);
    expect429(await login('10.0.1.1', 'nav-tada-5'));
    await login('10.0.1.2', 'nav-tada-5').expect(401);
  });

  it('refresh per client address', async () => {
    const refresh = () => t.request().post('/api/auth/refresh').set('X-Forwarded-For', '10.0.2.1');
    await refresh().expect(401);
    await refresh().expect(401);
    expect429(await refresh());
  });

  it('change-password per user', async () => {
    const token = await t.token('head_of_department');
    const change = () =>
      t
        .request()
        .post('/api/auth/change-password')
        .auth(token, { type: 'bearer' })
        .send({ currentPassword: 'nepareiza', newPassword: 'Jauna-gara-parole-2026' });
    await change().expect(400);
    await change().expect(400);
    expect429(await change());
  });

  it('without a trusted proxy a forged X-Forwarded-For does not escape the per-address limit', async () => {
    const direct = await createTestApp({
      RATE_LIMIT_LOGIN_IP: '2/60',
      RATE_LIMIT_LOGIN_USER: 'off',
    });
    try {
      const forged = (i: number) =>
        direct
          .request()
          .post('/api/auth/login')
          .set('X-Forwarded-For', `10.9.9.${i}`)
          .send({ username: `nav-${i}`, password: 'x' });
      await forged(1).expect(401);
      await forged(2).expect(401);
      expect429(await forged(3));
    } finally {
      await direct.close();
    }
  });
});
