import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/** What the sink answers a recipient: accept, or refuse with an SMTP code (4xx temporary, 5xx permanent). */
export type RcptRule = (address: string) => { code: number; message: string } | undefined;

/**
 * A local SMTP server that keeps every mail it accepts (parsed), for tests and the mail
 * benchmark. `rule` decides per recipient; by default everything is accepted.
 */
export class SmtpSink {
  readonly mails: ParsedMail[] = [];
  rule: RcptRule = () => undefined;
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<SmtpSink> {
    // eslint-disable-next-line prefer-const
    let sink: SmtpSink;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 5 * 1024 * 1024,
      onRcptTo(address, _session, done) {
        const refusal = sink.rule(address.address);
        if (!refusal) return done();
        const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        done(err);
      },
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((mail) => {
            sink.keep(mail);
            done();
          })
          .catch(done);
      },
    });
    // A client connection that breaks (a test cuts it through a TcpProxy) is re-emitted on the
    // server as 'error'; unheard, it would end the test process.
    server.on('error', () => undefined);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.server.address() as AddressInfo;
    sink = new SmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  /** Mails to exactly this address (case-insensitive): `a-1@x` is not `a-10@x`. */
  to(address: string): ParsedMail[] {
    return this.byAddress.get(address.toLowerCase()) ?? [];
  }

  private readonly byAddress = new Map<string, ParsedMail[]>();

  private keep(mail: ParsedMail) {
    this.mails.push(mail);
    const to = [mail.to ?? []].flat();
    for (const { address } of to.flatMap((a) => a.value)) {
      if (!address) continue;
      const key = address.toLowerCase();
      this.byAddress.set(key, [...(this.byAddress.get(key) ?? []), mail]);
    }
  }

  close(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
