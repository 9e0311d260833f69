// An environment's directory tree and its deployment record:
//   <root>/<env>/releases/<version>/   unpacked artifacts (app.env inside, mode 600)
//   <root>/<env>/current -> releases/<version>   switched atomically (rename of a new link)
//   <root>/<env>/shared/{backups,logs,run,mail}/   what outlives a release
//   <root>/<env>/deployments.json   every deploy and rollback, newest last
// The decisions (what to prune, what a rollback must do) are pure functions, unit-tested.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';

export function envPaths(root, env) {
  const base = join(root, env);
  const shared = join(base, 'shared');
  return {
    base,
    releases: join(base, 'releases'),
    current: join(base, 'current'),
    state: join(base, 'deployments.json'),
    lock: join(base, 'deploy.lock'),
    shared,
    backups: join(shared, 'backups'),
    logs: join(shared, 'logs'),
    run: join(shared, 'run'),
    mail: join(shared, 'mail'),
  };
}

export function ensureTree(paths) {
  for (const d of [paths.releases, paths.backups, paths.logs, paths.run, paths.mail])
    mkdirSync(d, { recursive: true, mode: 0o750 });
}

/** The version `current` points at, or null. */
export function currentVersion(paths) {
  try {
    return basename(readlinkSync(paths.current));
  } catch {
    return null;
  }
}

/** Points `current` at a release in one rename, so no reader ever sees it missing. */
export function switchCurrent(paths, version) {
  const target = join('releases', version);
  if (!existsSync(join(paths.base, target))) throw new Error(`release ${version} is not unpacked`);
  const tmp = `${paths.current}.new-${process.pid}`;
  symlinkSync(target, tmp);
  renameSync(tmp, paths.current);
}

export function readState(paths) {
  if (!existsSync(paths.state)) return { records: [] };
  return JSON.parse(readFileSync(paths.state, 'utf8'));
}

/** Written to a temporary file and renamed: a crash leaves the old or the new record, whole. */
export function writeState(paths, state) {
  const tmp = `${paths.state}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o640 });
  renameSync(tmp, paths.state);
}

/**
 * Release directories to delete: all but `current`, the release a rollback would return to, and
 * the `keep` most recently deployed. Half-unpacked leftovers (`*.partial-*`) always go.
 */
export function releasesToPrune({ onDisk, records, current, keep }) {
  const lastDeployed = new Map();
  records.forEach((r, i) => lastDeployed.set(r.version, i));
  const protectedVersions = new Set([current]);
  const last = records.at(-1);
  if (last?.previous) protectedVersions.add(last.previous);
  const byRecency = onDisk
    .filter((v) => !v.includes('.partial-'))
    .sort((a, b) => (lastDeployed.get(b) ?? -1) - (lastDeployed.get(a) ?? -1));
  const kept = new Set(byRecency.slice(0, Math.max(keep, 1)));
  return onDisk.filter(
    (v) => v.includes('.partial-') || (!kept.has(v) && !protectedVersions.has(v)),
  );
}

/** Backups to delete: all but the newest `keep` and any a rollback may still need. */
export function backupsToPrune({ backups, keep, needed }) {
  const newestFirst = [...backups].sort((a, b) => b.localeCompare(a));
  return newestFirst.slice(Math.max(keep, 1)).filter((b) => !needed.has(b));
}

/**
 * What `rollback` must do for the newest deployment record:
 * - `switchTo`: the release to run again (null: there was none before — stop the services);
 * - `restore`: the backup to restore when that deployment touched the schema (null: keep the data).
 * A release that passed its smoke test has served real work since its backup: restoring then
 * would discard that work, so it needs `forceRestore` — or `keepDatabase` for a code-only rollback.
 * `version` (the pipeline's): act only when the last deployment is that one and not verified.
 */
export function planRollback(
  records,
  { forceRestore = false, keepDatabase = false, version } = {},
) {
  const last = records.at(-1);
  if (!last) throw new Error('no deployment is recorded for this environment');
  if (last.status === 'rolled-back')
    return {
      nothing: true,
      reason: `the last deployment (${last.version}) is already rolled back`,
    };
  // The pipeline names the release it was deploying: a deploy that failed before it recorded
  // anything (a bad artifact, a re-run) must not undo the release before it, nor a verified one.
  if (version && (last.version !== version || last.status === 'verified'))
    return {
      nothing: true,
      reason: `the last deployment is ${last.version} (${last.status}), not a failed ${version}`,
    };
  const migrated = Boolean(last.migrationAttempted || last.migrationsApplied?.length);
  let restore = null;
  if (migrated && !keepDatabase) {
    if (!last.backup) throw new Error(`deployment ${last.version} migrated without a backup`);
    if (last.status === 'verified' && !forceRestore)
      throw new Error(
        `${last.version} passed its smoke test at ${last.verifiedAt}: restoring the backup taken before it ` +
          'would discard everything written since. Use --force-restore to do so anyway, or ' +
          '--keep-database to run the previous release on the current schema (only when its migrations were additive).',
      );
    restore = last.backup;
  }
  return { nothing: false, record: last, switchTo: last.previous ?? null, restore };
}
