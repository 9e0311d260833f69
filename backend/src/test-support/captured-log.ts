import pino, { type Logger } from 'pino';

/**
 * A logger whose JSON lines are kept in memory, so a test can assert the structured security
 * events (`login_failed`, `account_locked`, `mfa_failed`…) that a central collector would receive.
 */
export function capturedLog(level = 'info'): { logger: Logger; events: Record<string, unknown>[] } {
  const events: Record<string, unknown>[] = [];
  const logger = pino(
    { level },
    { write: (line: string) => void events.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, events };
}
