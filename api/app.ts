// createApp(deps): the HTTP API as a Hono app with its OpenAPI contract. It never listens; workers/api.ts and the local stack do.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pino } from 'pino';
import { securityOf, type ApiDeps, type AppEnv } from './deps';
import { mountDocs } from './docs';
import { errorResponse, payloadTooLarge } from './errors';
import { allowedMethods, notFoundOrNotAllowed } from './method-not-allowed';
import { apiKeyAuth } from './middleware/auth';
import { corsFor } from './middleware/cors';
import { clientAddress, rateLimit } from './middleware/rate-limit';
import { requestContext } from './middleware/request-context';
import { strictUtf8 } from './middleware/utf8';
import { collectRoutes } from './routes/collect';
import { keywordRoutes } from './routes/keywords';
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

  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  app.use(requestContext(deps.logger ?? pino({ level: 'silent' })));
  if (security.corsOrigins.length > 0) app.use(corsFor(security.corsOrigins));
  app.use(rateLimit(security.rateLimit, clientOf));
  // a method the path does not have is a 405 (app.notFound below) with or without the key
  app.use((c, next) => (c.req.method === 'GET' || !allowedMethods(app.routes, c.req.path).includes(c.req.method) ? next() : auth.required(c, next)));
  const limit = bodyLimit({ maxSize: security.bodyLimitBytes, onError: (c) => errorResponse(c, payloadTooLarge(security.bodyLimitBytes)) });
  // reads skip it: looking at the body makes @hono/node-server build a full Request for every GET
  app.use((c, next) => (c.req.method === 'GET' ? next() : limit(c, next)));
  app.use(strictUtf8(() => app.routes.map((r) => r.path)));
  // only where Temporal is called: the deadline's AsyncLocalStorage slows every promise of a request
  app.use((c, next) => (callsTemporal(c) ? deps.client.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, next) : next()));

  app.route('/', systemRoutes(deps));
  app.route('/', collectRoutes(deps));
  app.route('/', workflowRoutes(deps));
  app.route('/', observationRoutes(deps));
  app.route('/', keywordRoutes(deps));
  app.route('/', processRoutes(deps));
  app.route('/', analyzeRoutes(deps));
  app.route('/', modelRoutes(deps));
  app.route('/', predictRoutes(deps));
  app.route('/', scheduleRoutes(deps));
  mountDocs(app);
  app.notFound(notFoundOrNotAllowed(() => app.routes));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}

/** Every request that may start, signal, describe or list workflows and schedules (all of them but data reads). */
function callsTemporal(c: Context): boolean {
  return c.req.method !== 'GET' || c.req.path.startsWith('/workflows') || c.req.path.startsWith('/schedules');
}
