// One jest run for the whole repository; `backend/scripts/run-tests.mjs` sums the projects.
// With TEST_DATABASE_URL set the API suite runs against that PostgreSQL server AND again against
// embedded PGlite, so both database paths stay proven.
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
    testMatch: apiTests,
    setupFiles: ['<rootDir>/backend/src/test-support/env-pglite.ts'],
  });
}
// Generous: a test database is migrated and seeded per file, slow on a loaded 2-core CI machine.
module.exports = { projects, testTimeout: 60000 };
