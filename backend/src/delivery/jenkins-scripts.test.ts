/**
 * delivery/: the tests of jenkins/ that run with the API suite — the pure parts of the delivery
 * scripts (jenkins/lib/*.mjs): environment files, the release manifest, pruning, the rollback
 * decision, database URLs and grants — and the consistency of the Jenkinsfile, casc.yaml and the
 * environment examples. The scripts themselves are jenkins/; end to end: npm run rehearse.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../config/config';

const repo = join(__dirname, '..', '..', '..');
// The libraries are ES modules; an import() that the test transform leaves alone loads them.
const importModule = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<unknown>;
const lib = async <T>(name: string) =>
  (await importModule(join(repo, 'jenkins', 'lib', name))) as T;

type Entries = Record<string, string>;
interface EnvFileLib {
  parseEnvFile(text: string, vars?: Entries, source?: string, o?: { lenient?: boolean }): Entries;
  serializeEnv(entries: Entries, header?: string): string;
  splitEnv(entries: Entries): { app: Entries; tools: Entries };
}
interface ManifestLib {
  sha256File(path: string): Promise<string>;
  releaseVersion(pkg: string, build: unknown, commit: string): string;
  createManifest(
    o: Record<string, unknown>,
  ): Record<string, unknown> & { payload: { sha256: string } };
  validateManifest(m: unknown): unknown;
  assertPayload(m: unknown, sha: string): void;
  checksumLine(sha: string, file: string): string;
  parseChecksumLine(text: string): { sha256: string; file: string };
}
interface Rec {
  version: string;
  previous?: string | null;
  status: string;
  migrationAttempted?: boolean;
  migrationsApplied?: string[];
  backup?: { file: string; sha256: string } | null;
  verifiedAt?: string;
}
interface ReleasesLib {
  releasesToPrune(o: { onDisk: string[]; records: Rec[]; current: string; keep: number }): string[];
  backupsToPrune(o: { backups: string[]; keep: number; needed: Set<string> }): string[];
  planRollback(
    records: Rec[],
    o?: { forceRestore?: boolean; keepDatabase?: boolean; version?: string },
  ): { nothing: boolean; switchTo?: string | null; restore?: { file: string } | null };
}
interface DatabaseLib {
  pgEnv(url: string): Entries;
  grantStatements(role: string): string;
}

describe('environment files', () => {
  let L: EnvFileLib;
  beforeAll(async () => (L = await lib<EnvFileLib>('env-file.mjs')));

  it('reads comments, export, quotes and ${NAME} from Jenkins credentials and earlier keys', () => {
    const text = [
      '# a comment',
      '',
      'export PORT=3100',
      'PUBLIC_URL=http://127.0.0.1:${PORT}  # the API',
      "LITERAL='${NOT_EXPANDED} # kept'",
      'QUOTED="Adopcijas reģistrs \\"TEST\\""',
      'SECRET=${ADOPTION_TEST_JWT_SECRET}',
      'OPTIONAL=${UNSET_VAR:-fallback}',
      'PASSWORD=pa#ss',
      'EMPTY=',
    ].join('\n');
    expect(L.parseEnvFile(text, { ADOPTION_TEST_JWT_SECRET: 's3cr3t' })).toEqual({
      PORT: '3100',
      PUBLIC_URL: 'http://127.0.0.1:3100',
      LITERAL: '${NOT_EXPANDED} # kept',
      QUOTED: 'Adopcijas reģistrs "TEST"',
      SECRET: 's3cr3t',
      OPTIONAL: 'fallback',
      PASSWORD: 'pa#ss',
      EMPTY: '',
    });
  });

  it('names the line and variable of a missing credential, a repeated key or a bad line', () => {
    expect(() => L.parseEnvFile('A=1\nB=${MISSING}', {}, 'prod.env')).toThrow(
      'prod.env:2 B: ${MISSING} is not set',
    );
    expect(() => L.parseEnvFile('A=1\nA=2', {}, 'f')).toThrow('f:2: A is set twice');
    expect(() => L.parseEnvFile('just words', {}, 'f')).toThrow('f:1: expected KEY=value');
    expect(() => L.parseEnvFile("A='open", {}, 'f')).toThrow("f:1: unterminated ' quote");
    expect(() => L.parseEnvFile('1A=x', {}, 'f')).toThrow('1A is not a valid variable name');
    // Tools that use no secret (stopping services) read the file without the credentials.
    expect(L.parseEnvFile('A=${MISSING}\nB=2', {}, 'f', { lenient: true })).toEqual({
      A: '',
      B: '2',
    });
  });

  it('writes files that read back unchanged (and systemd reads)', () => {
    const entries = {
      PLAIN: 'postgresql://app:pw@db:5432/adoption',
      SPACES: 'Adopcijas reģistrs <adopcija@register.invalid>',
      DOLLAR: 'pa$$${word}',
      HASH: 'a #b',
      EMPTY: '',
    };
    const text = L.serializeEnv(entries, 'written by a test');
    expect(text.startsWith('# written by a test\n')).toBe(true);
    expect(text).toContain('PLAIN=postgresql://app:pw@db:5432/adoption\n');
    expect(text).toContain("SPACES='Adopcijas reģistrs <adopcija@register.invalid>'\n");
    expect(L.parseEnvFile(text)).toEqual(entries);
    expect(() => L.serializeEnv({ A: 'two\nlines' })).toThrow('cannot span lines');
    expect(() => L.serializeEnv({ A: "it's $x" })).toThrow('not supported');
  });

  it('keeps the tools’ settings away from the application', () => {
    expect(
      L.splitEnv({ DEPLOY_ROOT: '/srv', SMOKE_USER: 's', MIGRATION_DATABASE_URL: 'o', PORT: '1' }),
    ).toEqual({
      app: { PORT: '1' },
      tools: { DEPLOY_ROOT: '/srv', SMOKE_USER: 's', MIGRATION_DATABASE_URL: 'o' },
    });
  });
});

describe('release manifest', () => {
  let M: ManifestLib;
  let dir: string;
  beforeAll(async () => {
    M = await lib<ManifestLib>('manifest.mjs');
    dir = mkdtempSync(join(tmpdir(), 'adoption-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('versions a build as <package version>+<build>.<short sha>', () => {
    expect(M.releaseVersion('0.1.0', 42, '1BD0EFB3fa3a88b9')).toBe('0.1.0+42.1bd0efb');
    expect(M.releaseVersion('1.2.3-rc.1', undefined, 'abcdef0')).toBe('1.2.3-rc.1+local.abcdef0');
    expect(M.releaseVersion('0.1.0', 'PR 7/x', 'abcdef0')).toBe('0.1.0+PR-7-x.abcdef0');
    expect(() => M.releaseVersion('latest', 1, 'abcdef0')).toThrow('not a semantic version');
    expect(() => M.releaseVersion('0.1.0', 1, 'main')).toThrow('not a git commit id');
  });

  it('records the payload checksum and refuses a payload that does not match', async () => {
    const payload = join(dir, 'payload.tar.gz');
    writeFileSync(payload, 'release bytes');
    const sha = await M.sha256File(payload);
    expect(sha).toBe(createHash('sha256').update('release bytes').digest('hex'));
    const m = M.createManifest({
      version: '0.1.0+1.abcdef0',
      commit: 'abcdef0123456789abcdef0123456789abcdef01',
      build: 1,
      payloadSha256: sha,
      payloadBytes: 13,
      migrations: ['0001-classifiers'],
    });
    expect(M.validateManifest(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(() => M.assertPayload(m, sha)).not.toThrow();
    expect(() => M.assertPayload(m, '0'.repeat(64))).toThrow('payload checksum mismatch');
    expect(() => M.validateManifest({ ...m, format: 2, migrations: 'x' })).toThrow(
      'manifest.json is invalid: format 2 (expected 1), migrations',
    );
  });

  it('writes checksum lines sha256sum -c reads', () => {
    const line = M.checksumLine('a'.repeat(64), 'prod-x.dump');
    expect(line).toBe(`${'a'.repeat(64)}  prod-x.dump\n`);
    expect(M.parseChecksumLine(line)).toEqual({ sha256: 'a'.repeat(64), file: 'prod-x.dump' });
    expect(() => M.parseChecksumLine('nonsense')).toThrow('not a sha256sum line');
  });
});

describe('releases and rollback', () => {
  let R: ReleasesLib;
  beforeAll(async () => (R = await lib<ReleasesLib>('releases.mjs')));
  const rec = (version: string, previous: string | null, extra: Partial<Rec> = {}): Rec => ({
    version,
    previous,
    status: 'deployed',
    ...extra,
  });

  it('keeps the newest releases, the current one and the one a rollback returns to', () => {
    const records = ['v1', 'v2', 'v3', 'v4', 'v5'].map((v, i) => rec(v, i ? `v${i}` : null));
    const onDisk = ['v1', 'v2', 'v3', 'v4', 'v5', 'v4.partial-123', 'stray'];
    expect(R.releasesToPrune({ onDisk, records, current: 'v5', keep: 2 }).sort()).toEqual(
      ['stray', 'v1', 'v2', 'v3', 'v4.partial-123'].sort().filter((v) => v !== 'v4'),
    );
    // After a rollback to v2 (v5 failed) v2 stays even though it is old.
    records.push(rec('v6', 'v2', { status: 'rolled-back' }));
    expect(
      R.releasesToPrune({ onDisk: ['v1', 'v2', 'v5', 'v6'], records, current: 'v2', keep: 1 }),
    ).toEqual(['v1', 'v5']);
  });

  it('keeps the newest backups and any a rollback may need', () => {
    const backups = [
      'prod-20260101T000000Z-before-a.dump',
      'prod-20260201T000000Z-before-b.dump',
      'prod-20260301T000000Z-before-c.dump',
    ];
    expect(R.backupsToPrune({ backups, keep: 1, needed: new Set([backups[0]!]) })).toEqual([
      backups[1],
    ]);
  });

  it('restores the backup when the failed release migrated, and only switches back when it did not', () => {
    const backup = { file: '/srv/prod/shared/backups/b.dump', sha256: 'f'.repeat(64) };
    const migrated = rec('v2', 'v1', { status: 'failed', migrationsApplied: ['0018-x'], backup });
    expect(R.planRollback([rec('v1', null), migrated])).toMatchObject({
      nothing: false,
      switchTo: 'v1',
      restore: backup,
    });
    // A migration that was started but failed half-way: restore too (what it left is unknown).
    const attempted = rec('v2', 'v1', { status: 'failed', migrationAttempted: true, backup });
    expect(R.planRollback([attempted])).toMatchObject({ restore: backup });
    const codeOnly = rec('v2', 'v1', { status: 'failed', migrationsApplied: [], backup });
    expect(R.planRollback([codeOnly])).toMatchObject({ switchTo: 'v1', restore: null });
    expect(
      R.planRollback([rec('v1', null, { status: 'failed', migrationsApplied: ['0001'], backup })]),
    ).toMatchObject({ switchTo: null, restore: backup });
    expect(R.planRollback([{ ...migrated, status: 'rolled-back' }])).toMatchObject({
      nothing: true,
    });
    expect(() => R.planRollback([])).toThrow('no deployment is recorded');
  });

  it('acts for the pipeline only on the release it was deploying, when that one failed', () => {
    const backup = { file: 'b.dump', sha256: 'f'.repeat(64) };
    const good = rec('v1', null, { status: 'verified', migrationsApplied: ['0001'], backup });
    // The deploy of v2 failed before it recorded anything (a bad artifact): v1 stays.
    expect(R.planRollback([good], { version: 'v2' })).toMatchObject({ nothing: true });
    // A re-run of a verified release is not undone either.
    expect(R.planRollback([good], { version: 'v1' })).toMatchObject({ nothing: true });
    const smokeFailed = rec('v2', 'v1', { status: 'deployed', migrationsApplied: [], backup });
    expect(R.planRollback([good, smokeFailed], { version: 'v2' })).toMatchObject({
      nothing: false,
      switchTo: 'v1',
      restore: null,
    });
  });

  it('does not discard the work of a verified release without --force-restore', () => {
    const backup = { file: 'b.dump', sha256: 'f'.repeat(64) };
    const verified = rec('v2', 'v1', {
      status: 'verified',
      verifiedAt: '2026-03-01T10:00:00Z',
      migrationsApplied: ['0018-x'],
      backup,
    });
    expect(() => R.planRollback([verified])).toThrow(
      'passed its smoke test at 2026-03-01T10:00:00Z',
    );
    expect(R.planRollback([verified], { forceRestore: true })).toMatchObject({ restore: backup });
    expect(R.planRollback([verified], { keepDatabase: true })).toMatchObject({
      switchTo: 'v1',
      restore: null,
    });
  });
});

describe('database helpers', () => {
  let D: DatabaseLib;
  beforeAll(async () => (D = await lib<DatabaseLib>('database.mjs')));

  it('turns a URL into libpq variables, so no password is on a command line', () => {
    expect(
      D.pgEnv('postgresql://adoption_owner:p%40ss%3Aw@db.internal:6432/adoption?sslmode=require'),
    ).toEqual({
      PGHOST: 'db.internal',
      PGPORT: '6432',
      PGDATABASE: 'adoption',
      PGUSER: 'adoption_owner',
      PGPASSWORD: 'p@ss:w',
      PGSSLMODE: 'require',
    });
    expect(D.pgEnv('postgres:///adoption?host=/run/postgresql&user=app')).toMatchObject({
      PGHOST: '/run/postgresql',
      PGPORT: '5432',
      PGUSER: 'app',
    });
    expect(() => D.pgEnv('postgresql://app@db/')).toThrow('names no database');
    expect(() => D.pgEnv('mysql://app@db/x')).toThrow('not a postgresql:// URL');
  });

  it('grants the application role table rights but no way to rewrite the audit trail or the migrations', () => {
    const sql = D.grantStatements('adoption "app"');
    expect(sql).toContain(
      'grant select, insert, update, delete on all tables in schema public to "adoption ""app""";',
    );
    expect(sql).toMatch(
      /revoke update, delete, truncate on table public\.audit_events from "adoption ""app"""/,
    );
    expect(sql).toMatch(/revoke insert, update, delete on table public\.kysely_migration from/);
    expect(sql).toContain(
      'alter default privileges in schema public grant select, insert, update, delete on tables to',
    );
  });
});

describe('pipeline configuration', () => {
  const read = (f: string) => readFileSync(join(repo, f), 'utf8');
  const jenkinsfile = read('Jenkinsfile');
  const casc = read('jenkins/casc.yaml');

  it('runs the stages in order, each through a script in jenkins/', () => {
    const stages = [...jenkinsfile.matchAll(/stage\('([^']+)'\)/g)].map((m) => m[1]);
    expect(stages).toEqual([
      'Build',
      'Checkout',
      'Install',
      'Lint and typecheck',
      'Test',
      'Build API, worker and console',
      'Package',
      'TEST',
      'Deploy TEST',
      'Smoke test TEST',
      'Approve PROD',
      'PROD',
      'Deploy PROD',
      'Smoke test PROD',
    ]);
    for (const [, command] of jenkinsfile.matchAll(/\bsh '([^']+)'/g))
      expect(command).toMatch(/^jenkins\//);
    expect(jenkinsfile).toContain("submitter 'adoption-release-managers'");
    expect(casc).toMatch(/name: ["']adoption-release-managers["']/);
    // Every deploy and smoke stage rolls its own environment back when it fails.
    for (const env of ['test', 'prod'])
      expect(
        jenkinsfile.match(new RegExp(`failure \\{ sh 'jenkins/ci.sh rollback ${env}' \\}`, 'g')),
      ).toHaveLength(2);
  });

  it('binds only credentials casc.yaml defines, and every one the environment files name', () => {
    const bound = new Set([...jenkinsfile.matchAll(/credentials\('([^']+)'\)/g)].map((m) => m[1]));
    const defined = new Set([...casc.matchAll(/\bid: ["']([^"']+)["']/g)].map((m) => m[1]));
    for (const id of bound) expect(defined).toContain(id);
    for (const env of ['test', 'prod']) {
      const example = read(`jenkins/env/${env}.env.example`);
      const referenced = [...example.matchAll(/\$\{(ADOPTION_[A-Z_]+)\}/g)].map((m) => m[1]!);
      const variables = new Set(
        [...jenkinsfile.matchAll(/(ADOPTION_[A-Z_]+) = credentials/g)].map((m) => m[1]),
      );
      for (const v of referenced) expect(variables).toContain(v);
    }
  });

  it('lists every plugin the Jenkinsfile and casc.yaml use', () => {
    const plugins = read('jenkins/plugins.txt')
      .split('\n')
      .map((l) => l.split(':')[0]!.trim());
    for (const p of [
      'configuration-as-code',
      'job-dsl',
      'workflow-aggregator',
      'git',
      'credentials-binding',
      'plain-credentials',
      'ssh-slaves',
      'ldap',
      'matrix-auth',
      'mailer',
      'timestamper',
    ])
      expect(plugins).toContain(p);
  });
});

describe.each(['test', 'prod'])('jenkins/env/%s.env.example', (env) => {
  const text = readFileSync(join(repo, 'jenkins', 'env', `${env}.env.example`), 'utf8');
  let L: EnvFileLib;
  beforeAll(async () => (L = await lib<EnvFileLib>('env-file.mjs')));

  it('parses, is for its environment, and names every variable the application reads', () => {
    const vars = new Proxy({}, { get: (_, name) => `<${String(name)}>` }) as Entries;
    const { app } = L.splitEnv(L.parseEnvFile(text, vars));
    expect(app.APP_ENV).toBe(env);
    const missing = Object.keys(configSchema.shape).filter(
      (k) => !new RegExp(`\\b${k}\\b`).test(text),
    );
    expect(missing).toEqual([]);
    // Only what the configuration knows (a typo would be silently ignored by the application).
    expect(Object.keys(app).filter((k) => !(k in configSchema.shape))).toEqual([]);
  });

  it('holds no secret: each one is a ${NAME} filled from Jenkins credentials', () => {
    const secretKeys = /^(?!RATE_LIMIT_).*(SECRET|PASSWORD|_KEY|_KEYS|DATABASE_URL|AMQP_URL)$/;
    const lines = text
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l) && secretKeys.test(l.split('=')[0]!));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatch(/^[A-Z_]+=\$\{ADOPTION_[A-Z_]+\}$/);
  });
});

describe('health addresses of the services (jenkins/lib/environment.mjs)', () => {
  interface EnvironmentLib {
    healthUrls(
      services: string[],
      app: Entries,
      tools: Entries,
      port: string,
    ): Record<string, string>;
  }
  let E: EnvironmentLib;
  beforeAll(async () => (E = await lib<EnvironmentLib>('environment.mjs')));

  it('waits for the API and each messaging service on its own port', () => {
    expect(
      E.healthUrls(
        ['api', 'relay', 'worker'],
        { WORKER_HEALTH_PORT: '3101', RELAY_HEALTH_PORT: '3102' },
        {},
        '3100',
      ),
    ).toEqual({
      api: 'http://127.0.0.1:3100',
      relay: 'http://127.0.0.1:3102',
      worker: 'http://127.0.0.1:3101',
    });
  });

  it('uses the defaults, DEPLOY_HEALTH_URL for the API, and skips a service with port 0', () => {
    expect(
      E.healthUrls(
        ['api', 'worker', 'relay'],
        { RELAY_HEALTH_PORT: '0' },
        {
          DEPLOY_HEALTH_URL: 'https://api.lan/',
        },
        '3000',
      ),
    ).toEqual({ api: 'https://api.lan', worker: 'http://127.0.0.1:3001' });
    expect(E.healthUrls(['api'], {}, {}, '3000')).toEqual({ api: 'http://127.0.0.1:3000' });
  });
});
