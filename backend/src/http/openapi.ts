import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { z } from 'zod';
import type { RouteDef } from './route';

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional()
      .meta({ description: 'For validation problems: each bad field with its path and message.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** The OpenAPI 3.1 document, generated from the same route declarations and zod schemas that validate requests. */
export function buildOpenApi(routes: RouteDef[], info: { version: string }): object {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const status = route.response?.status ?? 200;
    const operation: ZodOpenApiOperationObject = {
      summary: route.summary,
      tags: route.tags,
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(route.access !== 'public' && route.access !== 'signed-in'
        ? { description: `Requires permission \`${route.access}\`.` }
        : {}),
      // Machine-readable for clients and the generated hostile-input test: `public`, `signed-in`
      // or the permission (policies/permissions.ts).
      'x-access': route.access,
      requestParams: {
        ...(route.params ? { path: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
      },
      ...(route.body
        ? { requestBody: { content: { 'application/json': { schema: route.body } } } }
        : {}),
      responses: {
        [status]: {
          description: route.response?.description ?? 'OK',
          ...(route.response?.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(route.response.headers).map(([h, d]) => [
                    h,
                    { description: d, schema: { type: 'string' } },
                  ]),
                ),
              }
            : {}),
          ...(route.response?.schema
            ? { content: { 'application/json': { schema: route.response.schema } } }
            : {}),
        },
        ...(route.params || route.query || route.body
          ? { 400: problem('Invalid request: see `errors`') }
          : {}),
        ...(route.access !== 'public'
          ? { 401: problem('Not signed in'), 403: problem('Role not allowed') }
          : {}),
        ...(route.params ? { 404: problem('No such record') } : {}),
        ...(route.method === 'put' || route.method === 'delete' || route.method === 'post'
          ? { 409: problem('Conflict: stale version, duplicate or still referenced') }
          : {}),
      },
    };
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Adoption Register API (Adopcijas reģistrs)',
      version: info.version,
      description:
        'REST API of the Latvian Adoption Register. Lists follow the ra-data-simple-rest contract: ' +
        '`sort=["field","ASC"]`, `range=[0,24]`, `filter={"field":value,"q":"text"}`, total in `Content-Range`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
    paths,
  });
}
