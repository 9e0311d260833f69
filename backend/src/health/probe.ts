import { connect } from 'amqplib';
import { Client } from 'pg';

// Container health checks (Dockerfile HEALTHCHECK, docker-compose.yml), with nothing but Node:
//   node backend/dist/health/probe.js [URL]   the API answers URL (default /health/ready on PORT)
//   node backend/dist/health/probe.js --worker  the worker's database and broker answer
// Exit 0 healthy, 1 not, with one line saying why (no secrets: URLs are not printed).

const TIMEOUT_MS = 5000;

const within = <T>(p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: no answer in ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      ).unref(),
    ),
  ]);

export async function probeHttp(url: string): Promise<string> {
  const res = await within(fetch(url), 'api');
  if (!res.ok) throw new Error(`api: HTTP ${res.status}`);
  return `api: HTTP ${res.status}`;
}

export async function probeWorker(env: NodeJS.ProcessEnv): Promise<string> {
  const checks: string[] = [];
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    try {
      await within(client.connect(), 'database');
      await within(client.query('select 1'), 'database');
      checks.push('database ok');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (env.AMQP_URL) {
    const connection = await within(connect(env.AMQP_URL), 'broker');
    await connection.close();
    checks.push('broker ok');
  }
  return checks.join(', ') || 'nothing to check';
}

async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const line = args.includes('--worker')
      ? await probeWorker(env)
      : await probeHttp(args[0] ?? `http://127.0.0.1:${env.PORT || '3000'}/health/ready`);
    process.stdout.write(`${line}\n`);
    return 0;
  } catch (err) {
    process.stdout.write(`unhealthy: ${(err as Error).message.replace(/\w+:\/\/\S+/g, '<url>')}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
