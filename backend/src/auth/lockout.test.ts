import { authTestFile } from '../test-support/auth-test-file';
import { TEST_PASSWORD } from '../test-support/test-app';
import { clearLockout, requiredDelayMs } from './lockout';

const { t, events, newUser } = authTestFile('lock-user');

const attempt = (username: string, password: string) =>
  t.request().post('/api/auth/login').send({ username, password });
const WRONG = 'Nepareiza-parole-1';
const state = (id: number) =>
  t.database.db
    .selectFrom('users')
    .select(['failedLogins', 'lockedAt', 'lastFailedLoginAt', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('the delay schedule', () => {
  it('is free for 5 failures, then doubles from 1 s', () => {
    const policy = { freeAttempts: 5, baseDelaySeconds: 1, threshold: 10 };
    expect([0, 4, 5, 6, 7, 9].map((f) => requiredDelayMs(policy, f))).toEqual([
      0, 0, 1000, 2000, 4000, 16000,
    ]);
  });
});

describe('lockout', () => {
  it('5 free failures, a growing delay, then a lock that only clearLockout lifts', async () => {
    // Only `advance` moves time here: the delays are checked to the millisecond.
    t.clock.freeze();
    const u = await newUser();
    const { version } = await state(u.id);
    for (let i = 1; i <= 5; i++) await attempt(u.username, WRONG).expect(401);
    expect(await state(u.id)).toMatchObject({ failedLogins: 5, lockedAt: null });
    // Failed sign-ins do not make an administrator's open edit form of the user stale.
    expect((await state(u.id)).version).toBe(version);

    // Inside the 1 s delay even the right password fails, with the same answer, and is not counted.
    const early = await attempt(u.username, TEST_PASSWORD).expect(401);
    expect(early.body.detail).toBe('Wrong user name or password.');
    expect((await state(u.id)).failedLogins).toBe(5);

    // After 1 s: a wrong password counts (6); now 2 s are needed.
    t.clock.advance(1000);
    await attempt(u.username, WRONG).expect(401);
    expect((await state(u.id)).failedLogins).toBe(6);
    t.clock.advance(1500);
    await attempt(u.username, TEST_PASSWORD).expect(401);
    expect((await state(u.id)).failedLogins).toBe(6);

    // 7, 8, 9 after 2, 4, 8 s; the 10th failure (after 16 s) locks.
    for (const [wait, count] of [
      [600, 7],
      [4000, 8],
      [8000, 9],
    ] as const) {
      t.clock.advance(wait);
      await attempt(u.username, WRONG).expect(401);
      expect((await state(u.id)).failedLogins).toBe(count);
    }
    expect((await state(u.id)).lockedAt).toBeNull();
    events.length = 0;
    t.clock.advance(16_000);
    await attempt(u.username, WRONG).expect(401);
    const locked = await state(u.id);
    expect(locked.failedLogins).toBe(10);
    expect(locked.lockedAt).toBeInstanceOf(Date);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'account_locked', userId: u.id }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'login_failed', userId: u.id, reason: 'wrong_password' }),
    );

    // Locked: a day later the right password still gets the same 401.
    t.clock.advance(24 * 3600_000);
    const res = await attempt(u.username, TEST_PASSWORD).expect(401);
    expect(res.body.detail).toBe('Wrong user name or password.');

    // An administrator unlocks (or the user resets the password): sign-in works again.
    await clearLockout(t.database.db, u.id);
    await attempt(u.username, TEST_PASSWORD).expect(200);
    expect(await state(u.id)).toMatchObject({ failedLogins: 0, lockedAt: null });
    // The password never reaches the log.
    const log = events.map((e) => JSON.stringify(e)).join('\n');
    expect(log).not.toContain(TEST_PASSWORD);
    expect(log).not.toContain(WRONG);
  });

  it('a success resets the counter', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) await attempt(u.username, WRONG).expect(401);
    expect((await state(u.id)).failedLogins).toBe(4);
    await attempt(u.username, TEST_PASSWORD).expect(200);
    expect(await state(u.id)).toMatchObject({ failedLogins: 0, lastFailedLoginAt: null });
  });

  it('answers an unknown user, a wrong password, an inactive and a locked account alike', async () => {
    const wrong = await newUser();
    const inactive = await newUser();
    await t.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', inactive.id)
      .execute();
    const locked = await newUser();
    await t.database.db
      .updateTable('users')
      .set({ lockedAt: new Date(), failedLogins: 10 })
      .where('id', '=', locked.id)
      .execute();
    const answers = [
      await attempt('nav-tada-lietotaja', WRONG).expect(401),
      await attempt(wrong.username, WRONG).expect(401),
      await attempt(inactive.username, TEST_PASSWORD).expect(401),
      await attempt(locked.username, TEST_PASSWORD).expect(401),
    ].map((r) => ({ ...r.body, requestId: undefined, headers: r.headers['www-authenticate'] }));
    for (const a of answers) expect(a).toEqual(answers[0]);
  });
});

describe('timing', () => {
  it('an unknown user and a wrong password take the same order of time (one scrypt each)', async () => {
    const u = await newUser();
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await attempt(username, WRONG).expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time('nav-tada'); // warm the dummy hash
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time('nav-tada'));
      wrong.push(await time(u.username));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const ratio = median(unknown) / median(wrong);
    // A skipped scrypt would make one side several times faster; scheduling noise stays well inside.
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
