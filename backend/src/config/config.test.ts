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

  it('never echoes a secret or a URL that may carry a password', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://user:hunter2@x' })).toThrow(/^(?!.*hunter2)/);
  });
});
