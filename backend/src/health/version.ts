import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VersionInfo {
  version: string;
  commit: string;
}

/** Files a release may carry at its root, first found wins (the packaging writes one of them). */
export const MANIFEST_FILES = ['release-manifest.json', 'manifest.json', 'build-info.json'];

/** version and git sha from a manifest, whichever of the usual field names it uses. */
export function fromManifest(json: unknown): Partial<VersionInfo> {
  if (!json || typeof json !== 'object') return {};
  const m = json as Record<string, unknown>;
  const text = (...keys: string[]) =>
    keys.map((k) => m[k]).find((v): v is string => typeof v === 'string' && v.length > 0);
  return {
    version: text('version', 'appVersion'),
    commit: text('commit', 'gitSha', 'git_sha', 'sha', 'gitCommit'),
  };
}

function readManifest(root: string): Partial<VersionInfo> {
  for (const file of MANIFEST_FILES) {
    try {
      const found = fromManifest(JSON.parse(readFileSync(join(root, file), 'utf8')));
      if (found.version || found.commit) return found;
    } catch {
      /* not there, or not a release manifest */
    }
  }
  return {};
}

/**
 * The running build, for `/api/environment` and the console banner. In order: the variables the
 * deployment sets (APP_VERSION; APP_COMMIT or GIT_SHA), the release manifest at the release root,
 * else the package version and the checkout's git commit (a developer's clone).
 */
export function readVersion(
  env: { APP_VERSION?: string; APP_COMMIT?: string; GIT_SHA?: string },
  root = join(__dirname, '..', '..', '..'),
  processEnv: NodeJS.ProcessEnv = process.env,
): VersionInfo {
  const manifest = readManifest(root);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let commit = env.APP_COMMIT || env.GIT_SHA || processEnv.GIT_SHA || manifest.commit;
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim();
    } catch {
      commit = 'unknown';
    }
  }
  return { version: env.APP_VERSION || manifest.version || pkg.version, commit };
}
