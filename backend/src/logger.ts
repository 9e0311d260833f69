import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs for a central collector. Redaction is a safety net; the rule is that
 * personal codes, health data and passwords are never passed to the logger at all.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'adoption-register' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'personalCode',
        '*.personalCode',
      ],
      censor: '[redacted]',
    },
  });
}
