// The environment's processes: API, outbox relay, mail worker. In production systemd runs them
// (jenkins/systemd/adoption-*@.service, instance = environment); where there is no systemd (the
// rehearsal, a developer's machine) this small supervisor does: detached processes, pid files
// in shared/run, output appended to shared/logs/<service>.log.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvFile } from './env-file.mjs';
import { log, run, sleep } from './proc.mjs';
import { waitReady } from './http.mjs';

/** Command line of each service, relative to the release directory (as in the unit files). */
export const SERVICES = {
  api: ['backend/dist/main.js'],
  relay: ['backend/dist/worker-main.js', '--relay-only'],
  worker: ['backend/dist/worker-main.js', '--worker-only'],
};

export function parseServices(list = 'api,relay,worker') {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !SERVICES[n]);
  if (unknown.length || !names.includes('api'))
    throw new Error(`DEPLOY_SERVICES must list api and any of relay, worker (got "${list}")`);
  return names;
}

export const unitName = (service, env) => `adoption-${service}@${env}.service`;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pid in the file, if that process still runs one of our entry points (not a reused pid). */
function runningPid(pidFile) {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return null;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('backend/dist/')) return null;
  } catch {
    /* no /proc: trust the pid file */
  }
  return pid;
}

export function localSupervisor(paths, env) {
  const pidFile = (s) => join(paths.run, `${s}.pid`);
  const logFile = (s) => join(paths.logs, `${s}.log`);
  return {
    kind: 'local',
    async start(service) {
      if (runningPid(pidFile(service))) throw new Error(`${service} is already running`);
      const appEnv = parseEnvFile(
        readFileSync(join(paths.current, 'app.env'), 'utf8'),
        {},
        'app.env',
      );
      const out = openSync(logFile(service), 'a');
      // `current` as the working directory, like systemd's WorkingDirectory (resolved at start).
      const child = spawn(process.execPath, SERVICES[service], {
        cwd: paths.current,
        env: { PATH: process.env.PATH, NODE_ENV: 'production', ...appEnv },
        detached: true,
        stdio: ['ignore', out, out],
      });
      closeSync(out);
      child.unref();
      writeFileSync(pidFile(service), `${child.pid}\n`);
      log(`started ${service} (pid ${child.pid}) for ${env}`);
    },
    async stop(service, timeoutMs = 20_000) {
      const pid = runningPid(pidFile(service));
      rmSync(pidFile(service), { force: true });
      if (!pid) return;
      process.kill(-pid, 'SIGTERM'); // its process group: detached, the service leads one
      const deadline = Date.now() + timeoutMs;
      while (alive(pid) && Date.now() < deadline) await sleep(100);
      if (alive(pid)) {
        log(`${service} (pid ${pid}) did not stop in ${timeoutMs / 1000} s: killing it`);
        process.kill(-pid, 'SIGKILL');
      } else log(`stopped ${service} (pid ${pid})`);
    },
    /** null while running; else why it is not (for the readiness wait to fail fast). */
    async down(service) {
      if (runningPid(pidFile(service))) return null;
      // The first error line (a stack trace's head) and the last lines of its log.
      const lines = existsSync(logFile(service))
        ? readFileSync(logFile(service), 'utf8').trim().split('\n')
        : [];
      const first = lines.findIndex((l) => /Error|error/.test(l));
      const tail = [
        ...new Set([...(first >= 0 ? lines.slice(first, first + 2) : []), ...lines.slice(-3)]),
      ].join('\n');
      return `${service} is not running${tail ? `; the end of ${logFile(service)}:\n${tail}` : ''}`;
    },
  };
}

/** systemctl (DEPLOY_SYSTEMCTL, e.g. "sudo systemctl" with a sudoers rule for these units only). */
export function systemdSupervisor(env, systemctl = 'systemctl') {
  const [cmd, ...pre] = systemctl.split(/\s+/);
  const ctl = (...args) => run(cmd, [...pre, ...args], { allowFail: true });
  return {
    kind: 'systemd',
    async start(service) {
      const r = await ctl('start', unitName(service, env));
      if (r.code !== 0)
        throw new Error(`systemctl start ${unitName(service, env)}: ${r.stderr.trim()}`);
      log(`started ${unitName(service, env)}`);
    },
    async stop(service) {
      await ctl('stop', unitName(service, env));
      log(`stopped ${unitName(service, env)}`);
    },
    async down(service) {
      const r = await ctl('is-failed', unitName(service, env));
      return r.code === 0
        ? `${unitName(service, env)} failed (journalctl -u ${unitName(service, env)})`
        : null;
    },
  };
}

export function supervisorFor(tools, paths, env) {
  const kind = tools.DEPLOY_SERVICE_MANAGER ?? 'local';
  if (kind === 'systemd') return systemdSupervisor(env, tools.DEPLOY_SYSTEMCTL);
  if (kind === 'local') return localSupervisor(paths, env);
  throw new Error(`DEPLOY_SERVICE_MANAGER must be systemd or local (got "${kind}")`);
}

/** In parallel: each finishes its work in hand (SIGTERM) before it exits. */
export async function stopAll(sup, services) {
  await Promise.all(services.map((s) => sup.stop(s)));
}

export async function startAll(sup, services) {
  for (const s of services) await sup.start(s);
}

/**
 * Waits until every service answers /health/ready (the API, then the relay and the mail worker
 * on their own ports): a release whose worker cannot reach the broker or SMTP is not "ready".
 * Fails at once when a service is no longer running. Answers the checks by service.
 */
export async function waitAllReady(E, sup) {
  const down = async () => {
    for (const s of E.services) {
      const why = await sup.down(s);
      if (why) return why;
    }
    return null;
  };
  const ready = {};
  for (const [service, base] of Object.entries(E.healthUrls)) {
    try {
      ready[service] = await waitReady(base, { timeoutMs: E.readyTimeoutMs, down });
    } catch (err) {
      throw new Error(`${service}: ${err.message}`, { cause: err });
    }
  }
  return ready;
}
