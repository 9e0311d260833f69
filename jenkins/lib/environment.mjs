// One environment (test or prod) as the deploy tools see it: its environment file (outside git,
// secrets as ${NAME} from Jenkins credentials), its directory tree, database roles and services.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEnvFile, splitEnv } from './env-file.mjs';
import { envPaths } from './releases.mjs';
import { parseServices } from './services.mjs';

export const ENVIRONMENTS = ['test', 'prod'];

/** Where the environment file is: --env-file, else $DEPLOY_ENV_FILE, else /etc/adoption-register/<env>.env. */
export function envFilePath(env, given) {
  return given ?? process.env.DEPLOY_ENV_FILE ?? `/etc/adoption-register/${env}.env`;
}

/**
 * Reads and checks the environment file. Refuses a file of the other environment (APP_ENV), a
 * missing DATABASE_URL (deploys need PostgreSQL: pg_dump) and a missing root directory.
 * `lenient`: unset ${NAME}s become empty (for tools that use no secret: service.mjs).
 */
export function loadEnvironment(env, { envFile, root, lenient = false } = {}) {
  if (!ENVIRONMENTS.includes(env))
    throw new Error(`environment must be test or prod (got "${env}")`);
  const file = envFilePath(env, envFile);
  if (!existsSync(file)) throw new Error(`environment file ${file} does not exist`);
  const { app, tools } = splitEnv(
    parseEnvFile(readFileSync(file, 'utf8'), process.env, file, { lenient }),
  );
  if (app.APP_ENV !== env)
    throw new Error(
      `${file} is for APP_ENV=${app.APP_ENV ?? '(unset)'}, not ${env}: refusing to mix environments`,
    );
  if (!app.DATABASE_URL && !lenient) throw new Error(`${file}: DATABASE_URL is required`);
  const base = root ?? tools.DEPLOY_ROOT;
  if (!base) throw new Error(`${file}: DEPLOY_ROOT is required (or --root)`);
  const paths = envPaths(resolve(base), env);
  const services = parseServices(tools.DEPLOY_SERVICES);
  const port = app.PORT ?? '3000';
  return {
    env,
    file,
    app,
    tools,
    paths,
    services,
    migrationUrl: tools.MIGRATION_DATABASE_URL ?? app.DATABASE_URL,
    baseUrl: (tools.DEPLOY_HEALTH_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    healthUrls: healthUrls(services, app, tools, port),
    readyTimeoutMs: Number(tools.DEPLOY_READY_TIMEOUT ?? 90) * 1000,
    keepReleases: Number(tools.DEPLOY_KEEP_RELEASES ?? 5),
    keepBackups: Number(tools.DEPLOY_KEEP_BACKUPS ?? 10),
  };
}

/**
 * Where each service of the environment answers /health/ready: the API on PORT (or
 * DEPLOY_HEALTH_URL), the relay and the mail worker on their own ports on this host
 * (RELAY_HEALTH_PORT, WORKER_HEALTH_PORT; 0 = that service has no health answer).
 */
export function healthUrls(services, app, tools, port) {
  const local = (p) => `http://127.0.0.1:${p}`;
  const urls = { api: (tools.DEPLOY_HEALTH_URL ?? local(port)).replace(/\/$/, '') };
  const ports = {
    worker: app.WORKER_HEALTH_PORT ?? '3001',
    relay: app.RELAY_HEALTH_PORT ?? '3002',
  };
  for (const s of services) if (s !== 'api' && ports[s] !== '0') urls[s] = local(ports[s]);
  return urls;
}

/**
 * The configuration a release runs with (written to releases/<v>/app.env): the file's
 * application variables, with what deployment decides: deploy migrates (not the app at start);
 * separate relay/worker processes take the messaging off the API; paths outlive releases.
 */
export function releaseConfig(E) {
  const inShared = (p, dflt) => (p ? (isAbsolute(p) ? p : join(E.paths.shared, p)) : dflt);
  const cfg = { ...E.app, APP_ENV: E.env, MIGRATE_ON_START: 'false' };
  if (E.services.length > 1) cfg.RUN_MESSAGING = 'false';
  cfg.MAIL_DIR = inShared(E.app.MAIL_DIR, E.paths.mail);
  if (E.app.ATTACHMENTS_DIR) cfg.ATTACHMENTS_DIR = inShared(E.app.ATTACHMENTS_DIR);
  return cfg;
}

/** The process environment for a tool run from a release (migrate, test-mail). */
export const toolEnv = (cfg, extra = {}) => ({
  PATH: process.env.PATH,
  ...cfg,
  LOG_LEVEL: 'warn',
  ...extra,
});

/**
 * One deploy or rollback at a time per environment: a lock file holding the pid. A lock whose
 * process is gone (a killed build) is taken over.
 */
export function acquireLock(paths) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(paths.lock, 'wx', 0o640);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => rmSync(paths.lock, { force: true });
      process.once('exit', release);
      return release;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(paths.lock, 'utf8'));
      let running = false;
      try {
        process.kill(pid, 0);
        running = true;
      } catch {
        /* gone */
      }
      if (running)
        throw new Error(`another deploy or rollback (pid ${pid}) holds ${paths.lock}`, {
          cause: err,
        });
      rmSync(paths.lock, { force: true });
    }
  }
  throw new Error(`cannot take ${paths.lock}`);
}

/** Command-line options shared by deploy, smoke and rollback. */
export function parseCli(argv, extra = {}) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'env-file': { type: 'string' }, root: { type: 'string' }, ...extra },
  });
}
