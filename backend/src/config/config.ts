/**
 * config/: every setting the processes read from the environment (README's table), validated
 * once at start into a typed configuration; a bad value stops the process with one line naming the
 * variable (see loadConfig). What a setting is used for lives where it is used.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (s) => {
      try {
        return protocols.includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** `<points>/<seconds>` (e.g. `10/60`: ten per minute) or `off`. */
const rateLimit = (fallback: string) =>
  z
    .string()
    .regex(/^(off|[1-9]\d{0,6}\/[1-9]\d{0,6})$/, 'must look like 10/60 (points/seconds) or off')
    .default(fallback)
    .transform((s) => {
      if (s === 'off') return undefined;
      const [points, seconds] = s.split('/').map(Number) as [number, number];
      return { points, seconds };
    });

/** `kid:secret,kid2:secret2` → `{ kid: secret, kid2: secret2 }`. */
const jwtKeys = z.string().transform((s, ctx) => {
  const keys: Record<string, string> = {};
  for (const part of s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    const kid = part.slice(0, Math.max(at, 0));
    const secret = part.slice(at + 1);
    if (at < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(kid) || kid in keys) {
      ctx.addIssue({
        code: 'custom',
        message: 'must look like kid:secret,kid2:secret2 (unique ids)',
      });
      return z.NEVER;
    }
    if (secret.length < 32) {
      ctx.addIssue({
        code: 'custom',
        message: `secret of key ${kid} must be at least 32 characters`,
      });
      return z.NEVER;
    }
    keys[kid] = secret;
  }
  return keys;
});

export const configSchema = z
  .object({
    APP_ENV: z.enum(['dev', 'test', 'prod']).default('dev'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** How long a new PostgreSQL connection may take before the attempt fails (503, not a hang). */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    PGLITE_DIR: z.string().min(1).default('./data/pglite'),
    AMQP_URL: url(['amqp:', 'amqps:']).optional(),
    /** Names of the exchange and queues start with this (two environments on one broker). */
    AMQP_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be lowercase letters, digits, ".", "_" or "-"')
      .default('adoption-register'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Adopcijas reģistrs <adopcija@register.invalid>'),
    MAIL_DIR: z.string().min(1).default('./data/mail'),
    /** The adoption office's phone and e-mail in letters to adopters (the offer's contact). */
    OFFICE_PHONE: z.string().min(5).max(25).default('+371 67 021 600'),
    OFFICE_EMAIL: z.string().email().default('adopcija@register.example.lv'),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    /** Seconds before each retry of a temporarily failed mail (the last one repeats). */
    MAIL_RETRY_DELAYS: z
      .string()
      .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be seconds separated by commas, e.g. 10,60,300')
      .default('10,60,300,1800,7200')
      .transform((s) => s.split(',').map((n) => Math.round(Number(n) * 1000))),
    MAIL_PREFETCH: z.coerce.number().int().min(1).max(1000).default(10),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60000).default(500),
    /** A relay or worker with work waiting and no progress for this long is unready (stalled). */
    WORKER_STALL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    /** Port of the health and metrics answer of `npm run worker` (0 = none). */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** Port of the health and metrics answer of `npm run relay` (0 = none). */
    RELAY_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    /** The API process also runs the outbox relay and the mail worker (one-process default). */
    RUN_MESSAGING: bool.default(true),
    /** The API process also runs the jobs (pg-boss workers and the nightly schedule, jobs/). */
    RUN_JOBS: bool.default(true),
    /** The register's own mailbox: reminders of deadlines the specialists must act on. */
    REGISTER_MAILBOX: z
      .email('must be an e-mail address')
      .max(254, 'must be at most 254 characters')
      .default('adopcija@register.invalid'),
    // External registers (registers/, docs/integrations.md): PMLP's population register and
    // VDEĀVK's disability register, each by its own URL, encoding and credential.
    REGISTER_POPULATION_URL: url(['http:', 'https:']).optional(),
    REGISTER_POPULATION_FORMAT: z.enum(['json', 'soap']).default('json'),
    REGISTER_POPULATION_TOKEN: z.string().min(1).optional(),
    REGISTER_POPULATION_CERT: z.string().min(1).optional(),
    REGISTER_POPULATION_KEY: z.string().min(1).optional(),
    /** CA certificates (PEM) the register's server certificate is checked against. */
    REGISTER_POPULATION_CA: z.string().min(1).optional(),
    REGISTER_DISABILITY_URL: url(['http:', 'https:']).optional(),
    REGISTER_DISABILITY_FORMAT: z.enum(['json', 'soap']).default('json'),
    REGISTER_DISABILITY_TOKEN: z.string().min(1).optional(),
    REGISTER_DISABILITY_CERT: z.string().min(1).optional(),
    REGISTER_DISABILITY_KEY: z.string().min(1).optional(),
    REGISTER_DISABILITY_CA: z.string().min(1).optional(),
    /** How long one query may take, connection and whole answer. */
    REGISTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    /** Further attempts after a timeout, 5xx or reset connection (never after a 4xx). */
    REGISTER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    REGISTER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    REGISTER_BREAKER_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** How long an answer is used from the cache (0 = always ask). */
    REGISTER_CACHE_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
    /** Queries a bulk check (the nightly reconciliation) sends at once, per register. */
    REGISTER_PARALLEL: z.coerce.number().int().min(1).max(32).default(4),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_KEY_ID: z.string().min(1).default('k1'),
    JWT_KEYS: jwtKeys.optional(),
    /** Encrypts secrets at rest: TOTP secrets, one-time links in queued mail (db/secret-box.ts); a fixed, public key in dev without it. */
    DATA_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** How long a process may answer from its cache of live sessions (auth/session-cache.ts); 0 = no cache. */
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    LOGIN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_DELAY_BASE_SECONDS: z.coerce.number().min(0).max(3600).default(1),
    LOCKOUT_THRESHOLD: z.coerce.number().int().min(2).max(1000).default(10),
    RATE_LIMIT_LOGIN_IP: rateLimit('100/300'),
    RATE_LIMIT_LOGIN_USER: rateLimit('10/60'),
    RATE_LIMIT_REFRESH_IP: rateLimit('300/300'),
    RATE_LIMIT_CHANGE_PASSWORD: rateLimit('5/900'),
    RATE_LIMIT_MFA: rateLimit('10/300'),
    /** Population-register look-ups on entry of a new card, per user (registers/entry.ts). */
    RATE_LIMIT_REGISTER_ENTRY: rateLimit('60/3600'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 1mb or 512kb')
      .default('1mb'),
    LIST_MAX_PAGE: z.coerce.number().int().min(1000).max(10000).default(1000),
    /** Largest photo or document attached to a child's card, in bytes (10 MiB). */
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** Attachments are kept as files here (one per random key); unset = in the database. */
    ATTACHMENTS_DIR: z.string().min(1).optional(),
    /** Statistics withhold counts below this (small-cell suppression). */
    STATISTICS_MIN_CELL: z.coerce.number().int().min(2).max(100).default(5),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    SERVE_CONSOLE: bool.default(true),
    TRUST_PROXY: bool.default(false),
    CONSOLE_DIR: z.string().min(1).optional(),
    MIGRATE_ON_START: bool.default(true),
    DEMO_DATA: bool.optional(),
    BOOTSTRAP_ADMIN_USER: z
      .string()
      .regex(/^[a-z0-9._-]{3,64}$/, 'must be 3–64 characters of a-z, 0-9, ".", "_" or "-"')
      .default('admin'),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    APP_VERSION: z.string().min(1).optional(),
    APP_COMMIT: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    // Outside development a signing secret must be configured, so tokens survive restarts and
    // every API process of an environment accepts the others' tokens.
    if (c.APP_ENV !== 'dev' && !c.JWT_SECRET && !c.JWT_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `is required when APP_ENV=${c.APP_ENV}`,
      });
    }
    // Likewise the key of the stored TOTP secrets: without it no one could sign in with a code
    // after a restart, and development's fixed key is public.
    if (c.APP_ENV !== 'dev' && !c.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_ENCRYPTION_KEY'],
        message: `is required when APP_ENV=${c.APP_ENV}`,
      });
    }
    // JWT_SECRET is the key JWT_KEY_ID; JWT_KEYS adds (older or newer) keys beside it.
    if (c.JWT_KEYS && c.JWT_SECRET && c.JWT_KEY_ID in c.JWT_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_KEYS'],
        message: `must not define the key ${c.JWT_KEY_ID} that JWT_SECRET already is`,
      });
    }
    if (c.JWT_KEYS && !c.JWT_SECRET && !(c.JWT_KEY_ID in c.JWT_KEYS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_KEY_ID'],
        message: 'must name one of the keys in JWT_KEYS',
      });
    }
    // A client certificate is a pair: one without the other cannot sign a TLS handshake.
    for (const r of ['POPULATION', 'DISABILITY'] as const) {
      if (Boolean(c[`REGISTER_${r}_CERT`]) !== Boolean(c[`REGISTER_${r}_KEY`])) {
        ctx.addIssue({
          code: 'custom',
          path: [c[`REGISTER_${r}_CERT`] ? `REGISTER_${r}_KEY` : `REGISTER_${r}_CERT`],
          message: `must be set together with REGISTER_${r}_${c[`REGISTER_${r}_CERT`] ? 'CERT' : 'KEY'}`,
        });
      }
    }
    if (c.LOCKOUT_THRESHOLD <= c.LOGIN_FREE_ATTEMPTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCKOUT_THRESHOLD'],
        message: 'must be greater than LOGIN_FREE_ATTEMPTS',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const given = cleaned[name];
  const shown =
    given === undefined || /SECRET|PASSWORD|URL|TOKEN|KEYS$|_KEY$/.test(name)
      ? ''
      : ` (got "${given}")`;
  throw new ConfigError(`Configuration error: ${name} ${issue.message}${shown}`);
}

/** For process entry points: prints the one-line reason and exits non-zero on bad configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
