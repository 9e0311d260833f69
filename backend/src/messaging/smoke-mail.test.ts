import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { createTestDatabase } from '../test-support/test-db';
import { renderMail } from './templates';
import { queueSmokeMail, waitForSmokeMail } from './smoke-mail';

// The deployment smoke test's mail (jenkins/smoke.mjs): queued through the outbox, followed until
// it has come far enough, and the CLI an operator (or the smoke script) runs on the host.

const mail = {
  recipient: 'smoke@register.invalid',
  environment: 'test' as const,
  version: '0.1.0+7.abc1234',
  reference: 'smoke-0123abcd',
};

describe('smoke-test mail', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.db, 'latest');
  });
  afterAll(() => database.close());

  const setStatus = (id: number, status: 'published' | 'sent' | 'dead_lettered') =>
    database.db.updateTable('outbox').set({ status }).where('id', '=', id).execute();

  it('is queued once per reference, with data the template renders', async () => {
    const id = await queueSmokeMail(database.db, mail);
    expect(await queueSmokeMail(database.db, mail)).toBe(id);
    const row = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ template: 'smoke-test', recipient: mail.recipient });
    expect(row.status).toBe('queued');
    const rendered = renderMail(row.template, row.language, row.data);
    expect(rendered.subject).toContain('test');
    expect(rendered.text).toContain(mail.reference);
    expect(rendered.text).toContain(mail.version);
  });

  it('waits until the mail has come as far as asked, and no longer than the timeout', async () => {
    const id = await queueSmokeMail(database.db, { ...mail, reference: 'smoke-wait' });
    expect(await waitForSmokeMail(database.db, id, 'queued', 0)).toMatchObject({
      status: 'queued',
      reached: true,
    });
    const started = Date.now();
    expect(await waitForSmokeMail(database.db, id, 'sent', 300, 50)).toMatchObject({
      status: 'queued',
      reached: false,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    const later = setTimeout(() => void setStatus(id, 'published'), 100);
    const published = await waitForSmokeMail(database.db, id, 'published', 10_000, 25);
    clearTimeout(later);
    expect(published).toMatchObject({ status: 'published', reached: true });
    await setStatus(id, 'sent');
    expect(await waitForSmokeMail(database.db, id, 'published', 0)).toMatchObject({
      status: 'sent',
      reached: true,
    });
  });

  it('stops waiting at once for a dead letter', async () => {
    const id = await queueSmokeMail(database.db, { ...mail, reference: 'smoke-dead' });
    await setStatus(id, 'dead_lettered');
    const started = Date.now();
    expect(await waitForSmokeMail(database.db, id, 'sent', 30_000)).toMatchObject({
      status: 'dead_lettered',
      reached: false,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

const cli = join(__dirname, '..', '..', 'dist', 'cli', 'test-mail.js');
const built = existsSync(cli);
if (!built && process.env.CI === 'true')
  throw new Error('backend/dist is missing: run npm run build');

(built ? describe : describe.skip)('test-mail CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adoption-test-mail-'));
    if (process.env.TEST_DB_MODE === 'postgresql') {
      const database = await createTestDatabase();
      await migrate(database.db, 'latest');
      env = { DATABASE_URL: database.url! };
      close = () => database.close();
    } else {
      env = { PGLITE_DIR: join(dir, 'pglite') };
      const database = await openDatabase({ pgliteDir: env.PGLITE_DIR });
      await migrate(database.db, 'latest');
      await database.close();
    }
  }, 120_000); // an on-disk PGlite migrates slowly on a loaded machine
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', APP_VERSION: '9.9.9', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('queues the mail and prints its outbox row', () => {
    const res = run('--to', 'ops@register.invalid', '--reference', 'smoke-cli-1');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      reference: 'smoke-cli-1',
      status: 'queued',
      reached: true,
    });
  });

  it('exits 1 when the mail does not get as far as asked in time (no worker runs here)', () => {
    const res = run('--to', 'ops@register.invalid', '--wait', 'sent', '--timeout', '1');
    expect(res.status).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'queued', reached: false });
  });

  it('refuses bad arguments with the usage line', () => {
    const res = run('--wait', 'delivered');
    expect(res.status).toBe(64);
    expect(res.stderr).toMatch(/^Usage: test-mail --to ADDRESS/);
  });
});
