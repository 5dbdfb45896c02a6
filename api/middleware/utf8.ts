// Text that is not UTF-8 is refused, not guessed at: Hono decodes leniently (a bad path or query escape stays as
// "%C0%AF", a bad body byte becomes U+FFFD), which would map one request onto another. 400 naming the field.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { badRequest } from '../errors';

const fatal = new TextDecoder('utf-8', { fatal: true });
const NOT_UTF8 = 'is not valid UTF-8';

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** The path parameter a raw path's segment `index` fills, by the templates of the routes (e.g. /keywords/:keyword). */
function paramAt(templates: () => string[], segments: string[], index: number): string {
  for (const template of templates()) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    if (parts.every((p, i) => p.startsWith(':') || p === segments[i]))
      return parts[index]!.startsWith(':') ? parts[index]!.slice(1) : 'path';
  }
  return 'path';
}

/** `templates`: the app's route paths, read when a bad escape turns up (routes are mounted after this middleware). */
export function strictUtf8(templates: () => string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    if (url.includes('%')) {
      const { pathname, search } = new URL(url);
      const segments = pathname.split('/');
      const bad = segments.findIndex((s) => !decodes(s));
      if (bad >= 0) throw badRequest(paramAt(templates, segments, bad), NOT_UTF8);
      for (const pair of search.slice(1).split('&')) {
        const [name = '', value = ''] = pair.split('=', 2).map((s) => s.replace(/\+/g, ' '));
        if (!decodes(name)) throw badRequest('query', `a parameter name ${NOT_UTF8}`);
        if (!decodes(value)) throw badRequest(decodeURIComponent(name), NOT_UTF8);
      }
    }
    // multipart parts may be binary files (a UTF-16LE report export: api/routes/imports.ts reads their encoding)
    const multipart = (c.req.header('content-type') ?? '').startsWith('multipart/form-data');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.raw.body && !multipart) {
      let text: string;
      try {
        text = fatal.decode(await c.req.arrayBuffer());
      } catch {
        throw badRequest('body', NOT_UTF8);
      }
      // the validators read the body as text from here: decoded once, strictly
      (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    }
    return next();
  };
}
