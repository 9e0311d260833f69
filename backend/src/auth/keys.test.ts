import jwt from 'jsonwebtoken';
import supertest from 'supertest';
import { App } from '../app';
import { parseConfig } from '../config/config';
import { createLogger } from '../logger';
import { createTestApp, type TestApp } from '../test-support/test-app';

const OLD = 'old-secret-old-secret-old-secret-0001';
const NEW = 'new-secret-new-secret-new-secret-0002';
const claims = { audience: 'adoption-register-api', issuer: 'adoption-register', expiresIn: 300 };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ JWT_KEYS: `old:${OLD},new:${NEW}`, JWT_KEY_ID: 'new' });
});
afterAll(() => t.close());

describe('signing keys from JWT_KEYS', () => {
  it('signs with JWT_KEY_ID and still accepts tokens of an older configured key', async () => {
    const { token } = await t.signIn('analyst');
    const decoded = jwt.decode(token, { complete: true })!;
    expect(decoded.header.kid).toBe('new');
    const payload = decoded.payload as jwt.JwtPayload;

    // A token the old key signed (before the rotation) for the same session.
    const old = jwt.sign(
      { sub: payload.sub, sid: payload.sid, usr: 'analyst', role: 'analyst' },
      OLD,
      {
        ...claims,
        keyid: 'old',
      },
    );
    await t.request().get('/api/auth/me').auth(old, { type: 'bearer' }).expect(200);

    // The same token under an unknown key id, or signed with a key that is not the one named: 401.
    const unknownKid = jwt.sign(
      { sub: payload.sub, sid: payload.sid, usr: 'analyst', role: 'analyst' },
      OLD,
      {
        ...claims,
        keyid: 'k9',
      },
    );
    await t.request().get('/api/auth/me').auth(unknownKid, { type: 'bearer' }).expect(401);
    const mismatched = jwt.sign(
      { sub: payload.sub, sid: payload.sid, usr: 'analyst', role: 'analyst' },
      OLD,
      {
        ...claims,
        keyid: 'new',
      },
    );
    await t.request().get('/api/auth/me').auth(mismatched, { type: 'bearer' }).expect(401);

    // Once the old key is removed from the configuration, its tokens no longer verify.
    const config = parseConfig({ JWT_KEYS: `new:${NEW}`, JWT_KEY_ID: 'new', LOG_LEVEL: 'silent' });
    const rotated = new App({
      config,
      database: t.database,
      logger: createLogger('silent'),
      version: { version: '0.0.0-test', commit: 'test' },
    });
    const request = () => supertest(rotated.callback());
    await request().get('/api/auth/me').auth(old, { type: 'bearer' }).expect(401);
    await request().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
  });
});

describe('key configuration', () => {
  const secret = 'x'.repeat(32);
  const DATA_ENCRYPTION_KEY = 'm'.repeat(32);
  it('accepts JWT_SECRET alone, JWT_KEYS alone, or JWT_SECRET as the current key beside older ones', () => {
    expect(
      parseConfig({ APP_ENV: 'prod', JWT_SECRET: secret, DATA_ENCRYPTION_KEY }).JWT_KEY_ID,
    ).toBe('k1');
    expect(
      parseConfig({
        APP_ENV: 'prod',
        JWT_KEYS: `a:${secret},b:${secret}`,
        JWT_KEY_ID: 'b',
        DATA_ENCRYPTION_KEY,
      }).JWT_KEYS,
    ).toEqual({
      a: secret,
      b: secret,
    });
    expect(
      parseConfig({ JWT_SECRET: secret, JWT_KEY_ID: 'k2', JWT_KEYS: `k1:${secret}` }).JWT_KEYS,
    ).toEqual({ k1: secret });
  });

  it.each([
    [
      { JWT_KEYS: 'k1:short' },
      /^Configuration error: JWT_KEYS secret of key k1 must be at least 32 characters$/,
    ],
    [{ JWT_KEYS: `nocolon${secret}` }, /^Configuration error: JWT_KEYS must look like kid:secret/],
    [{ JWT_KEYS: `a:${secret},a:${secret}` }, /^Configuration error: JWT_KEYS must look like/],
    [
      { JWT_KEYS: `a:${secret}`, JWT_KEY_ID: 'b' },
      /^Configuration error: JWT_KEY_ID must name one of the keys in JWT_KEYS \(got "b"\)$/,
    ],
    [
      { JWT_KEYS: `k1:${secret}`, JWT_SECRET: secret },
      /^Configuration error: JWT_KEYS must not define the key k1/,
    ],
  ])('refuses %j without echoing a secret', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
    expect(() => parseConfig(env)).not.toThrow(/xxxxxxxx/);
  });
});
