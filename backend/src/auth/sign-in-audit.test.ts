import jwt from 'jsonwebtoken';
import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { newTotpSecret, totpCode } from '../mfa/totp';
import { replaceRecoveryCodes } from '../mfa/service';

// Sign-in events reach the audit trail (not only the log): each exactly once, with its actor, and
// never a password, code, token or secret in it.
const { t, newUser, alignToStep } = authTestFile('audit-user');

const STEP = 30_000;
const WRONG = 'Nepareiza-parole-1';

let mark = 0;
/** Starts a new observation: `since()` then gives only the events written after this call. */
async function observe() {
  const last = await t.database.db
    .selectFrom('auditEvents')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  mark = Number(last?.id ?? 0);
}
const since = () =>
  t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('id', '>', mark)
    .orderBy('id')
    .execute();
const actions = async () => (await since()).map((e) => e.action);

const login = (username: string, password = TEST_PASSWORD) =>
  t.request().post('/api/auth/login').send({ username, password });
const verify = (body: object) => t.request().post('/api/auth/mfa/verify').send(body);
const sid = (token: string) => (jwt.decode(token) as { sid: string }).sid;
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('ar_refresh='))!
    .split(';')[0]!;

/** Asserts that nothing of `secrets` appears anywhere in the events. */
async function expectNoneOf(...secrets: string[]) {
  const text = JSON.stringify(await since());
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('password sign-in', () => {
  it('a success: one login event for the new session, the user as actor', async () => {
    const u = await newUser('analyst');
    await observe();
    const res = await login(u.username).expect(200);
    const [event, ...rest] = await since();
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      action: 'login',
      resource: 'sessions',
      recordId: sid(res.body.token),
      sessionId: sid(res.body.token),
      actorUserId: u.id,
      actorUsername: u.username,
      actorRole: 'analyst',
    });
    await expectNoneOf(TEST_PASSWORD, res.body.token, cookieOf(res).split('=')[1]!);
  });

  it('a wrong password: one login_failed with the account, committed despite the 401', async () => {
    const u = await newUser('analyst');
    await observe();
    await login(u.username, WRONG).expect(401);
    const events = await since();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'login_failed',
      resource: 'sessions',
      actorUserId: u.id,
      actorUsername: u.username,
      actorRole: 'analyst',
      sessionId: null,
      detail: { reason: 'wrong_password', failedLogins: 1 },
    });
    await expectNoneOf(WRONG);
  });

  it('an unknown user name: one login_failed that records no name at all', async () => {
    // People type a personal code or a password into the wrong field.
    const typed = '010203-12345';
    await observe();
    await login(typed, WRONG).expect(401);
    const events = await since();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'login_failed',
      actorUserId: null,
      actorUsername: null,
      actorRole: null,
      recordId: null,
      changes: null,
      detail: { reason: 'unknown_user' },
    });
    await expectNoneOf(typed, '12345', WRONG);
  });

  it('the lockout: login_failed and account_locked once, then login_failed "locked"', async () => {
    const u = await newUser('analyst');
    await t.database.db
      .updateTable('users')
      .set({ failedLogins: 9, lastFailedLoginAt: new Date(0) })
      .where('id', '=', u.id)
      .execute();
    await observe();
    await login(u.username, WRONG).expect(401);
    expect(await actions()).toEqual(['login_failed', 'account_locked']);
    expect((await since())[1]).toMatchObject({
      resource: 'users',
      recordId: String(u.id),
      actorUserId: u.id,
      detail: { failedLogins: 10 },
    });
    await observe();
    await login(u.username).expect(401);
    expect(await since()).toEqual([
      expect.objectContaining({ action: 'login_failed', detail: { reason: 'locked' } }),
    ]);
  });
});

describe('the second factor', () => {
  it('a wrong code: one mfa_failed with the account, without the code', async () => {
    const secret = newTotpSecret();
    const u = await newUser('administrator', secret);
    const at = alignToStep();
    const { body } = await login(u.username).expect(200);
    await observe();
    const wrong = totpCode(secret, at + 10 * STEP);
    await verify({ mfaToken: body.mfaToken, code: wrong }).expect(401);
    expect(await since()).toEqual([
      expect.objectContaining({
        action: 'mfa_failed',
        actorUserId: u.id,
        actorUsername: u.username,
        detail: { reason: 'wrong_code', failedLogins: 1 },
      }),
    ]);
    await expectNoneOf(wrong, secret, body.mfaToken);
  });

  it('a recovery code: recovery_code_used and login, without the code', async () => {
    const u = await newUser('administrator', newTotpSecret());
    const [code] = await replaceRecoveryCodes(t.database.db, u.id);
    const { body } = await login(u.username).expect(200);
    await observe();
    await verify({ mfaToken: body.mfaToken, recoveryCode: code }).expect(200);
    expect(await actions()).toEqual(['recovery_code_used', 'login']);
    expect((await since())[0]).toMatchObject({ resource: 'users', recordId: String(u.id) });
    await expectNoneOf(code!);
  });

  it('enrolment: mfa_enrolled and login, without the secret or the recovery codes', async () => {
    const u = await newUser('adoption_specialist');
    const { body } = await login(u.username).expect(200);
    const enrol = await t
      .request()
      .post('/api/auth/mfa/enrol')
      .send({ mfaToken: body.mfaToken })
      .expect(200);
    await observe();
    const confirmed = await t
      .request()
      .post('/api/auth/mfa/enrol/confirm')
      .send({ mfaToken: body.mfaToken, code: totpCode(enrol.body.secret, t.clock.now().getTime()) })
      .expect(200);
    expect(await actions()).toEqual(['mfa_enrolled', 'login']);
    expect((await since())[0]).toMatchObject({
      resource: 'users',
      recordId: String(u.id),
      actorUserId: u.id,
    });
    await expectNoneOf(enrol.body.secret, ...confirmed.body.recoveryCodes);
  });
});

describe('sessions', () => {
  it('sign-out: one logout for the session, by bearer token or by cookie alone', async () => {
    const u = await newUser('analyst');
    const a = await login(u.username).expect(200);
    await observe();
    await t.request().post('/api/auth/logout').auth(a.body.token, { type: 'bearer' }).expect(204);
    expect(await since()).toEqual([
      expect.objectContaining({
        action: 'logout',
        resource: 'sessions',
        recordId: sid(a.body.token),
        sessionId: sid(a.body.token),
        actorUserId: u.id,
        actorUsername: u.username,
      }),
    ]);

    const b = await login(u.username).expect(200);
    await observe();
    await t.request().post('/api/auth/logout').set('Cookie', cookieOf(b)).expect(204);
    expect(await since()).toEqual([
      expect.objectContaining({ action: 'logout', recordId: sid(b.body.token), actorUserId: u.id }),
    ]);
    // Nothing left to end: nothing to record.
    await observe();
    await t.request().post('/api/auth/logout').set('Cookie', cookieOf(b)).expect(204);
    expect(await since()).toEqual([]);
  });

  it('sign-out everywhere: one logout_all with the number of sessions', async () => {
    const u = await newUser('analyst');
    await login(u.username).expect(200);
    const a = await login(u.username).expect(200);
    await observe();
    await t
      .request()
      .post('/api/auth/logout-all')
      .auth(a.body.token, { type: 'bearer' })
      .expect(200);
    expect(await since()).toEqual([
      expect.objectContaining({
        action: 'logout_all',
        recordId: sid(a.body.token),
        actorUserId: u.id,
        detail: { revoked: 2 },
      }),
    ]);
  });

  it('a refresh is not audited; a reused refresh token is, once per detection', async () => {
    const u = await newUser('analyst');
    const a = await login(u.username).expect(200);
    await observe();
    await t.request().post('/api/auth/refresh').set('Cookie', cookieOf(a)).expect(200);
    expect(await since()).toEqual([]);
    await t.request().post('/api/auth/refresh').set('Cookie', cookieOf(a)).expect(401);
    expect(await since()).toEqual([
      expect.objectContaining({
        action: 'session_reuse_detected',
        resource: 'sessions',
        recordId: sid(a.body.token),
        actorUserId: u.id,
      }),
    ]);
    await expectNoneOf(cookieOf(a).split('=')[1]!);
  });

  it('a password change: one password_changed, masked', async () => {
    const u = await newUser('analyst');
    const a = await login(u.username).expect(200);
    const newPassword = 'Jauna-gara-parole-2026';
    await observe();
    await t
      .request()
      .post('/api/auth/change-password')
      .auth(a.body.token, { type: 'bearer' })
      .send({ currentPassword: TEST_PASSWORD, newPassword })
      .expect(204);
    expect(await since()).toEqual([
      expect.objectContaining({
        action: 'password_changed',
        resource: 'users',
        recordId: String(u.id),
        actorUserId: u.id,
        sessionId: sid(a.body.token),
        changes: { password: { old: '***', new: '***' } },
      }),
    ]);
    await expectNoneOf(TEST_PASSWORD, newPassword);
  });
});

describe('the chain', () => {
  it('still verifies after all of these events', async () => {
    const res = await t
      .request()
      .get('/api/audit-events/verify')
      .auth(await t.token('auditor'), { type: 'bearer' })
      .expect(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.checked).toBeGreaterThan(20);
  });
});
