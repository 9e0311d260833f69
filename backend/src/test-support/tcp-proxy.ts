import net from 'node:net';

/**
 * A TCP proxy in front of a real server that a test can cut and restore, to simulate the
 * server going away (RabbitMQ restarts, network loss) without stopping the shared server.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** Accept connections but pass nothing on: a server (or network) that has gone silent. */
  private silent = false;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** A port that is free right now. */
  static async freePort(): Promise<number> {
    const s = net.createServer();
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const { port } = s.address() as net.AddressInfo;
    await new Promise((ok) => s.close(ok));
    return port;
  }

  async start(): Promise<void> {
    this.silent = false;
    this.server = net.createServer((client) => {
      if (this.silent) {
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => undefined);
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((ok) => this.server!.listen(this.port, '127.0.0.1', ok));
  }

  /**
   * Drops every open connection and from now on accepts new ones without answering, as a host
   * that vanished from the network behind a load balancer would (connect "succeeds", then nothing).
   */
  blackhole(): void {
    this.silent = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Ends `blackhole()`: the silent connections drop, new ones are passed on again. */
  restore(): void {
    this.silent = false;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Stops listening and drops every open connection, as a dead server would. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise((ok) => (this.server ? this.server.close(ok) : ok(undefined)));
    this.server = undefined;
  }
}

/** Polls until the condition holds or the time is up. */
export async function eventually(condition: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls an asynchronous check (e.g. a database row) until it passes or the time is up. */
export async function eventuallyAsync(check: () => Promise<void>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
