import jwt from 'jsonwebtoken';
import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { revokeUserSessions } from './sessions';

const { t, events, newUser } = authTestFile('sess-user');

interface SignedIn {
  token: string;
  cookie: string;
  setCookie: string;
}

async function login(username: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const res = await t.request().post('/api/auth/login').send({ username, password }).expect(200);
  return { token: res.body.token, ...refreshCookie(res.headers['set-cookie']) };
}

function refreshCookie(header: string | string[] | undefined) {
  const setCookie = ([] as string[]).concat(header ?? []).find((c) => c.startsWith('ar_refresh='));
  expect(setCookie).toBeDefined();
  return { setCookie: setCookie!, cookie: setCookie!.split(';')[0]! };
}

const me = (token: string) => t.request().get('/api/auth/me').auth(token, { type: 'bearer' });
const refresh = (cookie?: string) => {
  const req = t.request().post('/api/auth/refresh');
  return cookie ? req.set('Cookie', cookie) : req;
};
const sessionRow = async (token: string) => {
  const sid = (jwt.decode(token) as { sid: string }).sid;
  return t.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sid)
    .executeTakeFirstOrThrow();
};

describe('the refresh-token cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, limited to /api/auth, and holds 32 random bytes', async () => {
    const u = await newUser();
    const { setCookie } = await login(u.username);
    const [pair, ...attributes] = setCookie.split(/;\s*/);
    expect(pair).toMatch(/^ar_refresh=[A-Za-z0-9_-]{43}$/);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/api/auth', 'SameSite=Strict', 'Secure']);
  });

  it('is stored only as a SHA-256 hash', async () => {
    const u = await newUser();
    const { cookie, token } = await login(u.username);
    const value = cookie.split('=')[1]!;
    const rows = await t.database.db
      .selectFrom('refreshTokens')
      .select('tokenHash')
      .where('sessionId', '=', (await sessionRow(token)).id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(value);
  });

  it('records the session with its client and an absolute expiry of SESSION_TTL_HOURS', async () => {
    const u = await newUser();
    const res = await t
      .request()
      .post('/api/auth/login')
      .set('User-Agent', 'jest-agent/1.0')
      .send({ username: u.username, password: TEST_PASSWORD })
      .expect(200);
    const s = await sessionRow(res.body.token);
    expect(s).toMatchObject({ userId: u.id, userAgent: 'jest-agent/1.0', revokedAt: null });
    expect(s.clientIp).toEqual(expect.any(String));
    const hours = (s.expiresAt.getTime() - s.createdAt.getTime()) / 3600_000;
    expect(hours).toBeCloseTo(12, 1);
  });
});

describe('refresh', () => {
  it('rotates the cookie and returns a new access token for the same session', async () => {
    const u = await newUser();
    const first = await login(u.username);
    const res = await refresh(first.cookie).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ token: expect.any(String), user: { username: u.username } });
    const next = refreshCookie(res.headers['set-cookie']);
    expect(next.cookie).not.toBe(first.cookie);
    expect((jwt.decode(res.body.token) as { sid: string }).sid).toBe(
      (jwt.decode(first.token) as { sid: string }).sid,
    );
    await me(res.body.token).expect(200);
    // And again with the new cookie.
    await refresh(next.cookie).expect(200);
  });

  it('refuses a missing or unknown cookie with 401', async () => {
    await refresh().expect(401);
    const res = await refresh('ar_refresh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(String(res.headers['set-cookie'])).toMatch(/ar_refresh=;.*Max-Age=0/);
  });

  it('of a used token revokes the whole session: every token of the family stops working', async () => {
    const u = await newUser();
    const first = await login(u.username);
    const rotated = await refresh(first.cookie).expect(200);
    const second = refreshCookie(rotated.headers['set-cookie']);
    await me(first.token).expect(200);

    events.length = 0;
    const reuse = await refresh(first.cookie).expect(401);
    expect(String(reuse.headers['set-cookie'])).toMatch(/ar_refresh=;/);
    await me(first.token).expect(401);
    await me(rotated.body.token).expect(401);
    await refresh(second.cookie).expect(401);

    const s = await sessionRow(first.token);
    expect(s.revokedReason).toBe('refresh_token_reuse');
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'refresh_token_reuse', userId: u.id, sessionId: s.id }),
    );
  });

  it('works after the access token expired, and not after the session expired', async () => {
    const u = await newUser();
    const first = await login(u.username);
    t.clock.advance(16 * 60_000);
    const expired = await me(first.token).expect(401);
    expect(expired.body.detail).toMatch(/expired/);
    const res = await refresh(first.cookie).expect(200);
    await me(res.body.token).expect(200);
    const next = refreshCookie(res.headers['set-cookie']);
    t.clock.advance(12 * 3600_000);
    await refresh(next.cookie).expect(401);
  });
});

describe('authentication checks the session on every request', () => {
  it('an access token stops working as soon as its session is revoked', async () => {
    const u = await newUser();
    const a = await login(u.username);
    const b = await login(u.username);
    await me(a.token).expect(200);
    expect(await revokeUserSessions(t.database.db, u.id, 'revoked_by_administrator')).toBe(2);
    const res = await me(a.token).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    await me(b.token).expect(401);
  });

  it('an access token stops working when the user is deactivated', async () => {
    const u = await newUser();
    const a = await login(u.username);
    await t.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', u.id)
      .execute();
    await me(a.token).expect(401);
    await refresh(a.cookie).expect(401);
  });
});

describe('sign-out', () => {
  it('logout ends the session of the bearer token and clears the cookie', async () => {
    const u = await newUser();
    const a = await login(u.username);
    const other = await login(u.username);
    const res = await t
      .request()
      .post('/api/auth/logout')
      .auth(a.token, { type: 'bearer' })
      .set('Cookie', a.cookie)
      .expect(204);
    expect(String(res.headers['set-cookie'])).toMatch(
      /^ar_refresh=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=\/api\/auth; HttpOnly; Secure; SameSite=Strict$/,
    );
    await me(a.token).expect(401);
    await refresh(a.cookie).expect(401);
    expect((await sessionRow(a.token)).revokedReason).toBe('logout');
    // Other sessions of the user go on.
    await me(other.token).expect(200);
  });

  it('logout with only the cookie (the access token expired) ends that session', async () => {
    const u = await newUser();
    const a = await login(u.username);
    await t.request().post('/api/auth/logout').set('Cookie', a.cookie).expect(204);
    await me(a.token).expect(401);
  });

  it('logout without anything is a harmless 204', async () => {
    await t.request().post('/api/auth/logout').expect(204);
    await t.request().post('/api/auth/logout').auth('garbage', { type: 'bearer' }).expect(204);
  });

  it('logout-all ends every session of the user and no one else’s', async () => {
    const u = await newUser();
    const sessions = [await login(u.username), await login(u.username), await login(u.username)];
    const bystander = await t.signIn('analyst');
    const res = await t
      .request()
      .post('/api/auth/logout-all')
      .auth(sessions[0]!.token, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual({ revoked: 3 });
    for (const s of sessions) {
      await me(s.token).expect(401);
      await refresh(s.cookie).expect(401);
    }
    await me(bystander.token).expect(200);
  });
});

describe('change-password', () => {
  const change = (token: string, body: object) =>
    t.request().post('/api/auth/change-password').auth(token, { type: 'bearer' }).send(body);

  it('checks the current password', async () => {
    const u = await newUser();
    const a = await login(u.username);
    const res = await change(a.token, {
      currentPassword: 'not-the-password',
      newPassword: 'Jauna-gara-parole-2026',
    }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'body.currentPassword', code: 'wrong_password', message: 'is not correct' },
    ]);
  });

  it.each([
    ['short', 'Īsa-123', 'too_short'],
    ['common', 'qwerty123456', 'common_password'],
    ['containing the user name', 'XX-{USERNAME}-2026', 'contains_username'],
  ])('enforces the policy: %s', async (_what, password, code) => {
    const u = await newUser();
    const a = await login(u.username);
    const res = await change(a.token, {
      currentPassword: TEST_PASSWORD,
      newPassword: password.replace('{USERNAME}', u.username.toUpperCase()),
    }).expect(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ path: 'body.newPassword', code }),
    );
    // Nothing changed.
    await login(u.username);
  });

  it('re-hashes, ends every other session and keeps this one', async () => {
    const u = await newUser();
    const here = await login(u.username);
    const elsewhere = await login(u.username);
    const newPassword = 'Jauna-gara-parole-2026';
    await change(here.token, { currentPassword: TEST_PASSWORD, newPassword }).expect(204);

    await me(here.token).expect(200);
    await refresh(here.cookie).expect(200);
    await me(elsewhere.token).expect(401);
    await refresh(elsewhere.cookie).expect(401);
    expect((await sessionRow(elsewhere.token)).revokedReason).toBe('password_changed');

    await t
      .request()
      .post('/api/auth/login')
      .send({ username: u.username, password: TEST_PASSWORD })
      .expect(401);
    await login(u.username, newPassword);
    const row = await t.database.db
      .selectFrom('users')
      .select(['passwordChangedAt', 'passwordHash'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(events.map((e) => JSON.stringify(e)).join('\n')).not.toContain(newPassword);
  });
});
