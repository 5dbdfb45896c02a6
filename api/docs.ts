// GET /openapi.json (OpenAPI 3.1, generated once from the route schemas) and GET /docs (Swagger UI, api/docs-page.ts).
import { createRequire } from 'node:module';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps';
import { mountDocsPage } from './docs-page';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'ApiKey', { type: 'apiKey', in: 'header', name: 'X-API-Key' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer', description: 'the same API key' });
  // built now, after every route is registered: a schema that cannot be documented fails at start, not per request
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Keyword intelligence API',
      version,
      description:
        'Keyword metrics, scores, trends and predictions for Amazon, Etsy and eBay, collected by Temporal workflows. ' +
        'Every POST needs the API key (X-API-Key or Authorization: Bearer); errors are JSON {error, message, field?}; ' +
        'every response carries an X-Request-Id.',
    },
  });
  const body = JSON.stringify(document);
  app.get('/openapi.json', (c) => c.body(body, 200, { 'content-type': 'application/json' }));
  mountDocsPage(app, { title: 'Keyword intelligence API', specUrl: '/openapi.json' });
}
