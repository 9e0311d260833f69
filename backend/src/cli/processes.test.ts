import { spawn, spawnSync } from 'node:child_process';
import { TcpProxy } from '../test-support/tcp-proxy';
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

  it('npm run worker answers health and metrics on its own port, and the probe reads them', async () => {
    const pglite = join(dir, 'worker-pglite');
    expect(run('cli/migrate.js', ['latest'], { PGLITE_DIR: pglite }).status).toBe(0);
    const port = String(await TcpProxy.freePort());
    const env = {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'silent',
      PGLITE_DIR: pglite,
      MAIL_DIR: join(dir, 'mail'),
      HOST: '127.0.0.1',
      WORKER_HEALTH_PORT: port,
      ...(process.env.AMQP_URL
        ? { AMQP_URL: process.env.AMQP_URL, AMQP_PREFIX: `processes-${port}` }
        : {}),
    };
    const worker = spawn(process.execPath, [join(dist, 'worker-main.js')], {
      env,
      stdio: 'ignore',
    });
    try {
      const probe = run('health/probe.js', ['--worker', '--wait', '30'], env);
      expect(probe.stdout).toBe('worker: HTTP 200\n');
      expect(probe.status).toBe(0);
      const ready = (await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json()) as {
        checks: Record<string, string>;
      };
      expect(ready.checks.database).toBe('ok (pglite)');
      if (process.env.AMQP_URL) expect(ready.checks.worker).toMatch(/^ok \(consuming/);
      else expect(ready.checks.delivery).toBe('ok (in-process)');
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const name of [
        'mail_messages_handled_total',
        'mail_messages_failed_total',
        'mail_messages_redelivered_total',
        'mail_seconds_since_last_delivery',
        'process_cpu_seconds_total',
      ])
        expect(metrics).toContain(`# TYPE ${name}`);
    } finally {
      const exited = new Promise((ok) => worker.once('exit', ok));
      worker.kill('SIGTERM');
      await exited;
    }
    expect(run('health/probe.js', ['--worker'], env).status).toBe(1);
  }, 90_000);
});
