import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VersionInfo {
  version: string;
  commit: string;
}

/**
 * The running build: APP_VERSION/APP_COMMIT when the deployment sets them, else `build-info.json`
 * written by the release build, else the package version and the checkout's git commit.
 */
export function readVersion(env: { APP_VERSION?: string; APP_COMMIT?: string }): VersionInfo {
  const root = join(__dirname, '..', '..', '..');
  let built: Partial<VersionInfo> = {};
  try {
    built = JSON.parse(readFileSync(join(root, 'build-info.json'), 'utf8')) as Partial<VersionInfo>;
  } catch {
    /* not a packaged release */
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let commit = env.APP_COMMIT ?? built.commit;
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
  return { version: env.APP_VERSION ?? built.version ?? pkg.version, commit };
}
