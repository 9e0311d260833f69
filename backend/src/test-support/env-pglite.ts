// Jest setup for the repeat run of the API suite on embedded PGlite (see jest.config.js).
process.env.TEST_DB_MODE = 'pglite';
process.env.LOG_LEVEL ??= 'silent';
