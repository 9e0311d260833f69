import jwt from 'jsonwebtoken';
import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { newTotpSecret, totpCode } from '../mfa/totp';
import { CLOCK_SKEW_SECONDS, lifetimeIsValid, MFA_TOKEN_TTL_SECONDS } from './tokens';

// A correctly signed token is not enough: it must say when it was issued and when it ends, within
// the configured lifetime (docs/security.md). Tokens here are signed with the test app's own key.

const TTL = 600;
const { t, newUser, alignToStep } = authTestFile('token-life', {
  ACCESS_TOKEN_TTL_SECONDS: String(TTL),
});
const KEY = 'test-secret-test-secret-test-secret-123';
const YEAR = 365 * 24 * 3600;

const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);
const sign = (payload: object, audience: string, noTimestamp = false) =>
  jwt.sign(payload, KEY, {
    algorithm: 'HS256',
    keyid: 'k1',
    issuer: 'adoption-register',
    audience,
    noTimestamp,
  });

describe('lifetimeIsValid', () => {
  it('wants iat and exp, exp after iat, at most ttl (+ skew) apart, iat not in the future', () => {
    const now = 1_800_000_000;
    expect(lifetimeIsValid({ iat: now, exp: now + 900 }, 900, now)).toBe(true);
    expect(lifetimeIsValid({ iat: now, exp: now + 900 + CLOCK_SKEW_SECONDS }, 900, now)).toBe(true);
    expect(lifetimeIsValid({ iat: now, exp: now + 901 + CLOCK_SKEW_SECONDS }, 900, now)).toBe(
      false,
    );
    expect(lifetimeIsValid({ iat: now }, 900, now)).toBe(false);
    expect(lifetimeIsValid({ exp: now + 60 }, 900, now)).toBe(false);
    expect(lifetimeIsValid({ iat: now, exp: now }, 900, now)).toBe(false);
    expect(lifetimeIsValid({ iat: '1', exp: now + 60 }, 900, now)).toBe(false);
    expect(lifetimeIsValid({ iat: now + 1.5, exp: now + 60 }, 900, now)).toBe(false);
    expect(lifetimeIsValid({ iat: now + CLOCK_SKEW_SECONDS, exp: now + 600 }, 900, now)).toBe(true);
    expect(lifetimeIsValid({ iat: now + 3600, exp: now + 4000 }, 900, now)).toBe(false);
  });
});

describe('access tokens', () => {
  let claims: { sub: string; sid: string; usr: string; role: string };
  beforeAll(async () => {
    const { token } = await t.signIn('analyst');
    const issued = jwt.decode(token) as jwt.JwtPayload;
    // The app's own token: exactly the configured lifetime.
    expect(issued.exp! - issued.iat!).toBe(TTL);
    claims = { sub: issued.sub!, sid: issued.sid, usr: issued.usr, role: issued.role };
  });
  const me = (token: string) => t.request().get('/api/auth/me').auth(token, { type: 'bearer' });

  it('one of the configured lifetime is accepted (the control)', async () => {
    const iat = nowSeconds();
    await me(sign({ ...claims, iat, exp: iat + TTL }, 'adoption-register-api')).expect(200);
  });

  it.each([
    ['without exp', (iat: number) => ({ iat })],
    ['valid for a year', (iat: number) => ({ iat, exp: iat + YEAR })],
    ['longer than ACCESS_TOKEN_TTL_SECONDS', (iat: number) => ({ iat, exp: iat + TTL + 120 })],
    ['issued in the future', (iat: number) => ({ iat: iat + 3600, exp: iat + 3600 + TTL })],
  ])('one %s is refused with 401', async (_what, times) => {
    const res = await me(
      sign({ ...claims, ...times(nowSeconds()) }, 'adoption-register-api'),
    ).expect(401);
    expect(res.body.detail).toBe('The access token is not valid.');
  });

  it('one without iat is refused with 401', async () => {
    const token = sign({ ...claims, exp: nowSeconds() + 60 }, 'adoption-register-api', true);
    expect((jwt.decode(token) as jwt.JwtPayload).iat).toBeUndefined();
    await me(token).expect(401);
  });
});

describe('MFA step tokens', () => {
  it('need iat and exp within their own 5 minutes', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator', secret);
    alignToStep();
    const verify = (mfaToken: string) =>
      t
        .request()
        .post('/api/auth/mfa/verify')
        .send({ mfaToken, code: totpCode(secret, t.clock.now().getTime()) });
    const iat = nowSeconds();
    const aud = 'adoption-register-mfa';
    for (const times of [
      { iat },
      { iat, exp: iat + 24 * 3600 },
      { iat, exp: iat + MFA_TOKEN_TTL_SECONDS + 300 },
    ]) {
      const res = await verify(sign({ sub: String(u.id), ...times }, aud)).expect(401);
      expect(res.body.detail).toMatch(/Sign in again/);
    }
    await verify(sign({ sub: String(u.id), exp: iat + 60 }, aud, true)).expect(401);
    // The control: the same claims with a lifetime of 5 minutes sign in.
    const ok = await verify(
      sign({ sub: String(u.id), iat, exp: iat + MFA_TOKEN_TTL_SECONDS }, aud),
    ).expect(200);
    expect(ok.body.user.username).toBe(u.username);
    // And the app's own MFA token still works.
    const login = await t
      .request()
      .post('/api/auth/login')
      .send({ username: u.username, password: TEST_PASSWORD })
      .expect(200);
    const own = jwt.decode(login.body.mfaToken) as jwt.JwtPayload;
    expect(own.exp! - own.iat!).toBe(MFA_TOKEN_TTL_SECONDS);
  });
});
