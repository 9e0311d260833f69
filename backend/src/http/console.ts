import type { Context, Next } from 'koa';
import send from 'koa-send';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built react-admin console at `/` (single-page app: unknown paths get index.html).
 * API and health paths are never answered here.
 */
export function serveConsole(dir: string) {
  const index = join(dir, 'index.html');
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/api') || ctx.path.startsWith('/health') || ctx.path === '/metrics')
      return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!existsSync(index)) return next();
    ctx.state.route = 'console';
    const isAsset = ctx.path.startsWith('/assets/');
    const file = ctx.path !== '/' && existsSync(join(dir, ctx.path)) ? ctx.path : '/index.html';
    if (isAsset && file === '/index.html') return next(); // a missing asset is a 404, not the app
    await send(ctx, file, {
      root: dir,
      // Hashed asset names can be cached for ever; index.html must always be fresh.
      maxage: isAsset ? 31_536_000_000 : 0,
      immutable: isAsset,
      setHeaders: (res) => {
        if (file === '/index.html') res.setHeader('Cache-Control', 'no-cache');
      },
    });
  };
}
