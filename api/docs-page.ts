// GET /docs: Swagger UI from the swagger-ui-dist package, its files served by the app itself under /docs/assets/, so
// the page works on an install without internet. Like every GET it needs no API key; the page's Authorize button
// sends the key with the requests it tries (the securitySchemes of /openapi.json).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './deps';

const require = createRequire(import.meta.url);
const distDir = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
const { version } = require('swagger-ui-dist/package.json') as { version: string };

const DOCS_ASSETS = '/docs/assets';
/** The page's script, a file rather than inline so a Content-Security-Policy of 'self' needs no exception. */
const INIT_SCRIPT = 'init.js';
/** The package files the page may load (the maps only when a browser's developer tools ask), by content type. */
const PACKAGE_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'swagger-ui.css.map': 'application/json',
  'swagger-ui-bundle.js.map': 'application/json',
};
// the package's version in every address: a new version is a new URL, so browsers may keep a file for good
const CACHE = 'public, max-age=31536000, immutable';
const asset = (file: string) => `${DOCS_ASSETS}/${file}?v=${version}`;

export function mountDocsPage(app: OpenAPIHono<AppEnv>, { title, specUrl }: { title: string; specUrl: string }): void {
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="${asset('swagger-ui.css')}">
  <link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${asset('swagger-ui-bundle.js')}"></script>
  <script src="${asset(INIT_SCRIPT)}"></script>
</body>
</html>
`;
  const init = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#swagger-ui' });\n`;
  // read on first request and kept: the bundle is about 1.5 MB that an API without docs readers never needs
  const loaded = new Map<string, Promise<Buffer>>();
  const load = (file: string) => {
    let body = loaded.get(file);
    if (!body) loaded.set(file, (body = readFile(path.join(distDir, file))));
    return body;
  };

  app.get('/docs', (c) => c.html(html));
  app.get(`${DOCS_ASSETS}/:file`, async (c) => {
    const file = c.req.param('file');
    if (file === INIT_SCRIPT) return c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    const type = Object.hasOwn(PACKAGE_FILES, file) ? PACKAGE_FILES[file] : undefined;
    if (!type) return c.notFound();
    return c.body(new Uint8Array(await load(file)), 200, { 'content-type': type, 'cache-control': CACHE });
  });
}
