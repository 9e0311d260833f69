// The release artifact: an uncompressed tar holding manifest.json and payload.tar.gz. The
// manifest names the version, git commit and build time, and the SHA-256 of the payload, so
// deploy refuses a damaged or altered artifact before unpacking anything.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const MANIFEST_FORMAT = 1;
export const PAYLOAD = 'payload.tar.gz';

/** SHA-256 (hex) of a file, streamed. */
export function sha256File(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * `<package version>+<build>.<short sha>` (semver build metadata): the build number orders the
 * releases of one commit, the sha names the source. Unsafe characters in a build name become '-'.
 */
export function releaseVersion(packageVersion, build, commit) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(packageVersion))
    throw new Error(`package.json version "${packageVersion}" is not a semantic version`);
  if (!/^[0-9a-f]{7,40}$/i.test(commit)) throw new Error(`"${commit}" is not a git commit id`);
  const b = String(build ?? 'local').replace(/[^0-9A-Za-z-]/g, '-') || 'local';
  return `${packageVersion}+${b}.${commit.slice(0, 7).toLowerCase()}`;
}

/** Artifact file name of a version ('+' kept: it is legal in file names and URLs' paths). */
export const artifactName = (version) => `adoption-register-${version}.tar`;

export function createManifest({
  version,
  commit,
  build,
  builtAt,
  payloadSha256,
  payloadBytes,
  migrations,
}) {
  return {
    format: MANIFEST_FORMAT,
    name: 'adoption-register',
    version,
    commit,
    build: String(build),
    builtAt: builtAt ?? new Date().toISOString(),
    payload: { file: PAYLOAD, sha256: payloadSha256, bytes: payloadBytes },
    migrations,
  };
}

/** Throws with the reason when a manifest is not one this deploy understands. */
export function validateManifest(m) {
  const problems = [];
  if (!m || typeof m !== 'object') throw new Error('manifest.json is not an object');
  if (m.format !== MANIFEST_FORMAT)
    problems.push(`format ${m.format} (expected ${MANIFEST_FORMAT})`);
  if (m.name !== 'adoption-register') problems.push(`name ${m.name}`);
  if (typeof m.version !== 'string' || !/^[0-9A-Za-z.+-]{5,100}$/.test(m.version))
    problems.push('version');
  if (typeof m.commit !== 'string' || !/^[0-9a-f]{7,40}$/.test(m.commit)) problems.push('commit');
  if (!m.payload || !/^[0-9a-f]{64}$/.test(m.payload.sha256 ?? '')) problems.push('payload.sha256');
  if (!Array.isArray(m.migrations)) problems.push('migrations');
  if (problems.length) throw new Error(`manifest.json is invalid: ${problems.join(', ')}`);
  return m;
}

/** Throws unless the payload's checksum is the manifest's. */
export function assertPayload(manifest, actualSha256) {
  if (manifest.payload.sha256 !== actualSha256)
    throw new Error(
      `payload checksum mismatch: manifest says ${manifest.payload.sha256}, file is ${actualSha256}`,
    );
}

/** The line `sha256sum -c` reads. */
export const checksumLine = (sha256, fileName) => `${sha256}  ${fileName}\n`;

export function parseChecksumLine(text) {
  const m = /^([0-9a-f]{64}) [ *](.+)$/m.exec(text);
  if (!m) throw new Error('not a sha256sum line');
  return { sha256: m[1], file: m[2].trim() };
}
