import type Router from '@koa/router';
import send from 'koa-send';
import { dirname } from 'node:path';

const uiDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Adoption Register API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** `GET /api/openapi.json` and a browsable Swagger UI at `/api/docs` (served locally, no CDN). */
export function mountDocs(router: Router, document: () => unknown): void {
  router.get('/api/openapi.json', (ctx) => {
    ctx.state.route = '/api/openapi.json';
    ctx.body = document();
  });
  router.get('/api/docs', (ctx) => {
    ctx.state.route = '/api/docs';
    ctx.type = 'html';
    ctx.body = page;
  });
  router.get('/api/docs/init.js', (ctx) => {
    ctx.state.route = '/api/docs';
    ctx.type = 'application/javascript';
    ctx.body = init;
  });
  router.get('/api/docs/:file', async (ctx) => {
    ctx.state.route = '/api/docs';
    if (!/^swagger-ui[\w.-]*\.(css|js)$/.test(ctx.params.file!)) return;
    await send(ctx, ctx.params.file!, { root: uiDir, maxage: 86_400_000 });
  });
}
