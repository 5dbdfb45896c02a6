// createApp(deps): the HTTP API as a Hono app with its OpenAPI contract. It never listens; workers/api.ts and the local stack do.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pino } from 'pino';
import { securityOf, type ApiDeps, type AppEnv } from './deps';
import { dashboardRoutes, isDashboardPath } from './dashboard/routes';
import { isInProcess } from './dashboard/in-process';
import { mountDocs } from './docs';
import { errorResponse, payloadTooLarge } from './errors';
import { allowedMethods, notFoundOrNotAllowed } from './method-not-allowed';
import { apiKeyAuth } from './middleware/auth';
import { corsFor } from './middleware/cors';
import { apiMetrics } from './middleware/metrics';
import { clientAddress, rateLimit } from './middleware/rate-limit';
import { requestContext } from './middleware/request-context';
import { clusterRoutes } from './routes/clusters';
import { strictUtf8 } from './middleware/utf8';
import { collectRoutes } from './routes/collect';
import { IMPORT_BODY_LIMIT, importRoutes } from './routes/imports';
import { MAX_IMPORT_BYTES } from '../workflows/types/import-report';
import { keywordRoutes } from './routes/keywords';
import { LIST_BODY_LIMIT_BYTES } from './routes/list-schemas';
import { listRoutes } from './routes/lists';
import { alertRoutes } from './routes/alerts';
import { analyzeRoutes } from './routes/analyze';
import { modelRoutes } from './routes/models';
import { observationRoutes } from './routes/observations';
import { predictRoutes } from './routes/predict';
import { processRoutes } from './routes/process';
import { scheduleRoutes } from './routes/schedules';
import { systemRoutes } from './routes/system';
import { workflowRoutes } from './routes/workflows';
import { defaultHook } from './validate';

/** No request waits on Temporal longer than this (the client would otherwise retry for ~20 s). */
const TEMPORAL_DEADLINE_MS = 10_000;

export function createApp(deps: ApiDeps) {
  const security = securityOf(deps);
  const auth = apiKeyAuth(security.apiKey);
  // a valid key is one client wherever it comes from; anyone else is their address (a wrong key buys no fresh bucket)
  const clientOf = (c: Context<AppEnv>) => (auth.check(c) === 'valid' ? 'api-key' : `addr:${clientAddress(c, security.trustProxyHops)}`);

  const metrics = apiMetrics();
  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  // first, so refused requests (401, 413, 429) are counted and timed too
  app.use(metrics.middleware);
  app.use(requestContext(deps.logger ?? pino({ level: 'silent' })));
  if (security.corsOrigins.length > 0) app.use(corsFor(security.corsOrigins));
  const limiter = rateLimit(security.rateLimit, clientOf);
  // the dashboard's own calls of the API were counted as the one page request that made them
  app.use((c, next) => (isInProcess(c) ? next() : limiter(c, next)));
  // the dashboard's forms carry a session and a CSRF token instead (api/dashboard/session.ts); a method the path
  // does not have is a 405 (app.notFound below) with or without the key
  app.use((c, next) =>
    isDashboardPath(c.req.path) || c.req.method === 'GET' || !allowedMethods(app.routes, c.req.path).includes(c.req.method)
      ? next()
      : auth.required(c, next),
  );
  const limit = bodyLimit({ maxSize: security.bodyLimitBytes, onError: (c) => errorResponse(c, payloadTooLarge(security.bodyLimitBytes)) });
  // keyword lists hold up to 100,000 keywords: their bodies (and the dashboard's list forms) may be larger
  const listBytes = Math.max(security.bodyLimitBytes, LIST_BODY_LIMIT_BYTES);
  const listLimit = bodyLimit({ maxSize: listBytes, onError: (c) => errorResponse(c, payloadTooLarge(listBytes)) });
  // a report file may be far larger (api/routes/imports.ts); applied here, before strictUtf8 reads the body
  const importLimit = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: (c) => errorResponse(c, payloadTooLarge(MAX_IMPORT_BYTES)) });
  const limitFor = (path: string) => (path === '/imports' ? importLimit : /^\/(ui\/)?lists(\/[^/]+)?$/.test(path) ? listLimit : limit);
  // reads skip it: looking at the body makes @hono/node-server build a full Request for every GET
  app.use((c, next) => (c.req.method === 'GET' ? next() : limitFor(c.req.path)(c, next)));
  app.use(strictUtf8(() => app.routes.map((r) => r.path)));
  // only where Temporal is called: the deadline's AsyncLocalStorage slows every promise of a request
  app.use((c, next) => (callsTemporal(c) ? deps.client.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, next) : next()));

  // first: browsers asking for / get the dashboard, everyone else the API's index
  app.route(
    '/',
    dashboardRoutes(deps, (path, init, env) => app.request(path, init, env), { public: security.dashboardPublic }),
  );
  app.route('/', systemRoutes(deps, metrics.registry));
  app.route('/', collectRoutes(deps));
  app.route('/', workflowRoutes(deps));
  app.route('/', observationRoutes(deps));
  app.route('/', keywordRoutes(deps));
  app.route('/', clusterRoutes(deps));
  app.route('/', processRoutes(deps));
  app.route('/', analyzeRoutes(deps));
  app.route('/', modelRoutes(deps));
  app.route('/', predictRoutes(deps));
  app.route('/', scheduleRoutes(deps));
  app.route('/', listRoutes(deps));
  app.route('/', alertRoutes(deps));
  app.route('/', importRoutes(deps));
  mountDocs(app);
  app.notFound(notFoundOrNotAllowed(() => app.routes));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

/** Every request that may start, signal, describe or list workflows and schedules (all of them but data reads). */
function callsTemporal(c: Context): boolean {
  return c.req.method !== 'GET' || c.req.path.startsWith('/workflows') || c.req.path.startsWith('/schedules');
}
