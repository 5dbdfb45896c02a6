// The OpenAPI document: valid OpenAPI 3.1, and it describes exactly the routes the app serves.
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDashboardPath } from '../../api/dashboard/routes';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { testApp, type App } from './test-app';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { request } from 'undici';
import { CURSOR_PATTERN } from '../../api/cursor';
import { KEYWORD_PATTERN } from '../../api/validate';

let stack: TestStack;
let app: App;
let doc: OpenAPIV3_1.Document;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-22' });
  app = testApp(stack, `api-doc-${uid()}`);
  doc = (await (await app.request('/openapi.json')).json()) as OpenAPIV3_1.Document;
});
afterAll(() => stack?.close());

const SELF = new Set(['/openapi.json', '/docs', '/docs/assets/:file']);
/** Every method + path the app routes (middleware registers as ALL), in OpenAPI's {param} form; the dashboard's HTML pages are no API. */
const served = () =>
  [
    ...new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !SELF.has(r.path) && !isDashboardPath(r.path))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    ),
  ].sort();
const documented = () =>
  Object.entries(doc.paths ?? {})
    .flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${path}`),
    )
    .sort();
const operations = () =>
  Object.values(doc.paths ?? {}).flatMap((item) =>
    (['get', 'post'] as const).flatMap((m) => (item?.[m] ? [[m, item[m] as OpenAPIV3_1.OperationObject] as const] : [])),
  );

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('covers every route the app serves, and nothing else', () => {
    expect(served().length).toBeGreaterThanOrEqual(17);
    expect(documented()).toEqual(served());
  });

  it('documents request and response schemas, errors, and the API key on every POST', () => {
    for (const [method, op] of operations()) {
      const responses = op.responses ?? {};
      const success = Object.keys(responses).filter((s) => /^2/.test(s));
      expect(success.length, op.summary).toBeGreaterThan(0);
      // JSON everywhere but the Prometheus scrape (text/plain)
      for (const s of success) {
        const content = (responses[s] as OpenAPIV3_1.ResponseObject).content ?? {};
        const type = op.summary?.includes('Prometheus') ? 'text/plain' : 'application/json';
        expect(content[type]?.schema, `${op.summary} ${s}`).toBeDefined();
      }
      // the probes and the index page touch no backing service; the probes are never rate-limited
      if (!op.tags?.includes('system')) expect(Object.keys(responses), op.summary).toEqual(expect.arrayContaining(['429', '500', '503']));
      const failures = Object.entries(responses).filter(([s]) => /^[45]/.test(s));
      expect(failures.length, op.summary).toBeGreaterThan(0);
      if (method === 'post') {
        expect(op.security, op.summary).toEqual([{ ApiKey: [] }, { Bearer: [] }]);
        expect(Object.keys(responses), op.summary).toEqual(expect.arrayContaining(['400', '401', '413', '415']));
      } else {
        expect(op.security, op.summary).toBeUndefined();
      }
    }
    expect(doc.components?.securitySchemes).toMatchObject({
      ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      Bearer: { type: 'http', scheme: 'bearer' },
    });
    const collect = doc.paths?.['/collect/keywords']?.post;
    expect(collect?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CollectRequest' } } },
    });
    expect(Object.keys(collect?.responses ?? {})).toEqual(expect.arrayContaining(['200', '202', '409', '422']));
  });

  it('starts no work on a GET: the routes that start runs answer GET with 405 and Allow: POST', async () => {
    for (const path of ['/collect/keywords', '/process/keywords', '/models/train', '/predict/success', '/schedules/x/trigger']) {
      const res = await app.request(path);
      expect([path, res.status, res.headers.get('allow')]).toEqual([path, 405, 'POST']);
    }
  });

  it('answers a method a known path does not have with 405 and Allow; unknown paths stay 404', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/', 'GET, HEAD'],
      ['PUT', '/keywords', 'GET, HEAD'],
      ['PATCH', '/keywords/svg/observations', 'GET, HEAD'],
      ['OPTIONS', '/health', 'GET, HEAD'],
      ['DELETE', '/analyze/trends', 'GET, HEAD, POST'],
      ['PUT', '/schedules/x/pause', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await app.request(path, { method });
      expect([method, path, res.status, res.headers.get('allow')]).toEqual([method, path, 405, allow]);
      expect(await res.json()).toEqual({ error: 'method_not_allowed', message: `${method} is not allowed on ${path}; allowed: ${allow}` });
    }
    for (const path of ['/nope', '/keywords/a/b/c']) expect((await app.request(path, { method: 'DELETE' })).status).toBe(404);
  });

  it('answers TRACE with 405 over a real socket (Fetch refuses to even build a TRACE request)', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await request(`http://127.0.0.1:${port}/`, { method: 'TRACE' });
      expect([res.statusCode, res.headers.allow]).toEqual([405, 'GET, HEAD']);
      await res.body.dump();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('states the constraints the server checks: day range, keyword pattern, cursor shape', () => {
    const list = doc.paths?.['/keywords']?.get?.parameters as OpenAPIV3_1.ParameterObject[];
    const param = (name: string) => list.find((p) => p.name === name)!.schema as OpenAPIV3_1.SchemaObject;
    expect(param('day')).toMatchObject({ format: 'date', pattern: expect.stringMatching(/^\^\(\?:\(\?:2000\|/) });
    expect(param('cursor').pattern).toBe(CURSOR_PATTERN);
    expect(param('limit')).toMatchObject({ minimum: 1, maximum: 200 });
    const keyword = (doc.paths?.['/keywords/{keyword}']?.get?.parameters as OpenAPIV3_1.ParameterObject[])[0]!
      .schema as OpenAPIV3_1.SchemaObject;
    expect(keyword.pattern).toBe(KEYWORD_PATTERN);
    const collect = doc.components?.schemas?.CollectRequest as OpenAPIV3_1.SchemaObject;
    expect((collect.properties?.keywords as OpenAPIV3_1.ArraySchemaObject).items).toMatchObject({ pattern: KEYWORD_PATTERN });
  });

  it('serves interactive docs at /docs pointing at the spec, without an API key', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<div id="swagger-ui"></div>');
    const script = await app.request('/docs/assets/init.js');
    expect(await script.text()).toBe(`window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: '#swagger-ui' });\n`);
  });

  it('loads nothing from elsewhere: every file the /docs page names is served here, with its content type', async () => {
    const html = await (await app.request('/docs')).text();
    expect(html).not.toMatch(/https?:|\/\//);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const files = refs.map((ref) => /^\/docs\/assets\/([\w.-]+)\?v=\d+\.\d+\.\d+$/.exec(ref)?.[1]);
    expect(files).toEqual(['swagger-ui.css', 'favicon-32x32.png', 'swagger-ui-bundle.js', 'init.js']);
    const types = { css: /^text\/css/, png: /^image\/png$/, js: /^text\/javascript/ } as Record<string, RegExp>;
    for (const ref of refs) {
      const asset = await app.request(ref);
      expect([ref, asset.status]).toEqual([ref, 200]);
      expect(asset.headers.get('content-type')).toMatch(types[ref.replace(/\?.*/, '').split('.').pop()!]!);
      expect(asset.headers.get('cache-control')).toMatch(ref.includes('init.js') ? /^no-cache$/ : /max-age=31536000/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(ref.includes('init.js') ? 50 : 500);
    }
    // the bundle is Swagger UI itself, and the folder serves only the files listed
    expect(await (await app.request('/docs/assets/swagger-ui-bundle.js')).text()).toContain('SwaggerUIBundle');
    for (const missing of ['index.html', 'package.json', '..%2Fpackage.json', 'swagger-initializer.js']) {
      expect([missing, (await app.request(`/docs/assets/${missing}`)).status]).toEqual([missing, 404]);
    }
  });
});
