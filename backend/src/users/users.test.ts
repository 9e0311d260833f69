import { sql } from 'kysely';
import { createTestApp, TEST_DATA_ENCRYPTION_KEY, type TestApp } from '../test-support/test-app';
import { mailSecrets } from '../messaging/outbox';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token('administrator');
});
afterAll(() => t.close());

const post = (path: string, token: string, body?: object) =>
  t.request().post(path).auth(token, { type: 'bearer' }).send(body);
let seq = 0;
const newUser = (over: Record<string, unknown> = {}) => ({
  username: `lietotajs-${++seq}`,
  displayName: `Anna Bērziņa ${seq}`,
  email: `anna${seq}@example.lv`,
  role: 'adoption_specialist',
  ...over,
});

const testKeys = { APP_ENV: 'dev' as const, DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY };

/** The latest queued mail to a recipient and the one-time token in its link. */
async function lastMail(recipient: string) {
  const row = await t.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // The link travels sealed (outbox.sealed_data); the worker opens it to build the mail.
  const sealed = row?.sealedData ? JSON.parse(mailSecrets(testKeys).open(row.sealedData)) : {};
  const link = (sealed as { link?: string }).link ?? '';
  return { row, link, token: new URL(link.replace('#/', '')).searchParams.get('token') ?? '' };
}

const login = (username: string, password: string) =>
  t.request().post('/api/auth/login').send({ username, password });

describe('an administrator creates an account without a password', () => {
  it('queues a set-password e-mail with a one-time link stored only as a hash', async () => {
    const input = newUser({ preferredLanguage: 'en' });
    const res = await post('/api/users', admin, input).expect(201);
    expect(res.body).toMatchObject({
      username: input.username,
      role: 'adoption_specialist',
      active: true,
      version: 1,
      mfaEnabled: false,
    });
    // Of the second factor only whether it is set up; never the secret nor when.
    for (const secret of ['passwordHash', 'totpSecret', 'totpPendingSecret', 'mfaEnabledAt'])
      expect(res.body).not.toHaveProperty(secret);

    const { row, link, token } = await lastMail(input.email);
    expect(row).toMatchObject({
      template: 'set-password',
      language: 'en',
      status: 'queued',
      kind: 'mail',
    });
    expect(link).toMatch(/^http:\/\/localhost:3000\/#\/set-password\?token=/);
    // The token rests in the database neither in the mail's data nor readable in its sealed part.
    expect(JSON.stringify(row!.data)).not.toContain(token);
    expect(row!.sealedData).not.toContain(token);
    const stored = await t.database.db
      .selectFrom('oneTimeTokens')
      .selectAll()
      .where('userId', '=', res.body.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    const hoursValid = (stored[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(23.9);
    expect(hoursValid).toBeLessThanOrEqual(24);

    // No password yet: signing in fails like any wrong password.
    await login(input.username, 'jebkas-jebkas-123').expect(401);
  });

  it('the link sets a password that meets the policy, once', async () => {
    const input = newUser();
    await post('/api/users', admin, input).expect(201);
    const { token } = await lastMail(input.email);

    const weak = await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'password' })
      .expect(400);
    expect(weak.body.errors.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining(['too_short']),
    );
    const common = await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'password1234' })
      .expect(400);
    expect(common.body.errors.map((e: { code: string }) => e.code)).toContain('common_password');
    const named = await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: `X-${input.username}-2026` })
      .expect(400);
    expect(named.body.errors.map((e: { code: string }) => e.code)).toContain('contains_username');

    // The refusals did not use the link up.
    const check = await t
      .request()
      .post('/api/auth/set-password/check')
      .send({ token })
      .expect(200);
    expect(check.body).toEqual({ username: input.username, purpose: 'set_password' });
    await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'Rudens-lapas-krīt-2026' })
      .expect(204);
    await login(input.username, 'Rudens-lapas-krīt-2026').expect(200);
    await t.request().post('/api/auth/set-password/check').send({ token }).expect(400);

    const again = await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'Cita-garā-parole-99' })
      .expect(400);
    expect(again.body.errors[0]).toMatchObject({ path: 'body.token', code: 'invalid_link' });
  });

  it('an expired link is refused', async () => {
    const input = newUser();
    const created = await post('/api/users', admin, input).expect(201);
    const { token } = await lastMail(input.email);
    await sql`update one_time_tokens set expires_at = now() - interval '1 minute' where user_id = ${created.body.id}`.execute(
      t.database.db,
    );
    const res = await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'Rudens-lapas-krīt-2026' })
      .expect(400);
    expect(res.body.errors[0].code).toBe('invalid_link');
  });

  it('checks the scope a role needs and refuses one it must not have', async () => {
    const noScope = await post('/api/users', admin, newUser({ role: 'care_institution' })).expect(
      400,
    );
    expect(noScope.body.errors[0]).toMatchObject({ path: 'body.careProviderId' });
    const wrongScope = await post(
      '/api/users',
      admin,
      newUser({ role: 'analyst', orphanCourtId: 1 }),
    ).expect(400);
    expect(wrongScope.body.errors[0]).toMatchObject({ path: 'body.orphanCourtId' });
    const noEmail = await post('/api/users', admin, newUser({ email: null })).expect(400);
    expect(noEmail.body.errors[0].path).toBe('body.email');
    const duplicate = newUser();
    await post('/api/users', admin, duplicate).expect(201);
    await post('/api/users', admin, { ...duplicate, email: 'cits@example.lv' }).expect(409);
  });
});

describe('password reset', () => {
  it('answers the same whether the account exists or not, and mails only existing ones', async () => {
    const input = newUser();
    await post('/api/users', admin, input).expect(201);
    const before = await t.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const known = await t
      .request()
      .post('/api/auth/password-reset')
      .send({ username: input.username })
      .expect(202);
    const unknown = await t
      .request()
      .post('/api/auth/password-reset')
      .send({ username: 'nav-tada-lietotaja' })
      .expect(202);
    expect(known.body).toEqual(unknown.body);
    const after = await t.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(1);
    const { row } = await lastMail(input.email);
    expect(row?.template).toBe('reset-password');
  });

  it('a new link makes the older one useless', async () => {
    const input = newUser();
    const created = await post('/api/users', admin, input).expect(201);
    const first = await lastMail(input.email);
    await post(`/api/users/${created.body.id}/reset-password`, admin).expect(202);
    const second = await lastMail(input.email);
    expect(second.token).not.toBe(first.token);
    await t
      .request()
      .post('/api/auth/set-password')
      .send({ token: first.token, password: 'Rudens-lapas-krīt-2026' })
      .expect(400);
    await t
      .request()
      .post('/api/auth/set-password')
      .send({ token: second.token, password: 'Rudens-lapas-krīt-2026' })
      .expect(204);
  });
});

describe('account changes', () => {
  // An auditor: a role without a second factor, so the password alone opens a session.
  async function activeUser() {
    const input = newUser({ role: 'auditor' });
    const created = await post('/api/users', admin, input).expect(201);
    const { token } = await lastMail(input.email);
    await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'Rudens-lapas-krīt-2026' })
      .expect(204);
    const session = await login(input.username, 'Rudens-lapas-krīt-2026').expect(200);
    return { user: created.body, accessToken: session.body.token as string };
  }

  it('a role change ends the user’s sessions', async () => {
    const { user, accessToken } = await activeUser();
    await t.request().get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
    const updated = await t
      .request()
      .put(`/api/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...user, role: 'analyst' })
      .expect(200);
    expect(updated.body).toMatchObject({ role: 'analyst', version: 2 });
    await t.request().get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(401);
  });

  it('an administrator can end a user’s sessions', async () => {
    const { user, accessToken } = await activeUser();
    await post(`/api/users/${user.id}/revoke-sessions`, admin).expect(200);
    await t.request().get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(401);
  });

  it('refuses a stale version, a new username and deletion', async () => {
    const { user } = await activeUser();
    await t
      .request()
      .put(`/api/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...user, displayName: 'Jauns vārds' })
      .expect(200);
    const stale = await t
      .request()
      .put(`/api/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...user, displayName: 'Vēl cits' })
      .expect(409);
    expect(stale.body.current.displayName).toBe('Jauns vārds');
    const rename = await t
      .request()
      .put(`/api/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...stale.body.current, username: 'cits-vards' })
      .expect(400);
    expect(rename.body.errors[0]).toMatchObject({ path: 'body.username', code: 'read_only' });
    await t.request().delete(`/api/users/${user.id}`).auth(admin, { type: 'bearer' }).expect(409);
  });

  it('lists users with search and never shows secrets', async () => {
    const res = await t
      .request()
      .get('/api/users')
      .query({ filter: '{"q":"anna berzina"}', range: '[0,99]' })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.headers['content-range']).toMatch(/^users 0-\d+\/\d+$/);
    for (const u of res.body) {
      expect(u.displayName).toMatch(/Anna Bērziņa/);
      expect(Object.keys(u)).not.toEqual(expect.arrayContaining(['passwordHash']));
    }
  });

  it('is for administrators; heads of department may read', async () => {
    const head = await t.token('head_of_department');
    await t.request().get('/api/users').auth(head, { type: 'bearer' }).expect(200);
    await post('/api/users', head, newUser()).expect(403);
    const specialist = await t.token('adoption_specialist');
    await t.request().get('/api/users').auth(specialist, { type: 'bearer' }).expect(403);
  });
});

describe('the audit trail of accounts', () => {
  const events = (recordId: number) =>
    t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUsername', 'changes', 'detail'])
      .where('resource', '=', 'users')
      .where('recordId', '=', String(recordId))
      .orderBy('id')
      .execute();

  it('records every change of an account exactly once, with what changed', async () => {
    const input = newUser();
    const created = await post('/api/users', admin, input).expect(201);
    const id = created.body.id as number;
    const actions = async () => (await events(id)).map((e) => e.action).filter((a) => a !== 'read');

    expect(await actions()).toEqual(['create']);
    const [createEvent] = await events(id);
    expect(createEvent).toMatchObject({
      actorUsername: 'administrator',
      changes: { username: { new: input.username } },
    });

    await t
      .request()
      .put(`/api/users/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...created.body, displayName: 'Anna Kalniņa' })
      .expect(200);
    const update = (await events(id)).at(-1)!;
    expect(update.action).toBe('update');
    expect(update.changes).toMatchObject({
      displayName: { old: input.displayName, new: 'Anna Kalniņa' },
    });
    expect(update.changes).not.toHaveProperty('email');

    await post(`/api/users/${id}/reset-password`, admin).expect(202);
    await post(`/api/users/${id}/unlock`, admin).expect(200);
    await post(`/api/users/${id}/revoke-sessions`, admin).expect(200);
    const { token } = await lastMail(input.email);
    await t
      .request()
      .post('/api/auth/set-password')
      .send({ token, password: 'Rudens-lapas-krīt-2026' })
      .expect(204);

    expect(await actions()).toEqual([
      'create',
      'update',
      'send_reset_link',
      'unlock',
      'revoke_sessions',
      'set_password',
    ]);
    const setPassword = (await events(id)).at(-1)!;
    // The holder of the link is the actor; the password itself is never in the trail.
    expect(setPassword.actorUsername).toBe(input.username);
    expect(JSON.stringify(setPassword)).not.toContain('Rudens');

    // A refused change leaves nothing.
    await t
      .request()
      .put(`/api/users/${id}`)
      .auth(admin, { type: 'bearer' })
      .send({ ...created.body, displayName: 'Novecojusi' })
      .expect(409);
    expect((await actions()).length).toBe(6);
  });

  it('records who opened or listed accounts', async () => {
    const created = await post('/api/users', admin, newUser()).expect(201);
    const head = await t.token('head_of_department');
    await t
      .request()
      .get(`/api/users/${created.body.id}`)
      .auth(head, { type: 'bearer' })
      .expect(200);
    const read = (await events(created.body.id)).at(-1)!;
    expect(read).toMatchObject({ action: 'read', actorUsername: 'head-of-department' });

    const page = await t
      .request()
      .get('/api/users')
      .query({ range: '[0,4]' })
      .auth(head, { type: 'bearer' })
      .expect(200);
    const listed = await t.database.db
      .selectFrom('auditEvents')
      .select(['recordIds'])
      .where('action', '=', 'list')
      .where('resource', '=', 'users')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(listed.recordIds).toEqual(page.body.map((u: { id: number }) => String(u.id)));
  });

  it('the chain stays intact', async () => {
    const auditor = await t.token('auditor');
    const res = await t
      .request()
      .get('/api/audit-events/verify')
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(res.body.ok).toBe(true);
  });
});
