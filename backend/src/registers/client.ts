/**
 * registers/: the external state registers the adoption register checks its people against —
 * PMLP's population register and VDEĀVK's disability register (docs/integrations.md). This file:
 * the client (configuration, retries, circuit breaker, cache, audit, metrics); beside it the
 * message schemas (messages.ts, xml.ts), the transports (transport.ts), the breaker (breaker.ts),
 * the cache (cache.ts) and a simulator of both services (simulator/).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Db } from '../db/database';
import type { AuditEntry } from '../audit/request';
import { Problem, type FieldError } from '../http/problem';
import { validatePersonalCode } from '../latvian/personal-code';
import { backoffDelay, CircuitBreaker, type BreakerState } from './breaker';
import { AnswerCache } from './cache';
import type { RegisterMetrics } from './metrics';
import { createTransport, type RegisterFormat, type Transport } from './transport';
import {
  RegisterError,
  registerNames,
  type LookupResult,
  type RecordOf,
  type RegisterAnswer,
  type RegisterName,
} from './types';

export interface RegisterSettings {
  url: string;
  format: RegisterFormat;
  token?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  timeoutMs: number;
  retries: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  cacheMs: number;
  /** The first retry's pause; each further one doubles, up to 16 times this. */
  backoffBaseMs?: number;
}

/** Each configured register's settings (a register without a URL is not asked). */
export function registerSettings(config: Config): Partial<Record<RegisterName, RegisterSettings>> {
  const common = {
    timeoutMs: config.REGISTER_TIMEOUT_MS,
    retries: config.REGISTER_RETRIES,
    breakerThreshold: config.REGISTER_BREAKER_FAILURES,
    breakerCooldownMs: config.REGISTER_BREAKER_COOLDOWN_SECONDS * 1000,
    cacheMs: config.REGISTER_CACHE_MINUTES * 60_000,
  };
  const out: Partial<Record<RegisterName, RegisterSettings>> = {};
  const own = {
    population: {
      url: config.REGISTER_POPULATION_URL,
      format: config.REGISTER_POPULATION_FORMAT,
      token: config.REGISTER_POPULATION_TOKEN,
      certFile: config.REGISTER_POPULATION_CERT,
      keyFile: config.REGISTER_POPULATION_KEY,
      caFile: config.REGISTER_POPULATION_CA,
    },
    disability: {
      url: config.REGISTER_DISABILITY_URL,
      format: config.REGISTER_DISABILITY_FORMAT,
      token: config.REGISTER_DISABILITY_TOKEN,
      certFile: config.REGISTER_DISABILITY_CERT,
      keyFile: config.REGISTER_DISABILITY_KEY,
      caFile: config.REGISTER_DISABILITY_CA,
    },
  };
  for (const register of registerNames) {
    const { url, ...rest } = own[register];
    if (url) out[register] = { url, ...rest, ...common };
  }
  return out;
}

/**
 * Whom a query is about in our register: a record (its resource and id), or a new record being
 * entered (`entry: true`: no id yet; registers/entry.ts). The audit names the record, or for an
 * entry the personal code keyed (audit/mask.ts), so the trail says about whom without the code.
 */
export type RecordRef = { resource: string; id: number } | { resource: string; entry: true };

/** Whom a query is about in our register, and why: required for every query (the audit says so). */
export interface LookupOptions {
  recordRef: RecordRef;
  purpose: string;
}

/** A route's input or a job's context: the database (or transaction) and its audit trail. */
export interface LookupContext {
  db: Db;
  audit(entry: AuditEntry): Promise<void>;
}

export interface RegisterClientDeps {
  settings: Partial<Record<RegisterName, RegisterSettings>>;
  /** DATA_ENCRYPTION_KEY's material: the cache's keyed hash and encryption. */
  keyMaterial: string;
  metrics: RegisterMetrics;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface Register {
  settings: RegisterSettings;
  transport: Transport;
  breaker: CircuitBreaker;
}

export class RegisterClient {
  private readonly registers: Partial<Record<RegisterName, Register>> = {};
  private readonly cache: AnswerCache;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: RegisterClientDeps) {
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.cache = new AnswerCache(deps.keyMaterial);
    for (const register of registerNames) {
      const settings = deps.settings[register];
      if (!settings) continue;
      this.registers[register] = {
        settings,
        transport: createTransport(settings.format, {
          baseUrl: settings.url,
          timeoutMs: settings.timeoutMs,
          token: settings.token,
          certFile: settings.certFile,
          keyFile: settings.keyFile,
          caFile: settings.caFile,
        }),
        breaker: new CircuitBreaker({
          threshold: settings.breakerThreshold,
          cooldownMs: settings.breakerCooldownMs,
          now: () => this.now().getTime(),
        }),
      };
    }
    deps.metrics.breakerStates = () => {
      const states: Partial<Record<RegisterName, BreakerState>> = {};
      for (const [name, r] of Object.entries(this.registers)) {
        states[name as RegisterName] = r.breaker.state;
      }
      return states;
    };
  }

  lookupPerson(ctx: LookupContext, personalCode: string, options: LookupOptions) {
    return this.lookup(ctx, 'population', personalCode, options);
  }

  lookupDisability(ctx: LookupContext, personalCode: string, options: LookupOptions) {
    return this.lookup(ctx, 'disability', personalCode, options);
  }

  /** A register's breaker as of now; undefined when the register is not configured. */
  breakerState(register: RegisterName): BreakerState | undefined {
    return this.registers[register]?.breaker.state;
  }

  /** Whether the register has a URL in this environment (else every query fails not_configured). */
  configured(register: RegisterName): boolean {
    return Boolean(this.registers[register]);
  }

  /** When the register last answered about this person (from the cache, even expired), or null. */
  async lastAnsweredAt(db: Db, register: RegisterName, personalCode: string): Promise<Date | null> {
    const valid = validatePersonalCode(personalCode);
    return valid.ok ? this.cache.lastAnsweredAt(db, register, valid.normalized) : null;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.registers).map((r) => r.transport.close()));
  }

  /**
   * One look-up: from the cache while it is fresh, else from the register through the breaker and
   * the retries; audited either way, failed or not. Throws Problem 400 without a record or a
   * purpose, RegisterError when the register gave no usable answer.
   */
  async lookup<N extends RegisterName>(
    ctx: LookupContext,
    register: N,
    personalCode: string,
    options: LookupOptions,
  ): Promise<LookupResult<RecordOf[N]>> {
    const code = checkLookup(personalCode, options);
    const { metrics, log } = this.deps;
    const ref = options.recordRef;
    const audit = (outcome: string, reason?: string) =>
      ctx.audit({
        action: 'register_query',
        resource: 'registers',
        detail: {
          register,
          recordResource: ref.resource,
          recordId: 'id' in ref ? ref.id : null,
          // No record yet: `personKey` says about whom. The trail's masking (audit/mask.ts) stores
          // it keyed (HMAC under DATA_ENCRYPTION_KEY), never in clear, or masked without a keyer.
          ...('entry' in ref ? { entry: true, personKey: code } : {}),
          purpose: options.purpose,
          outcome,
          ...(reason ? { reason } : {}),
        },
      });
    const r = this.registers[register];
    if (!r) {
      metrics.calls.inc({ register, outcome: 'failed' });
      metrics.failed(register, 'not_configured');
      await audit('failed', 'not_configured');
      throw new RegisterError(
        register,
        'not_configured',
        `${register} register: no URL configured`,
      );
    }

    if (r.settings.cacheMs > 0) {
      const cached = await this.cache.get(ctx.db, register, code, this.now());
      if (cached) {
        metrics.calls.inc({ register, outcome: 'cached' });
        await audit('cached');
        return { ...cached, fromCache: true };
      }
    }

    try {
      const answer = await this.ask(r, register, code, options.purpose);
      if (r.settings.cacheMs > 0) {
        await this.cache.put(ctx.db, register, code, answer, this.now(), r.settings.cacheMs);
      }
      const outcome = answer.found ? 'found' : 'not_found';
      metrics.calls.inc({ register, outcome });
      await audit(outcome);
      return { ...answer, fromCache: false };
    } catch (err) {
      if (!(err instanceof RegisterError)) throw err;
      metrics.calls.inc({ register, outcome: 'failed' });
      // Never the personal code: the register, the kind and the HTTP status say enough.
      log.warn(
        { event: 'register_query_failed', register, kind: err.kind, status: err.status },
        err.message,
      );
      await audit('failed', err.kind);
      throw err;
    }
  }

  /** The register's answer: attempts through the breaker, retried with backoff when worth it. */
  private async ask<N extends RegisterName>(
    r: Register,
    register: N,
    personalCode: string,
    purpose: string,
  ): Promise<RegisterAnswer<RecordOf[N]>> {
    const { metrics } = this.deps;
    const base = r.settings.backoffBaseMs ?? 200;
    for (let attempt = 0; ; attempt++) {
      if (!r.breaker.tryAcquire()) {
        metrics.failed(register, 'breaker_open');
        throw new RegisterError(
          register,
          'breaker_open',
          `${register} register: not asked, it failed ${r.settings.breakerThreshold} times in a row lately`,
        );
      }
      const stop = metrics.duration.startTimer({ register });
      try {
        const answer = await r.transport.send(register, {
          personalCode,
          purpose,
          requestId: randomUUID(),
        });
        stop();
        if (answer.found && answer.record.personalCode !== personalCode) {
          throw new RegisterError(
            register,
            'malformed',
            `${register} register: answered about another person`,
          );
        }
        r.breaker.success();
        return answer;
      } catch (err) {
        stop();
        if (!(err instanceof RegisterError)) throw err;
        metrics.failed(register, err.kind);
        // A 4xx is an answer: the register is up, our request was wrong.
        if (err.kind === 'client') r.breaker.success();
        else r.breaker.failure();
        if (!err.retryable || attempt >= r.settings.retries) throw err;
        await this.sleep(
          backoffDelay(attempt + 1, { baseMs: base, maxMs: base * 16 }, this.deps.random),
        );
      }
    }
  }
}

/** The personal code normalised; 400 naming each missing or bad field. */
function checkLookup(personalCode: string, options: Partial<LookupOptions> | undefined): string {
  const errors: FieldError[] = [];
  const ref = options?.recordRef as Partial<{ resource: unknown; id: unknown; entry: unknown }>;
  if (!ref) {
    errors.push({
      path: 'recordRef',
      code: 'required',
      message: 'a query needs the record it is made for',
    });
  } else {
    if (typeof ref.resource !== 'string' || !/^[a-z][a-z-]{0,39}$/.test(ref.resource)) {
      errors.push({
        path: 'recordRef.resource',
        code: 'invalid',
        message: 'must name a resource, e.g. children',
      });
    }
    // A record (its id) or a new record's entry (`entry: true`), never both, never neither.
    if ('entry' in ref) {
      if (ref.entry !== true) {
        errors.push({ path: 'recordRef.entry', code: 'invalid', message: 'must be true' });
      } else if ('id' in ref) {
        errors.push({
          path: 'recordRef.id',
          code: 'invalid',
          message: 'an entry has no record id yet',
        });
      }
    } else if (!Number.isSafeInteger(ref.id) || (ref.id as number) < 1) {
      errors.push({ path: 'recordRef.id', code: 'invalid', message: 'must be a record id' });
    }
  }
  const purpose = options?.purpose;
  if (typeof purpose !== 'string' || !purpose.trim()) {
    errors.push({ path: 'purpose', code: 'required', message: 'a query needs its purpose' });
  } else if (purpose.length > 200) {
    errors.push({ path: 'purpose', code: 'too_long', message: 'must be at most 200 characters' });
  }
  const valid = validatePersonalCode(personalCode ?? '');
  if (!valid.ok) {
    errors.push({ path: 'personalCode', code: valid.reason, message: 'not a valid personal code' });
  }
  if (errors.length) throw Problem.validation(errors);
  return (valid as { normalized: string }).normalized;
}
