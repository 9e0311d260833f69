import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from '@koa/bodyparser';
import cors from '@koa/cors';
import helmet from 'koa-helmet';
import type { Logger } from 'pino';
import './http/types';
import type { Config } from './config/config';
import type { DatabaseHandle } from './db/connect';
import type { Broker } from './messaging/broker';
import { bodyParseError, problemMiddleware } from './http/errors';
import { requestContext } from './http/request-context';
import { mountRoutes, type RouteDef } from './http/route';
import { buildOpenApi } from './http/openapi';
import { mountDocs } from './http/docs';
import { serveConsole } from './http/console';
import { createMetrics, type Metrics } from './health/metrics';
import { healthRoutes } from './health/routes';
import type { VersionInfo } from './health/version';
import { createAuth } from './auth/routes';
import { SessionCache } from './auth/session-cache';
import { createTokenService, resolveJwtKeys, type TokenService } from './auth/tokens';
import { territoryRoutes } from './classifiers/territories/routes';
import { orphanCourtRoutes } from './classifiers/orphan-courts/routes';
import { careProviderRoutes } from './classifiers/care-providers/routes';
import { countryRoutes } from './classifiers/countries/routes';
import { userRoutes } from './users/routes';
import { childRoutes } from './children/routes';
import { adopterRoutes } from './adopters/routes';
import { exportRoutes } from './export/routes';
import { siblingGroupRoutes } from './sibling-groups/routes';
import { childStatusRoutes } from './children/status-routes';
import { adopterStatusRoutes } from './adopters/status-routes';
import { statusMachineRoutes } from './people/status-machine-routes';
import { childStatusMachine } from './children/status';
import { adopterStatusMachine } from './adopters/status';
import { statisticsRoutes } from './statistics/routes';
import { dashboardRoutes } from './dashboard/routes';
import { auditRoutes } from './audit/routes';
import { recordHistoryRoutes } from './audit/history-routes';
import { mailSecrets } from './messaging/outbox';
import { outgoingMailRoutes } from './messaging/outgoing-mail-routes';
import { attachmentRoutes } from './attachments/routes';
import { fieldHistoryRoutes } from './history/routes';
import { changeRequestRoutes } from './change-requests/routes';
import { offerRoutes } from './offers/routes';
import { offerStatusMachine } from './offers/machine';
import { selectionRoutes } from './selection/routes';
import { termKeyer } from './audit/mask';
import { encryptionKeyMaterial } from './db/secret-box';
import { jobRoutes } from './jobs/routes';
import type { JobQueue } from './jobs/queue';
import { campaignRoutes } from './campaigns/routes';
import { RegisterClient, registerSettings } from './registers/client';
import { RegisterMetrics } from './registers/metrics';
import { registerCheckRoutes } from './registers/routes';
import { registerDifferenceRoutes } from './registers/differences-routes';
import { registerEntryRoutes } from './registers/entry';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  version: VersionInfo;
  /**
   * Secret of the key JWT_KEY_ID when JWT_KEYS does not define it (JWT_SECRET; main.ts supplies an
   * ephemeral one in development when none is configured).
   */
  jwtSecret?: string;
  /** The clock of sessions, lockout and tokens; tests move it instead of sleeping. */
  now?: () => Date;
  broker?: Broker;
  /** Directory of the built console; not served when undefined. */
  consoleDir?: string;
  /** The process's metrics (server.ts shares them with the messaging it runs); new otherwise. */
  metrics?: Metrics;
  /** The process's job queue (server.ts); starting a job answers 503 without one. */
  jobs?: JobQueue;
}

/** The external registers' client of an app: from REGISTER_*, its metrics on the app's registry. */
export function createRegisterClient(
  config: Config,
  metrics: Metrics,
  logger: Logger,
  now?: () => Date,
): RegisterClient {
  return new RegisterClient({
    settings: registerSettings(config),
    keyMaterial: encryptionKeyMaterial(config),
    metrics: new RegisterMetrics(metrics.registry),
    log: logger,
    now,
  });
}

/** The Koa application: middleware chain, every route, the OpenAPI document. */
export class App {
  readonly koa: Koa;
  readonly routes: RouteDef[];
  readonly tokens: TokenService;
  /** Live sessions this process has seen (auth/session-cache.ts); stopped with `close()`. */
  readonly sessions: SessionCache;
  /** Base of links in e-mails: PUBLIC_URL, else the address the server listens on (set by server.ts). */
  publicUrl: string;
  /** The job queue runs are started on (tests attach one after construction). */
  jobs: JobQueue | undefined;
  /** PMLP's and VDEĀVK's client (registers/): one per app, closed with it. */
  readonly registers: RegisterClient;

  constructor(deps: AppDeps) {
    const { config, database, logger } = deps;
    // Client addresses (rate limits, audit, logs) come from X-Forwarded-For only behind a trusted proxy.
    this.koa = new Koa({ proxy: config.TRUST_PROXY });
    this.publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    this.jobs = deps.jobs;
    const metrics = deps.metrics ?? createMetrics();
    const now = deps.now ?? (() => new Date());
    this.tokens = createTokenService({
      keys: resolveJwtKeys(config.JWT_KEYS, config.JWT_KEY_ID, deps.jwtSecret),
      currentKeyId: config.JWT_KEY_ID,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      now,
    });
    // Live sessions cached per process, emptied by every revocation (LISTEN/NOTIFY).
    this.sessions = new SessionCache(config.SESSION_CACHE_SECONDS).listenOn(database);
    const auth = createAuth({
      db: database.db,
      tokens: this.tokens,
      config,
      now,
      sessions: this.sessions,
    });
    // Search terms reach the audit trail keyed, never in clear (audit/mask.ts).
    const keyTerm = termKeyer(encryptionKeyMaterial(config));
    this.registers = createRegisterClient(config, metrics, logger, now);

    this.routes = [
      ...healthRoutes({
        database,
        broker: deps.broker,
        metrics,
        environment: { name: config.APP_ENV, ...deps.version },
      }),
      ...auth.routes,
      ...territoryRoutes(config.LIST_MAX_PAGE),
      ...orphanCourtRoutes(config.LIST_MAX_PAGE),
      ...careProviderRoutes(config.LIST_MAX_PAGE),
      ...countryRoutes(config.LIST_MAX_PAGE),
      ...userRoutes({
        maxPage: config.LIST_MAX_PAGE,
        links: { publicUrl: () => this.publicUrl, sealer: mailSecrets(config) },
      }),
      ...auditRoutes(config.LIST_MAX_PAGE, keyTerm),
      ...recordHistoryRoutes(config.LIST_MAX_PAGE),
      ...outgoingMailRoutes(config.LIST_MAX_PAGE),
      ...exportRoutes(), // before the children's and adopters' `/:id`
      ...childRoutes(config.LIST_MAX_PAGE),
      ...adopterRoutes(config.LIST_MAX_PAGE),
      ...siblingGroupRoutes(config.LIST_MAX_PAGE),
      ...childStatusRoutes(),
      ...attachmentRoutes({ maxBytes: config.ATTACHMENT_MAX_BYTES, dir: config.ATTACHMENTS_DIR }),
      ...adopterStatusRoutes(),
      ...statusMachineRoutes({
        children: childStatusMachine,
        adopters: adopterStatusMachine,
        offers: offerStatusMachine,
      }),
      ...fieldHistoryRoutes('children', 'Children'),
      ...fieldHistoryRoutes('adopters', 'Adopters'),
      ...changeRequestRoutes({ maxPage: config.LIST_MAX_PAGE, publicUrl: () => this.publicUrl }),
      ...offerRoutes({
        maxPage: config.LIST_MAX_PAGE,
        office: { phone: config.OFFICE_PHONE, email: config.OFFICE_EMAIL },
      }),
      ...statisticsRoutes({ minCell: config.STATISTICS_MIN_CELL }),
      ...dashboardRoutes({ minCell: config.STATISTICS_MIN_CELL }),
      ...jobRoutes({ maxPage: config.LIST_MAX_PAGE, queue: () => this.jobs }),
      ...campaignRoutes({ maxPage: config.LIST_MAX_PAGE }),
      ...selectionRoutes(config.LIST_MAX_PAGE),
      ...registerCheckRoutes({ client: () => this.registers, now }),
      ...registerDifferenceRoutes(config.LIST_MAX_PAGE),
      ...registerEntryRoutes({
        client: () => this.registers,
        now,
        limit: config.RATE_LIMIT_REGISTER_ENTRY,
      }),
    ];

    const router = new Router();
    mountRoutes(router, this.routes, {
      db: database.db,
      authenticate: auth.authenticate,
      keyTerm,
    });
    let openapi: unknown;
    mountDocs(router, () => (openapi ??= buildOpenApi(this.routes, deps.version)));

    const app = this.koa;
    app.use(requestContext(logger, metrics));
    app.use(problemMiddleware);
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            // MUI (emotion) injects style elements at run time.
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:', 'blob:'],
            fontSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
          },
        },
      }),
    );
    app.use(
      cors({
        origin: (ctx) => (config.CORS_ORIGINS.includes(ctx.get('origin')) ? ctx.get('origin') : ''),
        exposeHeaders: ['Content-Range', 'X-Request-Id'],
        allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      }),
    );
    app.use(async (ctx, next) => {
      // Same-origin clients read these too; cross-origin ones get them from CORS above.
      if (ctx.path.startsWith('/api'))
        ctx.set('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
      await next();
    });
    app.use(
      bodyParser({
        enableTypes: ['json'],
        jsonLimit: config.BODY_LIMIT,
        encoding: 'utf-8',
        onError: bodyParseError,
      }),
    );
    app.use(router.routes());
    // Sets 405/501 with an Allow header; problemMiddleware turns the empty answer into a problem.
    app.use(router.allowedMethods());
    if (deps.consoleDir) app.use(serveConsole(deps.consoleDir));
  }

  callback() {
    return this.koa.callback();
  }

  /** Stops listening for revocations (closing the database stops it too) and the registers' client. */
  async close() {
    await this.sessions.close();
    await this.registers.close();
  }
}
