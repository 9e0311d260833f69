// One jest run for the whole repository; `backend/scripts/run-tests.mjs` sums the projects.
// With TEST_DATABASE_URL set the whole API suite runs against that PostgreSQL server, and the
// suites listed in `pgliteSuites` run again against embedded PGlite; without it (a developer's
// fresh machine) the whole API suite runs on PGlite.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@adoption/migrations$': '<rootDir>/migrations/src/index.ts',
    '^@adoption/model$': '<rootDir>/model/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  rootDir: __dirname,
};
const apiTests = ['<rootDir>/backend/src/**/*.test.ts', '<rootDir>/migrations/src/**/*.test.ts'];
// The rule (docs/testing.md, "Which suites run on PGlite too"): a suite runs on PGlite as well
// when its behaviour can differ between the two databases: SQL that PGlite may run differently
// (migrations, list/search/sort with Latvian collation), the single-session adapter and pool
// (concurrent transactions, the audit trail's group commit), the in-process paths used without a
// server (messaging without AMQP_URL), and one HTTP flow per domain folder. A suite without a
// database, or whose subject is a server (faults, RabbitMQ, psql), is not listed. A new domain
// folder adds its main flow here.
const pgliteSuites = [
  'migrations/src/migrations.test.ts', // every migration up and down
  'backend/src/children/list.test.ts', // list, search, sort (Latvian order, diacritics)
  'backend/src/adopters/list.test.ts', // list, search, sort (Latvian order, diacritics)
  'backend/src/audit/chain.test.ts', // group commit: concurrent transactions through the pool
  'backend/src/db/transaction.test.ts', // onCommit: after commit, never on rollback
  'backend/src/messaging/local-delivery.test.ts', // mail in-process, no AMQP_URL
  'backend/src/jobs/scheduler.test.ts', // pg-boss through the executeSql adapter, two instances
  // One flow per domain folder (each also starts from the seeded PGlite snapshot):
  'backend/src/adopters/adopters.test.ts',
  'backend/src/attachments/attachments.test.ts',
  'backend/src/audit/audit.test.ts',
  'backend/src/auth/auth.test.ts',
  'backend/src/campaigns/campaigns.test.ts',
  'backend/src/change-requests/change-requests.test.ts',
  'backend/src/children/children.test.ts',
  'backend/src/classifiers/classifiers.test.ts',
  'backend/src/export/export.test.ts',
  'backend/src/history/history.test.ts',
  'backend/src/offers/offers.test.ts',
  'backend/src/registers/registers.test.ts', // the register answers' cache and the audit
  'backend/src/registers/check.test.ts', // the register check: take, notes (migration 0027)
  'backend/src/http/http.test.ts',
  'backend/src/jobs/jobs.test.ts',
  'backend/src/policies/access-matrix.test.ts',
  'backend/src/pseudonymise/pseudonymise.test.ts',
  'backend/src/sibling-groups/sibling-groups.test.ts',
  'backend/src/selection/selection.test.ts',
  'backend/src/statistics/statistics.test.ts',
  'backend/src/users/users.test.ts',
];
// A renamed or moved suite must not silently drop out of the PGlite run.
const missing = pgliteSuites.filter((file) => !existsSync(join(__dirname, file)));
if (missing.length) throw new Error(`jest.config.js pgliteSuites: no such file ${missing}`);
const projects = [
  {
    ...shared,
    displayName: process.env.TEST_DATABASE_URL ? 'api (postgresql)' : 'api (pglite)',
    testMatch: apiTests,
    setupFiles: ['<rootDir>/backend/src/test-support/env.ts'],
  },
  { ...shared, displayName: 'console', testMatch: ['<rootDir>/admin/src/**/*.test.ts?(x)'] },
  // The shared model's own tests: pure, no database, run once.
  { ...shared, displayName: 'model', testMatch: ['<rootDir>/model/src/**/*.test.ts'] },
  {
    ...shared,
    displayName: 'browser',
    testMatch: ['<rootDir>/admin/e2e/**/*.e2e.test.ts'],
    setupFiles: ['<rootDir>/backend/src/test-support/env.ts'],
  },
];
if (process.env.TEST_DATABASE_URL && process.env.TEST_SKIP_PGLITE !== 'true') {
  projects.push({
    ...shared,
    displayName: 'api (pglite)',
    testMatch: pgliteSuites.map((file) => `<rootDir>/${file}`),
    setupFiles: ['<rootDir>/backend/src/test-support/env-pglite.ts'],
  });
}
// Generous: a test database is migrated and seeded per file, slow on a loaded 2-core CI machine.
module.exports = { projects, testTimeout: 60000 };
