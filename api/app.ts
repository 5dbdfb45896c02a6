// createApp(deps): the HTTP API as a Hono app. It never listens; server.ts and the local stack do.
import { Hono } from 'hono';
import type { ApiDeps } from './deps';
import { errorResponse, HttpError } from './errors';
import { collectRoutes } from './routes/collect';
import { keywordRoutes } from './routes/keywords';
import { modelRoutes } from './routes/models';
import { runRoutes } from './routes/runs';
import { observationRoutes } from './routes/observations';
import { workflowRoutes } from './routes/workflows';

export function createApp(deps: ApiDeps) {
  const app = new Hono();
  app.get('/', (c) => c.json({ name: 'keyword-intelligence', docs: 'see README.md for the route table' }));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', collectRoutes(deps));
  app.route('/', workflowRoutes(deps));
  app.route('/', observationRoutes(deps));
  app.route('/', keywordRoutes(deps));
  app.route('/', runRoutes(deps));
  app.route('/', modelRoutes(deps));
  app.notFound((c) => errorResponse(c, new HttpError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}
