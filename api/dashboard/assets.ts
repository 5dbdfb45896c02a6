// GET /assets/*: the dashboard's stylesheet and scripts, and uPlot from node_modules, served by the app itself
// (no CDN: the dashboard works offline). Read once at startup; cached by the browser for an hour.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const own = (name: string) => fileURLToPath(new URL(`./assets/${name}`, import.meta.url));

const FILES: Record<string, { path: string; type: string }> = {
  'app.css': { path: own('app.css'), type: 'text/css' },
  'charts.js': { path: own('charts.js'), type: 'text/javascript' },
  'progress.js': { path: own('progress.js'), type: 'text/javascript' },
  'uplot.js': { path: require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'text/javascript' },
  'uplot.css': { path: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css' },
};

export function assetRoutes() {
  const loaded = new Map(Object.entries(FILES).map(([name, f]) => [name, { body: readFileSync(f.path), type: f.type }]));
  return new Hono().get('/assets/:name', (c) => {
    const file = loaded.get(c.req.param('name'));
    if (!file) return c.text('no such asset', 404);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': `${file.type}; charset=utf-8`,
      'cache-control': 'public, max-age=3600',
    });
  });
}
