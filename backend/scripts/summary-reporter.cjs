// Jest reporter: counts results per project (displayName) and writes test-results/summary.json,
// which run-tests.mjs turns into the closing "N passed, N failed" line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.projects = new Map();
  }

  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? 'tests';
    const p = this.projects.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
    p.passed += result.numPassingTests;
    p.failed += result.numFailingTests;
    p.skipped += result.numPendingTests + result.numTodoTests;
    // A file that could not run at all counts as one failure.
    if (result.testExecError || (result.failureMessage && result.numFailingTests === 0))
      p.failed += 1;
    this.projects.set(name, p);
  }

  onRunComplete() {
    const dir = join(this.rootDir, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'summary.json'),
      JSON.stringify(Object.fromEntries(this.projects), null, 2),
    );
  }
}

module.exports = SummaryReporter;
