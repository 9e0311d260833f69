import { capturedLog } from './captured-log';
import { createTestApp, testPasswordHash, type TestApp } from './test-app';
import { insertUser } from '../users/repository';
import type { Role } from '../policies/roles';

const TOTP_STEP = 30_000;

/**
 * The set-up of a sign-in test file: one test app whose log is captured (`events`), and
 * `newUser` for users of the test alone, so that locking, revoking or resetting one touches
 * nobody else. Call it at the top level of the file; `t` is ready from `beforeAll` on.
 */
export function authTestFile(prefix: string, env: Record<string, string> = {}) {
  const { logger, events } = capturedLog();
  // Filled in by beforeAll, so that test files can keep writing `t.request()`.
  const t = {} as TestApp;
  beforeAll(async () => void Object.assign(t, await createTestApp(env, { logger })));
  afterAll(() => t.close());

  let n = 0;
  /** A user with TEST_PASSWORD; with `secret`, its second factor is already set up. */
  async function newUser(role: Role = 'analyst', secret?: string) {
    const username = `${prefix}-${++n}`;
    const user = await insertUser(t.database.db, {
      username,
      displayName: `Testa Lietotājs ${n}`,
      role,
      passwordHash: await testPasswordHash(),
    });
    if (secret) {
      await t.database.db
        .updateTable('users')
        .set({ totpSecret: t.secrets.seal(secret), mfaEnabledAt: t.clock.now() })
        .where('id', '=', user.id)
        .execute();
    }
    return { id: user.id, username };
  }

  /** The test clock 1 s into a TOTP time step, so that "this step" cannot change while a test runs. */
  function alignToStep(): number {
    t.clock.advance(TOTP_STEP - (t.clock.now().getTime() % TOTP_STEP) + 1000);
    return t.clock.now().getTime();
  }

  return { t, events, newUser, alignToStep };
}
