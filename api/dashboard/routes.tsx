// The sellers' dashboard, served by the API's own app: `/` for browsers (Accept: text/html; JSON clients still get the
// index), pages under /ui/, files under /assets/. Every number comes from the JSON API called in process.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { securityOf, type ApiDeps } from '../deps';
import { errorResponse, toHttpError } from '../errors';
import { assetRoutes } from './assets';
import { alertPages } from './alert-pages';
import { formOf } from './form';
import { apiFor } from './in-process';
import { listPages } from './list-pages';
import { LoginPage } from './pages/login';
import { readPages } from './read-pages';
import { page, safeNext, toLogin } from './render';
import { sessions, type DashEnv } from './session';

type Requester = Parameters<typeof apiFor>[0];

/** Paths the dashboard answers itself: its forms carry a session and a CSRF token instead of the API key. */
export const isDashboardPath = (path: string): boolean => path.startsWith('/ui/') || path.startsWith('/assets/');

const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

export function dashboardRoutes(deps: ApiDeps, request: Requester, options: { public: boolean }) {
  const { apiKey } = securityOf(deps);
  const s = sessions(apiKey);
  const app = new Hono<DashEnv>();
  const apiOf = (c: Context<DashEnv>) => apiFor(request, c, c.get('session').signedIn ? apiKey : undefined);

  // reads are open unless DASHBOARD_PUBLIC=false; every POST needs the session's CSRF token and, but for signing in, a signed-in session
  const guard: MiddlewareHandler<DashEnv> = async (c, next) => {
    const session = c.get('session');
    const signingIn = c.req.path === '/ui/login';
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody({ all: true });
      c.set('form', form);
      s.checkCsrf(c, form);
      if (!signingIn && c.req.path !== '/ui/logout' && !session.signedIn) return toLogin(c, 'sign in to make changes');
    } else if (!options.public && !session.signedIn && !signingIn) return toLogin(c);
    return next();
  };

  app.route('/', assetRoutes());
  const htmlOnly =
    (mw: MiddlewareHandler<DashEnv>): MiddlewareHandler<DashEnv> =>
    (c, next) =>
      wantsHtml(c) ? mw(c, next) : next();
  app.use('/', htmlOnly(s.middleware), htmlOnly(guard));
  app.use('/ui/*', s.middleware, guard);
  app.onError((err, c) => {
    if (!wantsHtml(c)) return errorResponse(c, err);
    const http = toHttpError(err);
    if (http.status >= 500) c.get('log')().error({ err }, `${c.req.method} ${c.req.path} failed`);
    return page(
      c,
      'Error',
      <p class="notice error">{http.status >= 500 ? 'Something went wrong; the server log has the details.' : http.message}</p>,
      { status: http.status },
    );
  });
  app.get('/ui/login', (c) =>
    page(
      c,
      'Sign in',
      <LoginPage session={c.get('session')} next={safeNext(c.req.query('next'))} error={c.req.query('why')} configured={s.configured} />,
    ),
  );
  app.post('/ui/login', async (c) => {
    const form = formOf(c);
    if (await s.signIn(c, String(form.api_key ?? ''))) return c.redirect(safeNext(form.next), 303);
    return page(
      c,
      'Sign in',
      <LoginPage session={c.get('session')} next={safeNext(form.next)} error="Wrong API key." configured={s.configured} />,
      { status: 403 },
    );
  });
  app.post('/ui/logout', async (c) => {
    await s.signOut(c);
    return c.redirect('/', 303);
  });

  readPages(app, apiOf);
  listPages(app, apiOf, deps);
  alertPages(app, apiOf);
  return app;
}
