import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fault tests measure how long the system took to recover after a dependency came back and
 * append it here (`test-results/recovery.jsonl`, one JSON line per measurement), so a CI run
 * leaves the figures that docs/operations.md records. Timing is reported, never asserted tightly.
 */
export function recordRecovery(scenario: string, ms: number, extra: Record<string, unknown> = {}) {
  const dir = join(__dirname, '..', '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  const db = process.env.TEST_DB_MODE ?? 'unknown';
  appendFileSync(
    join(dir, 'recovery.jsonl'),
    `${JSON.stringify({ scenario, ms: Math.round(ms), db, at: new Date().toISOString(), ...extra })}\n`,
  );
}

/** Milliseconds until `check` first passes (polled every 25 ms), or throws after `limitMs`. */
export async function timeUntil(check: () => Promise<boolean>, limitMs = 30_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`not recovered within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
