#!/usr/bin/env node
// jenkins/smoke.mjs ENV [--expect-version V] [--env-file FILE] [--root DIR]
// The smoke test after a deployment, from outside like a user: the environment is ready,
// /api/environment names ENV and the deployed version and commit, the smoke-test account signs
// in and reads a classifier list, and a test e-mail reaches the mail sink (TEST) or gets queued
// to the broker (PROD). Exit 0 = all passed; the deployment is then marked verified.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironment, parseCli, toolEnv } from './lib/environment.mjs';
import { parseEnvFile } from './lib/env-file.mjs';
import { log, run, runMain, setLogPrefix, sleep } from './lib/proc.mjs';
import { readState, writeState } from './lib/releases.mjs';
import { request } from './lib/http.mjs';

const check = (ok, message) => {
  if (!ok) throw new Error(message);
};

/** The Message-ID the register gives a mail (backend/src/messaging/mail-sender.ts). */
const messageId = (key) =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@adopcijas-registrs>`;

/** Waits for the mail in the sink: an .eml file under MAIL_DIR, or a Mailpit-style HTTP API. */
async function findInSink(E, appEnv, reference, timeoutMs) {
  const key = `smoke-test:${reference}`;
  const deadline = Date.now() + timeoutMs;
  const sinkUrl = E.tools.SMOKE_MAIL_SINK_URL;
  for (;;) {
    if (sinkUrl) {
      const r = await request(
        `${sinkUrl.replace(/\/$/, '')}/api/v1/search?query=${encodeURIComponent(reference)}`,
      );
      if (r.status === 200 && r.body?.messages_count > 0) return `${sinkUrl} holds it`;
    } else {
      const file = join(appEnv.MAIL_DIR, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
      if (existsSync(file)) {
        const eml = readFileSync(file, 'utf8');
        check(
          eml.includes(messageId(key)),
          `${file} is not the test mail (no Message-ID ${messageId(key)})`,
        );
        check(
          eml.includes(E.tools.SMOKE_MAIL_TO),
          `${file} is not addressed to ${E.tools.SMOKE_MAIL_TO}`,
        );
        return file;
      }
    }
    if (Date.now() >= deadline)
      throw new Error(
        `the test mail ${reference} did not reach the mail sink in ${timeoutMs / 1000} s`,
      );
    await sleep(500);
  }
}

async function main() {
  const { positionals, values } = parseCli(process.argv.slice(2), {
    'expect-version': { type: 'string' },
  });
  const [env] = positionals;
  setLogPrefix(`smoke ${env}`);
  if (!env) throw new Error('usage: smoke.mjs test|prod [--expect-version V]');
  const E = loadEnvironment(env, { envFile: values['env-file'], root: values.root });
  const { SMOKE_USER: user, SMOKE_PASSWORD: password, SMOKE_MAIL_TO: mailTo } = E.tools;
  check(
    user && password && mailTo,
    `${E.file}: SMOKE_USER, SMOKE_PASSWORD and SMOKE_MAIL_TO are required`,
  );
  const current = E.paths.current;
  const manifest = JSON.parse(readFileSync(join(current, 'manifest.json'), 'utf8'));
  const expected = values['expect-version'] ?? manifest.version;
  const base = (E.tools.SMOKE_URL ?? E.baseUrl).replace(/\/$/, '');
  const ok = (m) => log(`ok: ${m}`);

  const ready = await request(`${base}/health/ready`);
  check(
    ready.status === 200 && ready.body?.status === 'ready',
    `/health/ready: ${ready.status} ${JSON.stringify(ready.body)}`,
  );
  ok(
    `ready (${Object.entries(ready.body.checks)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')})`,
  );

  // The relay and the mail worker answer on their own ports: unready if the broker, the
  // database or the mail server is away for them (backend/src/messaging/readiness.ts).
  for (const [service, url] of Object.entries(E.healthUrls)) {
    if (service === 'api') continue;
    const r = await request(`${url}/health/ready`);
    check(
      r.status === 200 && r.body?.status === 'ready',
      `${service} /health/ready: ${r.status} ${JSON.stringify(r.body)}`,
    );
    ok(
      `${service} ready (${Object.entries(r.body.checks)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')})`,
    );
  }

  const info = (await request(`${base}/api/environment`)).body;
  check(info?.name === env, `/api/environment names "${info?.name}", expected "${env}"`);
  check(
    info.version === expected,
    `/api/environment reports version ${info.version}, expected ${expected}`,
  );
  check(
    info.commit === manifest.commit,
    `/api/environment reports commit ${info.commit}, expected ${manifest.commit}`,
  );
  ok(
    `environment ${info.name}, version ${info.version}, commit ${String(info.commit).slice(0, 12)}`,
  );

  const login = await request(`${base}/api/auth/login`, {
    method: 'POST',
    body: { username: user, password },
  });
  check(login.status === 200, `sign-in of ${user}: ${login.status} ${JSON.stringify(login.body)}`);
  check(
    login.body?.token,
    `sign-in of ${user} asks for a second factor: the smoke-test account must be of a role without one (analyst)`,
  );
  const token = login.body.token;
  ok(`signed in as ${user} (${login.body.user.role})`);
  try {
    const list = await request(`${base}/api/territories?range=${encodeURIComponent('[0,9]')}`, {
      token,
    });
    check(
      list.status === 200 && Array.isArray(list.body) && list.body.length > 0,
      `GET /api/territories: ${list.status}`,
    );
    ok(
      `classifier list: ${list.body.length} territories of ${list.headers.get('content-range')?.split('/')[1] ?? '?'}`,
    );
  } finally {
    await request(`${base}/api/auth/logout`, { method: 'POST', token }).catch(() => undefined);
  }

  // The mail goes the environment's real way: outbox → relay → broker → worker → SMTP/files.
  const mode = E.tools.SMOKE_MAIL_CHECK ?? (env === 'test' ? 'sink' : 'queued');
  check(
    ['sink', 'queued'].includes(mode),
    `SMOKE_MAIL_CHECK must be sink or queued (got "${mode}")`,
  );
  const timeout = E.tools.SMOKE_MAIL_TIMEOUT ?? '60';
  const reference = `smoke-${env}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const appEnv = parseEnvFile(readFileSync(join(current, 'app.env'), 'utf8'), {}, 'app.env');
  const r = await run(
    process.execPath,
    [
      join(current, 'backend/dist/cli/test-mail.js'),
      '--to',
      mailTo,
      '--reference',
      reference,
      '--wait',
      mode === 'sink' ? 'sent' : 'published',
      '--timeout',
      timeout,
    ],
    { cwd: current, env: toolEnv(appEnv), allowFail: true },
  );
  const result = r.stdout.trim() ? JSON.parse(r.stdout.trim().split('\n').pop()) : undefined;
  check(
    r.code === 0 && result?.reached,
    `test mail ${reference}: ${result ? `${result.status}${result.lastError ? ` (${result.lastError})` : ''}` : r.stderr.trim()}`,
  );
  if (mode === 'sink')
    ok(`test mail ${reference} delivered to ${await findInSink(E, appEnv, reference, 30_000)}`);
  else ok(`test mail ${reference} queued (outbox row ${result.id}: ${result.status})`);

  // Recorded, so a later rollback knows this release has served real work (planRollback).
  const state = readState(E.paths);
  const last = state.records.at(-1);
  if (last?.version === expected && last.status === 'deployed') {
    last.status = 'verified';
    last.verifiedAt = new Date().toISOString();
    writeState(E.paths, state);
  }
  log(`smoke test of ${env} ${expected} passed`);
  return 0;
}

runMain(main);
