// HTTP for deploy and smoke: Node's fetch, a timeout on every request.
import { sleep } from './proc.mjs';

const { fetch, AbortSignal } = globalThis;

/** { status, headers, body } with body parsed as JSON when it is JSON. Network errors throw. */
export async function request(url, { method = 'GET', body, token, timeoutMs = 10_000 } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed };
}

/**
 * Polls `<base>/health/ready` until it answers 200 "ready". `down()` may report that the process
 * died (then waiting longer is pointless); the last answer is in the error on timeout.
 */
export async function waitReady(base, { timeoutMs = 90_000, down = async () => null } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let last;
    try {
      const r = await request(`${base}/health/ready`, { timeoutMs: 3000 });
      if (r.status === 200 && r.body?.status === 'ready') return r.body;
      last = `${r.status} ${JSON.stringify(r.body)}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    const why = await down();
    if (why) throw new Error(`not ready: ${why}`);
    if (Date.now() >= deadline) throw new Error(`not ready after ${timeoutMs / 1000} s: ${last}`);
    await sleep(500);
  }
}
