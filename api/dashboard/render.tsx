// Turning a page into a response: the layout around it, a doctype, and the session's sign-in rules.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './components/layout';
import type { DashEnv } from './session';

export async function page(
  c: Context<DashEnv>,
  title: string,
  body: Child,
  options: { scripts?: string[]; status?: ContentfulStatusCode } = {},
) {
  const html = (
    <Layout title={title} path={c.req.path} session={c.get('session')} scripts={options.scripts}>
      {body}
    </Layout>
  );
  return c.html(`<!doctype html>${await html.toString()}`, options.status ?? 200);
}

/** Only local paths (no scheme, no //host) are followed after sign-in. */
export const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/');

export const toLogin = (c: Context, message?: string) =>
  c.redirect(`/ui/login?next=${encodeURIComponent(c.req.path)}${message ? `&why=${encodeURIComponent(message)}` : ''}`, 303);

/** The API's error body as one line for a notice. */
export const apiError = (body: unknown): string => {
  const b = body as { message?: string; field?: string } | string;
  return typeof b === 'string' ? b : (b?.message ?? 'the API answered with an error');
};
