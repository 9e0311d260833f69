#!/usr/bin/env node
// jenkins/service.mjs ENV start|stop|restart|status [--env-file FILE] [--root DIR]
// Starts or stops the environment's services (API, relay, worker) the way deploy does: systemd
// units, or the local supervisor where there is no systemd (DEPLOY_SERVICE_MANAGER).
import { loadEnvironment, parseCli } from './lib/environment.mjs';
import { log, runMain, setLogPrefix } from './lib/proc.mjs';
import { currentVersion } from './lib/releases.mjs';
import { startAll, stopAll, supervisorFor, waitAllReady } from './lib/services.mjs';

async function main() {
  const { positionals, values } = parseCli(process.argv.slice(2));
  const [env, action] = positionals;
  setLogPrefix(`service ${env}`);
  if (!['start', 'stop', 'restart', 'status'].includes(action))
    throw new Error('usage: service.mjs test|prod start|stop|restart|status');
  // No secret is needed to start or stop: the release's app.env already holds the configuration.
  const E = loadEnvironment(env, { envFile: values['env-file'], root: values.root, lenient: true });
  const sup = supervisorFor(E.tools, E.paths, env);
  if (action === 'status') {
    let allUp = true;
    for (const s of E.services) {
      const why = await sup.down(s);
      allUp &&= !why;
      log(why ?? `${s} running`);
    }
    log(`current release: ${currentVersion(E.paths) ?? 'none'}`);
    return allUp ? 0 : 3;
  }
  if (action !== 'start') await stopAll(sup, E.services);
  if (action !== 'stop') {
    if (!currentVersion(E.paths)) throw new Error(`${env} has no current release`);
    await startAll(sup, E.services);
    await waitAllReady(E, sup);
    log(`${env} is ready`);
  }
  return 0;
}

runMain(main);
