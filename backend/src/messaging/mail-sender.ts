import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailToSend {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Also gives the Message-ID, so a receiving server could spot a repeat. */
  idempotencyKey: string;
}

export interface MailSender {
  /** Resolves once the SMTP server accepted the mail (or the file is written). */
  send(mail: MailToSend): Promise<void>;
  /** Connects and greets without sending (the probe while delivery is paused); throws if it cannot. */
  verify(): Promise<void>;
  close(): void;
  readonly kind: 'smtp' | 'files';
}

export const messageId = (idempotencyKey: string) =>
  `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@adopcijas-registrs>`;

/**
 * SMTP when SMTP_URL is set (nodemailer, one pooled connection set); otherwise each mail is
 * written as an .eml file under MAIL_DIR, so a machine without a mail server still shows the
 * mails (and the console lists them).
 */
export function createMailSender(opts: {
  smtpUrl?: string;
  mailDir: string;
  from: string;
}): MailSender {
  const transport: Transporter = opts.smtpUrl
    ? // Pooled: a few long-lived SMTP connections instead of one per mail.
      nodemailer.createTransport({ url: opts.smtpUrl, pool: true, maxConnections: 5 })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // A transport error outside a send (a pooled connection dying while idle) must not end the
  // process; the next send fails, and the worker's gate handles that.
  transport.on('error', () => undefined);
  return {
    kind: opts.smtpUrl ? 'smtp' : 'files',
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageId(mail.idempotencyKey),
      });
      if (!opts.smtpUrl) {
        await mkdir(opts.mailDir, { recursive: true });
        const name = mail.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
        await writeFile(join(opts.mailDir, `${name}.eml`), (info as { message: Buffer }).message);
      }
    },
    async verify() {
      if (opts.smtpUrl) await transport.verify();
    },
    close: () => transport.close(),
  };
}

/**
 * A failure of the mail server as a whole, not of this mail: it refuses or drops connections,
 * does not answer, greets with 421 ("service not available"), or refuses our credentials. Every
 * other mail would fail the same way now, so the worker pauses instead of retrying each one.
 */
export function isSmtpUnavailable(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number; command?: string } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.responseCode === 421) return true;
  if (['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EAUTH'].includes(e.code ?? ''))
    return true;
  return e.code === 'EPROTOCOL' && e.command === 'CONN';
}

/**
 * A failure that another attempt cannot fix: the server refused for good (5xx, e.g. a mailbox
 * that does not exist) or the mail could not be built. Everything else (4xx, a lost connection,
 * a timeout) is temporary and retried.
 */
export function isPermanentMailError(err: unknown): boolean {
  const e = err as { responseCode?: number; permanent?: boolean };
  if (e?.permanent) return true;
  // A refused sign-in (535) is permanent for the server, not for the mail: pause, don't dead-letter.
  if (isSmtpUnavailable(err)) return false;
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
}
