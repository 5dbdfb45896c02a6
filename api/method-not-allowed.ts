// 405 with Allow for a method a known path does not have (TRACE /, GET /collect/keywords); unknown paths stay 404.
import type { Context } from 'hono';
import { errorResponse, HttpError } from './errors';

interface RouteEntry {
  method: string;
  path: string;
}

const compiled = new WeakMap<RouteEntry, RegExp>();
/** A route template as a regex: /keywords/:keyword matches one segment per parameter. */
function patternOf(r: RouteEntry): RegExp {
  let pattern = compiled.get(r);
  if (!pattern) {
    const parts = r.path.split('/').map((p) => (p.startsWith(':') ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    compiled.set(r, (pattern = new RegExp(`^${parts.join('/')}/?$`)));
  }
  return pattern;
}

/** The methods the app routes for a concrete path. */
export function allowedMethods(routes: RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) if (r.method !== 'ALL' && patternOf(r).test(path)) methods.add(r.method);
  // Hono answers HEAD with the GET route
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The app's not-found handler: 405 naming the allowed methods when the path exists, 404 otherwise. */
export function notFoundOrNotAllowed(routes: () => RouteEntry[]) {
  return (c: Context) => {
    const allowed = allowedMethods(routes(), c.req.path);
    // a route of this method that found nothing (an unlisted /docs/assets file) is a 404 too
    if (allowed.length === 0 || allowed.includes(c.req.method)) {
      return errorResponse(c, new HttpError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
    }
    c.header('Allow', allowed.join(', '));
    return errorResponse(
      c,
      new HttpError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allowed.join(', ')}`),
    );
  };
}
