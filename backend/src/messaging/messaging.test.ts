import amqp from 'amqplib';
import { eventually, eventuallyAsync, TcpProxy } from '../test-support/tcp-proxy';
import { capturedLog } from '../test-support/captured-log';
import { mailHarness } from '../test-support/mail-harness';
import type { Broker } from './broker';
import { inTransaction } from '../db/transaction';
import { enqueueMail, wakeOutbox } from './outbox';
import { sampleMailData } from './templates';

// The mail path against a real RabbitMQ (AMQP_URL) and a local SMTP sink. In CI: no skipping.
const h = mailHarness();
const { configFor, start, queue, statusOf } = h;
const amqpUrl = h.amqpUrl;

(h.enabled ? describe : describe.skip)('mail through RabbitMQ', () => {
  beforeAll(() => {
    if (!amqpUrl) throw new Error('AMQP_URL must be set when CI=true');
  });

  it('sends a committed mail once and nothing for a rolled-back transaction', async () => {
    await start(configFor());
    await h.t.database.db
      .transaction()
      .execute(async (trx) => {
        await enqueueMail(trx, {
          idempotencyKey: 'test:rolled-back',
          recipient: 'rolled-back@example.lv',
          template: 'set-password',
          language: 'lv',
          data: sampleMailData['set-password'],
        });
        throw new Error('the business change failed');
      })
      .catch(() => undefined);
    const [marker] = await queue(1, 'after-rollback');
    await eventually(() => h.sink.to(marker!).length === 1);
    expect(h.sink.to('rolled-back@example.lv')).toHaveLength(0);
    await eventuallyAsync(async () =>
      expect(await statusOf(marker!)).toMatchObject({ status: 'sent', attempts: 1 }),
    );
  });

  it('publishes mail as soon as the transaction that queued it commits, not at the next poll', async () => {
    // The relay polls a minute apart: only the after-commit wake (onCommit → wakeOutbox) is quick.
    await start(configFor({ OUTBOX_POLL_MS: '60000' }));
    await new Promise((r) => setTimeout(r, 500)); // its first poll has found nothing
    const log = capturedLog('silent').logger;
    await inTransaction(h.t.database.db, log, async (tx, onCommit) => {
      await enqueueMail(tx, {
        idempotencyKey: 'test:woken',
        recipient: 'woken@example.lv',
        template: 'set-password',
        language: 'lv',
        data: sampleMailData['set-password'],
      });
      onCommit(wakeOutbox);
    });
    await eventually(() => h.sink.to('woken@example.lv').length === 1, 20_000);
  });

  it('delivers every mail exactly once when the broker connection drops mid-stream', async () => {
    const proxy = new TcpProxy(await TcpProxy.freePort(), {
      host: new URL(amqpUrl!).hostname,
      port: Number(new URL(amqpUrl!).port || 5672),
    });
    await proxy.start();
    const url = new URL(amqpUrl!);
    url.host = `127.0.0.1:${proxy.port}`;
    await start(configFor(), { url: url.toString() });
    const recipients = await queue(300, 'cut');
    await eventually(() => recipients.filter((r) => h.sink.to(r).length > 0).length >= 30, 30_000);
    await proxy.stop(); // the broker "goes away"
    await new Promise((r) => setTimeout(r, 1500));
    await proxy.start();
    await eventually(() => recipients.every((r) => h.sink.to(r).length > 0), 60_000);
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show up now
    for (const r of recipients) expect(h.sink.to(r)).toHaveLength(1);
    const statuses = await h.t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('recipient', 'like', 'cut-%')
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['sent']));
    await proxy.stop();
  }, 120_000);

  it('does not send twice when the worker dies after sending but before its ack', async () => {
    const { logger, events } = capturedLog('info');
    let killed = false;
    const holder: { broker?: Broker } = {};
    const { broker } = await start(configFor(), {
      logger,
      hooks: {
        async beforeAck() {
          if (killed) return;
          killed = true;
          // The process "dies": its connection goes, the unacknowledged message is redelivered.
          await holder.broker!.current().close();
          throw new Error('killed');
        },
      },
    });
    holder.broker = broker;
    const [recipient] = await queue(1, 'killed');
    await eventually(() => events.some((e) => e.event === 'mail_duplicate'), 30_000);
    expect(killed).toBe(true);
    expect(h.sink.to(recipient!)).toHaveLength(1);
    await eventuallyAsync(async () =>
      expect(await statusOf(recipient!)).toMatchObject({ status: 'sent' }),
    );
  }, 60_000);

  it('dead-letters a permanent SMTP refusal and retries a temporary one with growing delay', async () => {
    let tries = 0;
    h.sink.rule = (address) => {
      if (address.startsWith('gone-')) return { code: 550, message: 'No such mailbox' };
      if (address.startsWith('busy-') && ++tries <= 2)
        return { code: 451, message: 'Try again later' };
      return undefined;
    };
    const config = configFor();
    await start(config);
    const started = Date.now();
    const [gone] = await queue(1, 'gone');
    const [busy] = await queue(1, 'busy');
    await eventually(() => h.sink.to(busy!).length === 1, 30_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600); // 0.2 s + 0.4 s of retry delays
    await eventuallyAsync(async () =>
      expect(await statusOf(busy!)).toMatchObject({ status: 'sent', attempts: 3 }),
    );
    const dead = await statusOf(gone!);
    expect(dead).toMatchObject({ status: 'dead_lettered', attempts: 1 });
    expect(dead.lastError).toContain('550');
    expect(h.sink.to(gone!)).toHaveLength(0);
    const c = await amqp.connect(amqpUrl!);
    const ch = await c.createChannel();
    const { messageCount } = await ch.checkQueue(`${config.AMQP_PREFIX}.mail.dead`);
    await c.close();
    expect(messageCount).toBe(1);
  }, 60_000);

  it('gives up after the last attempt into the dead letters', async () => {
    h.sink.rule = (address) =>
      address.startsWith('never-') ? { code: 450, message: 'Mailbox unavailable' } : undefined;
    await start(configFor());
    const [never] = await queue(1, 'never');
    const until = Date.now() + 30_000;
    while ((await statusOf(never!)).status !== 'dead_lettered' && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    await eventuallyAsync(async () =>
      expect(await statusOf(never!)).toMatchObject({ status: 'dead_lettered', attempts: 3 }),
    );
  }, 60_000);
});
