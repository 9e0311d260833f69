import jwt from 'jsonwebtoken';
import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { newTotpSecret, totpCode } from '../mfa/totp';
import { replaceRecoveryCodes } from '../mfa/service';

const { t, events, newUser, alignToStep } = authTestFile('mfa-user');

const STEP = 30_000;
/** The stored form of an encrypted secret (db/secret-box.ts). */
const SEALED = /^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/;

const login = (username: string) =>
  t.request().post('/api/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
const verify = (body: object) => t.request().post('/api/auth/mfa/verify').send(body);
const setCookie = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('ar_refresh='));
const sessionCount = async (userId: number) =>
  Number(
    (
      await t.database.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const userRow = (id: number) =>
  t.database.db
    .selectFrom('users')
    .select(['failedLogins', 'lockedAt', 'totpSecret', 'totpPendingSecret', 'mfaEnabledAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('sign-in with a second factor', () => {
  it('the password alone answers mfaRequired: no token, no cookie, no session', async () => {
    const u = await newUser('administrator', newTotpSecret());
    const res = await login(u.username);
    expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(setCookie(res)).toBeUndefined();
    expect(await sessionCount(u.id)).toBe(0);
    // The MFA token is not an access token.
    await t.request().get('/api/auth/me').auth(res.body.mfaToken, { type: 'bearer' }).expect(401);
  });

  it('a correct code signs in once; the same code again is refused', async () => {
    const secret = newTotpSecret();
    const u = await newUser('head_of_department', secret);
    const at = alignToStep();
    const code = totpCode(secret, at);
    const first = await login(u.username);
    const ok = await verify({ mfaToken: first.body.mfaToken, code }).expect(200);
    expect(ok.body.user).toMatchObject({ username: u.username, role: 'head_of_department' });
    expect(setCookie(ok)).toBeDefined();
    await t.request().get('/api/auth/me').auth(ok.body.token, { type: 'bearer' }).expect(200);
    expect(events).toContainEqual(expect.objectContaining({ event: 'login', userId: u.id }));

    const second = await login(u.username);
    const replay = await verify({ mfaToken: second.body.mfaToken, code }).expect(401);
    expect(setCookie(replay)).toBeUndefined();
    expect(await sessionCount(u.id)).toBe(1);
  });

  it('accepts a code one step early or late, not two', async () => {
    const secret = newTotpSecret();
    const u = await newUser('adoption_specialist', secret);
    const at = alignToStep();
    for (const offset of [-2, 2]) {
      const { body } = await login(u.username);
      await verify({ mfaToken: body.mfaToken, code: totpCode(secret, at + offset * STEP) }).expect(
        401,
      );
    }
    // Oldest first: a step older than the last one used is a replay.
    for (const offset of [-1, 1]) {
      const { body } = await login(u.username);
      await verify({ mfaToken: body.mfaToken, code: totpCode(secret, at + offset * STEP) }).expect(
        200,
      );
    }
  });

  it('a recovery code signs in once', async () => {
    const u = await newUser('administrator', newTotpSecret());
    const [code] = await replaceRecoveryCodes(t.database.db, u.id);
    const first = await login(u.username);
    await verify({ mfaToken: first.body.mfaToken, recoveryCode: code }).expect(200);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'recovery_code_used', userId: u.id }),
    );
    const second = await login(u.username);
    await verify({ mfaToken: second.body.mfaToken, recoveryCode: code }).expect(401);
  });

  it('wants exactly one of code and recoveryCode, a code of 6 digits', async () => {
    const u = await newUser('administrator', newTotpSecret());
    const { body } = await login(u.username);
    await verify({ mfaToken: body.mfaToken }).expect(400);
    await verify({ mfaToken: body.mfaToken, code: '123456', recoveryCode: 'x' }).expect(400);
    await verify({ mfaToken: body.mfaToken, code: '12345a' }).expect(400);
  });

  it('wrong codes count as failed sign-ins and lock the account', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator', secret);
    const at = alignToStep();
    const wrong = totpCode(secret, at + 10 * STEP);
    events.length = 0;
    for (let i = 1; i <= 10; i++) {
      // Past any delay of the growing schedule (at most 16 s before the 10th).
      t.clock.advance(20_000);
      const { body } = await login(u.username);
      const res = await verify({ mfaToken: body.mfaToken, code: wrong }).expect(401);
      if (i === 1) expect(res.body.detail).toMatch(/Wrong code/);
      expect((await userRow(u.id)).failedLogins).toBe(i);
    }
    expect((await userRow(u.id)).lockedAt).not.toBeNull();
    expect(events.filter((e) => e.event === 'mfa_failed')).toHaveLength(10);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'account_locked', userId: u.id }),
    );
    // Locked: the password is no longer enough to reach the second step.
    await t
      .request()
      .post('/api/auth/login')
      .send({ username: u.username, password: TEST_PASSWORD })
      .expect(401);
  });

  it('a signed-in user starts again from zero failures', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator', secret);
    const at = alignToStep();
    const { body } = await login(u.username);
    await verify({ mfaToken: body.mfaToken, code: totpCode(secret, at + 5 * STEP) }).expect(401);
    expect((await userRow(u.id)).failedLogins).toBe(1);
    await verify({ mfaToken: body.mfaToken, code: totpCode(secret, at) }).expect(200);
    expect((await userRow(u.id)).failedLogins).toBe(0);
  });

  it('refuses an expired, forged or wrong-audience MFA token', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator', secret);
    const at = alignToStep();
    const { body } = await login(u.username);
    t.clock.advance(5 * 60_000 + 1000);
    const expired = await verify({
      mfaToken: body.mfaToken,
      code: totpCode(secret, t.clock.now().getTime()),
    }).expect(401);
    expect(expired.body.detail).toMatch(/Sign in again/);

    const forged = jwt.sign({ sub: String(u.id) }, 'another-secret-another-secret-1234567', {
      algorithm: 'HS256',
      keyid: 'k1',
      expiresIn: 300,
      issuer: 'adoption-register',
      audience: 'adoption-register-mfa',
    });
    await verify({ mfaToken: forged, code: totpCode(secret, at) }).expect(401);
    // An access token is not an MFA token.
    const analyst = await t.token('analyst');
    await verify({ mfaToken: analyst, code: totpCode(secret, at) }).expect(401);
    await t.request().post('/api/auth/mfa/enrol').send({ mfaToken: 'x.y.z' }).expect(401);
    expect(await sessionCount(u.id)).toBe(0);
  });

  it('a role that needs no second factor signs in with the password', async () => {
    const u = await newUser('analyst');
    const res = await login(u.username);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('mfaRequired');
    expect(setCookie(res)).toBeDefined();
  });
});

describe('enrolment', () => {
  it('a role that needs a second factor enrols with a QR code, then needs a code', async () => {
    const u = await newUser('adoption_specialist');
    const first = await login(u.username);
    expect(first.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });
    expect(setCookie(first)).toBeUndefined();
    // Without enrolment there is nothing to verify.
    await verify({ mfaToken: first.body.mfaToken, code: '000000' }).expect(401);

    const enrol = await t
      .request()
      .post('/api/auth/mfa/enrol')
      .send({ mfaToken: first.body.mfaToken })
      .expect(200);
    expect(enrol.body.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.body.uri).toContain(`secret=${enrol.body.secret}`);
    const pending = await userRow(u.id);
    expect(pending.mfaEnabledAt).toBeNull();
    // Encrypted at rest from the start: the pending secret is not in the column either.
    expect(pending.totpPendingSecret).toMatch(SEALED);
    expect(pending.totpPendingSecret).not.toContain(enrol.body.secret);

    const at = alignToStep();
    await t
      .request()
      .post('/api/auth/mfa/enrol/confirm')
      .send({ mfaToken: first.body.mfaToken, code: totpCode(enrol.body.secret, at + 5 * STEP) })
      .expect(401);
    const confirmed = await t
      .request()
      .post('/api/auth/mfa/enrol/confirm')
      .send({ mfaToken: first.body.mfaToken, code: totpCode(enrol.body.secret, at) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(setCookie(confirmed)).toBeDefined();
    await t
      .request()
      .get('/api/auth/me')
      .auth(confirmed.body.token, { type: 'bearer' })
      .expect(200);
    // The column holds the sealed secret, never the base32 one the app was given.
    const stored = await userRow(u.id);
    expect(stored.totpPendingSecret).toBeNull();
    expect(stored.totpSecret).toMatch(SEALED);
    expect(stored.totpSecret).not.toContain(enrol.body.secret);
    expect(t.secrets.open(stored.totpSecret!)).toBe(enrol.body.secret);

    // Set up once: enrolling again is refused, and the next sign-in asks for a code.
    await t
      .request()
      .post('/api/auth/mfa/enrol')
      .send({ mfaToken: first.body.mfaToken })
      .expect(409);
    const next = await login(u.username);
    expect(next.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    // A code from the app signs in (decrypted on the server), and so does a recovery code.
    const code = totpCode(enrol.body.secret, at + STEP);
    await verify({ mfaToken: next.body.mfaToken, code }).expect(200);
    const third = await login(u.username);
    await verify({
      mfaToken: third.body.mfaToken,
      recoveryCode: confirmed.body.recoveryCodes[3],
    }).expect(200);
  });

  it('a secret stored in plain form before encryption still works and is then stored sealed', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator');
    await t.database.db
      .updateTable('users')
      .set({ totpSecret: secret, mfaEnabledAt: t.clock.now() })
      .where('id', '=', u.id)
      .execute();
    const at = alignToStep();
    const first = await login(u.username);
    await verify({ mfaToken: first.body.mfaToken, code: totpCode(secret, at) }).expect(200);
    const { totpSecret } = await userRow(u.id);
    expect(totpSecret).toMatch(SEALED);
    expect(t.secrets.open(totpSecret!)).toBe(secret);
    const next = await login(u.username);
    await verify({ mfaToken: next.body.mfaToken, code: totpCode(secret, at + STEP) }).expect(200);
  });
});

describe('an administrator resets the second factor', () => {
  it('ends the sessions; the user enrols again', async () => {
    const secret = newTotpSecret();
    const u = await newUser('head_of_department', secret);
    const at = alignToStep();
    const first = await login(u.username);
    const session = await verify({ mfaToken: first.body.mfaToken, code: totpCode(secret, at) });
    expect(session.status).toBe(200);

    const admin = await t.token('administrator');
    // The user list shows who has a second factor.
    const listed = async () => {
      const page = await t
        .request()
        .get('/api/users')
        .query({ range: '[0,999]' })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      return (page.body as { id: number; mfaEnabled: boolean }[]).find((r) => r.id === u.id);
    };
    expect(await listed()).toMatchObject({ mfaEnabled: true });
    const res = await t
      .request()
      .post(`/api/users/${u.id}/reset-mfa`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(res.body).toMatchObject({ id: u.id, username: u.username, mfaEnabled: false });
    expect(await listed()).toMatchObject({ mfaEnabled: false });
    expect(JSON.stringify(res.body)).not.toContain(secret);
    await t.request().get('/api/auth/me').auth(session.body.token, { type: 'bearer' }).expect(401);
    expect(await userRow(u.id)).toMatchObject({ totpSecret: null, mfaEnabledAt: null });
    const again = await login(u.username);
    expect(again.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });

    await t
      .request()
      .post('/api/users/999999/reset-mfa')
      .auth(admin, { type: 'bearer' })
      .expect(404);
  });

  it('is for administrators only', async () => {
    const u = await newUser('head_of_department', newTotpSecret());
    for (const role of ['adoption_specialist', 'analyst'] as const) {
      await t
        .request()
        .post(`/api/users/${u.id}/reset-mfa`)
        .auth(await t.token(role), { type: 'bearer' })
        .expect(403);
    }
    expect((await userRow(u.id)).mfaEnabledAt).not.toBeNull();
  });
});
