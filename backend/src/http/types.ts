import type { Logger } from 'pino';
import type { Actor } from '../auth/actor';

// What the middleware chain puts on every request.
declare module 'koa' {
  interface DefaultState {
    requestId: string;
    /** The signed-in user, set by authentication on non-public routes. */
    actor?: Actor;
    /** Route pattern, for logs and metrics (never the raw URL: it may carry search text). */
    route?: string;
  }
  interface DefaultContext {
    log: Logger;
  }
}

export {};
