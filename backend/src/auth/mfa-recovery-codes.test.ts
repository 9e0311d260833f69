import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { newTotpSecret, totpCode } from '../mfa/totp';
import { replaceRecoveryCodes } from '../mfa/service';

// POST /api/auth/mfa/recovery-codes: a signed-in user with a second factor renews the recovery
// codes, confirming with a current code from the app.
const { t, newUser, alignToStep } = authTestFile('codes-user');

const STEP = 30_000;

const verify = (body: object) => t.request().post('/api/auth/mfa/verify').send(body);
const mfaToken = async (username: string) =>
  (
    await t
      .request()
      .post('/api/auth/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200)
  ).body.mfaToken as string;
const renew = (token: string | undefined, body: object) => {
  const req = t.request().post('/api/auth/mfa/recovery-codes').send(body);
  return token ? req.auth(token, { type: 'bearer' }) : req;
};
const codeHashes = async (userId: number) =>
  (
    await t.database.db
      .selectFrom('recoveryCodes')
      .select('codeHash')
      .where('userId', '=', userId)
      .orderBy('codeHash')
      .execute()
  ).map((r) => r.codeHash);
const auditOf = (userId: number, action: string) =>
  t.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', action)
    .where('actorUserId', '=', userId)
    .execute();

/** A user with a second factor, signed in with the code of the step `at`; and its old codes. */
async function signedIn() {
  const secret = newTotpSecret();
  const u = await newUser('administrator', secret);
  const oldCodes = await replaceRecoveryCodes(t.database.db, u.id);
  const at = alignToStep();
  const res = await verify({ mfaToken: await mfaToken(u.username), code: totpCode(secret, at) });
  expect(res.status).toBe(200);
  return { u, secret, at, token: res.body.token as string, oldCodes };
}

describe('renewing the recovery codes', () => {
  it('a current code gives ten new codes; the old ones stop working; audited once', async () => {
    const { u, secret, at, token, oldCodes } = await signedIn();
    const res = await renew(token, { code: totpCode(secret, at + STEP) }).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const codes = res.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes.filter((c) => oldCodes.includes(c))).toEqual([]);

    await verify({ mfaToken: await mfaToken(u.username), recoveryCode: oldCodes[0] }).expect(401);
    await verify({ mfaToken: await mfaToken(u.username), recoveryCode: codes[0] }).expect(200);

    const events = await auditOf(u.id, 'mfa_recovery_codes_renewed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ resource: 'users', recordId: String(u.id) });
    const text = JSON.stringify(events);
    for (const c of [...codes, ...oldCodes, secret]) expect(text).not.toContain(c);
  });

  it('a wrong or already used code: 400, counted as a failed sign-in, nothing renewed', async () => {
    const { u, secret, at, token } = await signedIn();
    const before = await codeHashes(u.id);
    // The code of the step just used to sign in: each step works once.
    const reused = await renew(token, { code: totpCode(secret, at) }).expect(400);
    expect(reused.body.errors).toEqual([
      expect.objectContaining({ path: 'body.code', code: 'wrong_code' }),
    ]);
    await renew(token, { code: totpCode(secret, at + 10 * STEP) }).expect(400);
    expect(await codeHashes(u.id)).toEqual(before);
    const user = await t.database.db
      .selectFrom('users')
      .select('failedLogins')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(user.failedLogins).toBe(2);
    const failed = await auditOf(u.id, 'mfa_failed');
    expect(failed.map((e) => e.detail)).toEqual([
      { reason: 'wrong_code', purpose: 'renew_recovery_codes', failedLogins: 1 },
      { reason: 'wrong_code', purpose: 'renew_recovery_codes', failedLogins: 2 },
    ]);
    // The session goes on: a wrong code is not a reason to sign the user out.
    await t.request().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
  });

  it('needs a signed-in user who has a second factor, and a 6-digit code', async () => {
    await renew(undefined, { code: '123456' }).expect(401);
    const analyst = await t.token('analyst');
    await renew(analyst, { code: '123456' }).expect(409);
    const { token } = await signedIn();
    await renew(token, {}).expect(400);
    await renew(token, { code: '12345x' }).expect(400);
  });

  it('/api/auth/me tells the console whether the user has a second factor', async () => {
    const { token } = await signedIn();
    const me = await t.request().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body.mfaEnabled).toBe(true);
    const analyst = await t.token('analyst');
    const other = await t.request().get('/api/auth/me').auth(analyst, { type: 'bearer' });
    expect(other.body.mfaEnabled).toBe(false);
  });
});
