// Jest setup for the API projects: which database the tests use.
// TEST_DATABASE_URL set → each test file gets its own database on that PostgreSQL server;
// unset → each test file gets its own in-memory PGlite.
process.env.TEST_DB_MODE = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';
process.env.LOG_LEVEL ??= 'silent';
