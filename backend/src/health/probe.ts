import { within } from './checks';

// Health checks for containers and systemd, with nothing but Node:
//   node backend/dist/health/probe.js [URL]     the API answers URL (default /health/ready on PORT)
//   node backend/dist/health/probe.js --worker  the mail worker's readiness (WORKER_HEALTH_PORT)
//   node backend/dist/health/probe.js --relay   the outbox relay's readiness (RELAY_HEALTH_PORT)
//   … --wait SECONDS                            keep asking until ready or the time is up
// Exit 0 healthy, 1 not, with one line saying why (no secrets: URLs are not printed).

const TIMEOUT_MS = 5000;

export async function probeHttp(url: string, what = 'api'): Promise<string> {
  const res = await within(fetch(url), TIMEOUT_MS, `${what}: no answer`);
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return `${what}: HTTP ${res.status}`;
}

/** The readiness address of this invocation: the API's, or a worker's or relay's own port. */
export function probeUrl(args: string[], env: NodeJS.ProcessEnv): string {
  const local = (port: string) => `http://127.0.0.1:${port}/health/ready`;
  if (args.includes('--worker')) return local(env.WORKER_HEALTH_PORT || '3001');
  if (args.includes('--relay')) return local(env.RELAY_HEALTH_PORT || '3002');
  return args.find((a) => /^https?:\/\//.test(a)) ?? local(env.PORT || '3000');
}

/** Asks until healthy, or until `waitSeconds` have passed (0: once). */
export async function probeUntil(url: string, waitSeconds: number, what = 'api'): Promise<string> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      return await probeHttp(url, what);
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const wait = args.indexOf('--wait');
    const seconds = wait >= 0 ? Number(args[wait + 1]) : 0;
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('--wait takes seconds');
    const what = args.includes('--worker') ? 'worker' : args.includes('--relay') ? 'relay' : 'api';
    process.stdout.write(`${await probeUntil(probeUrl(args, env), seconds, what)}\n`);
    return 0;
  } catch (err) {
    process.stdout.write(`unhealthy: ${(err as Error).message.replace(/\w+:\/\/\S+/g, '<url>')}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
