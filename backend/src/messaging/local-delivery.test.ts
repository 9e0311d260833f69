import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../config/config';
import { createTestApp, TEST_DATA_ENCRYPTION_KEY, type TestApp } from '../test-support/test-app';
import { SmtpSink } from '../test-support/smtp-sink';
import { eventually, eventuallyAsync } from '../test-support/tcp-proxy';
import { capturedLog } from '../test-support/captured-log';
import { enqueueMail, mailOpener, mailSecrets } from './outbox';
import { startMessaging, type Messaging } from './service';
import { sampleMailData } from './templates';

// Without AMQP_URL (the embedded default) mail goes out from the outbox in-process.

let t: TestApp;
let sink: SmtpSink;
const running: Messaging[] = [];
const keys = {
  APP_ENV: 'dev' as const,
  DATA_ENCRYPTION_KEY: 'local-delivery-key-local-delivery-key',
};

beforeAll(async () => {
  t = await createTestApp();
  sink = await SmtpSink.start();
});
afterEach(async () => {
  for (const m of running.splice(0)) await m.stop();
  sink.rule = () => undefined;
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

function configFor(over: Record<string, string> = {}): Config {
  return parseConfig({
    LOG_LEVEL: 'silent',
    SMTP_URL: sink.url,
    MAIL_RETRY_DELAYS: '0.2,0.4',
    MAIL_MAX_ATTEMPTS: '3',
    OUTBOX_POLL_MS: '50',
    ...keys,
    ...over,
  });
}

async function start(config: Config) {
  const messaging = await startMessaging({
    db: t.database.db,
    config,
    log: capturedLog('silent').logger,
    openSealed: mailOpener(config),
  });
  running.push(messaging);
  expect(messaging.mode).toBe('in-process');
  return messaging;
}

/** A set-password mail whose link travels sealed, as users/service.ts queues it. */
async function queue(recipient: string) {
  const { link, ...data } = sampleMailData['set-password'];
  await enqueueMail(
    t.database.db,
    {
      idempotencyKey: `local:${recipient}`,
      recipient,
      template: 'set-password',
      language: 'lv',
      data,
    },
    { values: { link }, sealer: mailSecrets(keys) },
  );
  return link;
}

const row = (recipient: string) =>
  t.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .executeTakeFirstOrThrow();

describe('in-process delivery (no broker)', () => {
  it('sends the mail with its sealed link, then forgets the link', async () => {
    await start(configFor());
    const link = await queue('local-ok@example.lv');
    await eventually(() => sink.to('local-ok@example.lv').length === 1);
    const mail = sink.to('local-ok@example.lv')[0]!;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('lang="lv"');
    expect(mail.messageId).toMatch(/@adopcijas-registrs>$/);
    await eventuallyAsync(async () =>
      expect(await row('local-ok@example.lv')).toMatchObject({
        status: 'sent',
        attempts: 1,
        sealedData: null,
        lastError: null,
      }),
    );
  });

  it('sends mail queued by a request as soon as its transaction commits, not at the next poll', async () => {
    // A poll a minute apart: only the after-commit wake (onCommit → wakeOutbox) can be this quick.
    const m = await start(
      configFor({ OUTBOX_POLL_MS: '60000', DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY }),
    );
    expect(m.mode).toBe('in-process');
    await new Promise((r) => setTimeout(r, 500)); // its first poll has found nothing
    const admin = await t.token('administrator');
    await t
      .as(admin)
      .post('/api/users', {
        username: 'modinata-vestule',
        displayName: 'Māra Ozoliņa',
        email: 'local-woken@example.lv',
        role: 'analyst',
      })
      .expect(201);
    await eventually(() => sink.to('local-woken@example.lv').length === 1, 20_000);
    expect(sink.to('local-woken@example.lv')[0]!.text).toContain('/set-password');
  });

  it('retries a temporary refusal after the configured delays and dead-letters a permanent one', async () => {
    let tries = 0;
    sink.rule = (address) => {
      if (address.startsWith('local-busy') && ++tries <= 2)
        return { code: 452, message: 'Mailbox full' };
      if (address.startsWith('local-gone')) return { code: 550, message: 'No such user' };
      return undefined;
    };
    await start(configFor());
    const started = Date.now();
    await queue('local-busy@example.lv');
    await queue('local-gone@example.lv');
    await eventually(() => sink.to('local-busy@example.lv').length === 1, 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    await eventuallyAsync(async () =>
      expect(await row('local-busy@example.lv')).toMatchObject({ status: 'sent', attempts: 3 }),
    );
    const gone = await row('local-gone@example.lv');
    expect(gone).toMatchObject({ status: 'dead_lettered', attempts: 1 });
    expect(gone.lastError).toContain('550');
    // Kept sealed for an administrator's retry.
    expect(gone.sealedData).toMatch(/^v1:/);
  });

  it('writes .eml files when no SMTP server is configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const m = await start(configFor({ SMTP_URL: '', MAIL_DIR: dir }));
    expect(m.sender.kind).toBe('files');
    await queue('local-file@example.lv');
    let files: string[] = [];
    const until = Date.now() + 10_000;
    while (files.length === 0 && Date.now() < until) {
      files = await readdir(dir);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: local-file@example\.lv$/m);
    expect(eml).toMatch(/^Subject: /m);
  });

  it('sends nothing for a rolled-back transaction', async () => {
    await start(configFor());
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await enqueueMail(trx, {
          idempotencyKey: 'local:rolled-back',
          recipient: 'local-rolled-back@example.lv',
          template: 'set-password',
          language: 'lv',
          data: sampleMailData['set-password'],
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await queue('local-after@example.lv');
    await eventually(() => sink.to('local-after@example.lv').length === 1);
    expect(sink.to('local-rolled-back@example.lv')).toHaveLength(0);
  });

  it('pauses on a burst of 451 answers and releases the claimed mails untried and uncounted', async () => {
    let refusing = true;
    sink.rule = () => (refusing ? { code: 451, message: 'Try again later' } : undefined);
    const m = await start(configFor());
    const recipients = Array.from({ length: 30 }, (_, i) => `local-burst-${i}@example.lv`);
    for (const r of recipients) await queue(r);
    await eventuallyAsync(async () =>
      expect((await m.checks()).delivery).toMatch(/^failing: mail server away \(451/),
    );
    await new Promise((r) => setTimeout(r, 1500));
    refusing = false;
    await eventually(() => recipients.every((r) => sink.to(r).length === 1), 30_000);
    const outbox = () =>
      t.database.db
        .selectFrom('outbox')
        .select(['status', 'attempts'])
        .where('recipient', 'in', recipients)
        .execute();
    // The server has the last mail a moment before its row is marked sent.
    await eventuallyAsync(async () =>
      expect((await outbox()).every((r) => r.status === 'sent')).toBe(true),
    );
    const rows = await outbox();
    // Only the mails tried before the outage showed (fewer than the gate's threshold of 3).
    expect(rows.filter((r) => r.attempts > 1).length).toBeLessThanOrEqual(2);
    expect((await m.checks()).delivery).toBe('ok (in-process)');
  });
});
