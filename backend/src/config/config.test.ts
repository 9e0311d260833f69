import { parseConfig } from './config';

describe('configuration from the environment', () => {
  it('has working defaults for the embedded development start', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.APP_ENV).toBe('dev');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PGLITE_DIR).toBe('./data/pglite');
    expect(c.LIST_MAX_PAGE).toBeGreaterThanOrEqual(1000);
    expect(c.BOOTSTRAP_ADMIN_USER).toBe('admin');
  });

  it('reads and converts values', () => {
    const c = parseConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      SERVE_CONSOLE: 'false',
    });
    expect(c.PORT).toBe(8080);
    expect(c.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(c.SERVE_CONSOLE).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT .*\(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT /],
    [{ APP_ENV: 'staging' }, /^Configuration error: APP_ENV /],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Configuration error: DATABASE_URL must be a URL starting with postgres:/,
    ],
    [{ AMQP_URL: 'not a url' }, /^Configuration error: AMQP_URL must be a URL/],
    [{ APP_ENV: 'prod' }, /^Configuration error: JWT_SECRET is required when APP_ENV=prod$/],
    [{ JWT_SECRET: 'short' }, /^Configuration error: JWT_SECRET must be at least 32 characters$/],
    [
      { APP_ENV: 'test', JWT_SECRET: 's'.repeat(32) },
      /^Configuration error: DATA_ENCRYPTION_KEY is required when APP_ENV=test$/,
    ],
    [
      { DATA_ENCRYPTION_KEY: 'hunter2-short' },
      /^Configuration error: DATA_ENCRYPTION_KEY must be at least 32 characters$/,
    ],
    [{ LIST_MAX_PAGE: '100' }, /^Configuration error: LIST_MAX_PAGE /],
    [{ BOOTSTRAP_ADMIN_USER: 'Admin User' }, /^Configuration error: BOOTSTRAP_ADMIN_USER /],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
    try {
      parseConfig(env);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('has sign-in defaults and reads rate limits as points/seconds or off', () => {
    const c = parseConfig({ RATE_LIMIT_LOGIN_IP: '20/60', RATE_LIMIT_REFRESH_IP: 'off' });
    expect(c).toMatchObject({
      SESSION_TTL_HOURS: 12,
      SESSION_CACHE_SECONDS: 5,
      LOGIN_FREE_ATTEMPTS: 5,
      LOGIN_DELAY_BASE_SECONDS: 1,
      LOCKOUT_THRESHOLD: 10,
      RATE_LIMIT_LOGIN_IP: { points: 20, seconds: 60 },
      RATE_LIMIT_LOGIN_USER: { points: 10, seconds: 60 },
      RATE_LIMIT_REFRESH_IP: undefined,
    });
    expect(() => parseConfig({ RATE_LIMIT_LOGIN_USER: '10' })).toThrow(
      /^Configuration error: RATE_LIMIT_LOGIN_USER must look like 10\/60/,
    );
    expect(() => parseConfig({ LOCKOUT_THRESHOLD: '5' })).toThrow(
      /^Configuration error: LOCKOUT_THRESHOLD must be greater than LOGIN_FREE_ATTEMPTS/,
    );
    expect(
      parseConfig({
        APP_ENV: 'prod',
        JWT_KEYS: `k1:${'s'.repeat(32)}`,
        DATA_ENCRYPTION_KEY: 'm'.repeat(32),
      }).JWT_KEY_ID,
    ).toBe('k1');
  });

  it('keeps attachments in the database up to 10 MiB unless told otherwise', () => {
    expect(parseConfig({})).toMatchObject({ ATTACHMENT_MAX_BYTES: 10 * 1024 * 1024 });
    expect(parseConfig({}).ATTACHMENTS_DIR).toBeUndefined();
    expect(
      parseConfig({ ATTACHMENT_MAX_BYTES: '2097152', ATTACHMENTS_DIR: '/srv/attachments' }),
    ).toMatchObject({ ATTACHMENT_MAX_BYTES: 2097152, ATTACHMENTS_DIR: '/srv/attachments' });
    expect(() => parseConfig({ ATTACHMENT_MAX_BYTES: '10mb' })).toThrow(
      /^Configuration error: ATTACHMENT_MAX_BYTES .*\(got "10mb"\)$/,
    );
    expect(() => parseConfig({ ATTACHMENT_MAX_BYTES: '0' })).toThrow(
      /^Configuration error: ATTACHMENT_MAX_BYTES /,
    );
  });

  it('never echoes a secret or a URL that may carry a password', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://user:hunter2@x' })).toThrow(/^(?!.*hunter2)/);
    expect(() => parseConfig({ JWT_KEYS: 'k1:hunter2' })).toThrow(/^(?!.*hunter2)/);
    expect(() => parseConfig({ DATA_ENCRYPTION_KEY: 'hunter2' })).toThrow(/^(?!.*hunter2)/);
  });
});
