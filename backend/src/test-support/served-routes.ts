import type Router from '@koa/router';
import type { App } from '../app';

/** One (method, path) the app answers, as the koa router has it; `get` covers its HEAD. */
export interface ServedRoute {
  method: string;
  path: string;
}

/**
 * What the app's real router serves, read from the koa middleware at run time, not from
 * `app.routes`: a route mounted beside the route declarations (so without an access rule or an
 * OpenAPI entry) shows up here and nowhere else.
 */
export function servedRoutes(app: App): ServedRoute[] {
  const routers = app.koa.middleware
    .map((m) => (m as { router?: Router }).router)
    .filter((r): r is Router => r !== undefined);
  if (routers.length === 0) throw new Error('no koa router in the middleware chain');
  return [
    ...new Map(
      routers
        .flatMap((router) => router.stack)
        .flatMap((layer) =>
          layer.methods
            .filter((m) => m !== 'HEAD')
            .map((m) => ({ method: m.toLowerCase(), path: String(layer.path) })),
        )
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
  ];
}

/** The routes `http/docs.ts` mounts for the OpenAPI document and Swagger UI (public, undocumented). */
export const docsRoutes: readonly string[] = [
  'get /api/openapi.json',
  'get /api/docs',
  'get /api/docs/init.js',
  'get /api/docs/:file',
];

export const routeKey = (r: { method: string; path: string }): string => `${r.method} ${r.path}`;
