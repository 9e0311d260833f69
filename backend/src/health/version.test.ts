import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromManifest, readVersion } from './version';

// What /api/environment (and so the console banner and the smoke test) reports as the build.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'version-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '1.2.3' }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('takes the variables the deployment sets first: APP_VERSION, APP_COMMIT or GIT_SHA', () => {
  writeFileSync(join(root, 'release-manifest.json'), JSON.stringify({ version: '9', gitSha: 'f' }));
  expect(readVersion({ APP_VERSION: '2.0.0', APP_COMMIT: 'abc1234' }, root, {})).toEqual({
    version: '2.0.0',
    commit: 'abc1234',
  });
  expect(readVersion({ APP_VERSION: '2.0.0' }, root, { GIT_SHA: 'def5678' })).toEqual({
    version: '2.0.0',
    commit: 'def5678',
  });
});

it.each(['release-manifest.json', 'manifest.json', 'build-info.json'])(
  'reads a release manifest (%s) at the release root',
  (file) => {
    writeFileSync(join(root, file), JSON.stringify({ version: '3.1.0', gitSha: '0123abcd' }));
    expect(readVersion({}, root, {})).toEqual({ version: '3.1.0', commit: '0123abcd' });
  },
);

it('falls back to the package version and the commit of the checkout (or "unknown")', () => {
  const v = readVersion({}, root, {});
  expect(v.version).toBe('1.2.3');
  expect(v.commit).toMatch(/^([0-9a-f]{7,}|unknown)$/);
});

it('understands the usual names of the sha in a manifest', () => {
  for (const key of ['commit', 'gitSha', 'git_sha', 'sha', 'gitCommit']) {
    expect(fromManifest({ version: '1', [key]: 'cafe123' })).toEqual({
      version: '1',
      commit: 'cafe123',
    });
  }
  expect(fromManifest(null)).toEqual({});
});
