import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '@adoption/migrations';

// The built entry points as an operator runs them (npm test builds backend/dist first).
const dist = join(__dirname, '..', '..', 'dist');
const built = existsSync(join(dist, 'main.js'));
if (!built && process.env.CI === 'true')
  throw new Error('backend/dist is missing: run npm run build');

const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(dist, script), ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

(built ? describe : describe.skip)('processes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adoption-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT .*\(got "abc"\)\n$/],
    [{ APP_ENV: 'prod' }, /^Configuration error: JWT_SECRET is required when APP_ENV=prod\n$/],
    [
      { DATABASE_URL: 'mysql://localhost/x' },
      /^Configuration error: DATABASE_URL must be a URL starting with postgres:/,
    ],
  ])('the API refuses %j with one line naming the variable', (env, line) => {
    const res = run('main.js', [], env);
    expect(res.status).toBe(78);
    expect(res.stderr).toMatch(line);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stdout).toBe('');
  });

  it('npm run migrate -- status|latest|down works on the same configuration', () => {
    const env = { PGLITE_DIR: join(dir, 'pglite') };
    const before = run('cli/migrate.js', ['status'], env);
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(/^pending {2}0001-classifiers$/m);

    const latest = run('cli/migrate.js', ['latest'], env);
    expect(latest.status).toBe(0);
    expect(latest.stdout).toMatch(/^applied {2}0001-classifiers$/m);
    expect(run('cli/migrate.js', ['latest'], env).stdout).toBe('Nothing to do.\n');

    const [newest, previous] = Object.keys(migrations).reverse();
    const down = run('cli/migrate.js', ['down'], env);
    expect(down.stdout).toBe(`reverted  ${newest}\n`);
    const status = run('cli/migrate.js', ['status'], env).stdout;
    expect(status).toMatch(new RegExp(`^applied .* {2}${previous}$`, 'm'));
    expect(status).toMatch(new RegExp(`^pending {2}${newest}$`, 'm'));
  });

  it('the migrate CLI explains its usage', () => {
    const res = run('cli/migrate.js', ['sideways'], {});
    expect(res.status).toBe(64);
    expect(res.stderr).toBe('Usage: npm run migrate -- latest|up|down|status\n');
  });
});
