// The Alerts page: rules (GET/POST /alerts/rules, DELETE /alerts/rules/:id) and the delivery log (GET /alerts/deliveries).
import type { Context, Hono } from 'hono';
import type { Api, Json } from './in-process';
import { AlertsPage } from './pages/alerts';
import { apiError, page } from './render';
import { formOf } from './form';
import type { DashEnv } from './session';

type Ctx = Context<DashEnv>;

export function alertPages(app: Hono<DashEnv>, apiOf: (c: Ctx) => Api) {
  const show = async (c: Ctx, outcome: { error?: string; created?: Json } = {}) => {
    const api = apiOf(c);
    const [rules, deliveries, lists] = await Promise.all([
      api.get('/alerts/rules'),
      api.get('/alerts/deliveries?limit=100'),
      api.get('/lists'),
    ]);
    const error = outcome.error ?? [rules, deliveries].filter((r) => r.status !== 200).map((r) => apiError(r.body))[0];
    return page(
      c,
      'Alerts',
      <AlertsPage
        session={c.get('session')}
        error={error}
        created={outcome.created}
        rules={rules.status === 200 ? rules.body.rules : []}
        deliveries={deliveries.status === 200 ? deliveries.body.deliveries : []}
        lists={lists.status === 200 ? lists.body.lists : []}
      />,
      { status: outcome.error ? 400 : outcome.created ? 201 : 200 },
    );
  };

  app.get('/ui/alerts', (c) => show(c));
  // no redirect after creating: the rule's signing secret is in this answer only, and the page shows it once
  app.post('/ui/alerts', async (c) => {
    const res = await apiOf(c).send('POST', '/alerts/rules', ruleBody(formOf(c)));
    return res.status === 201 ? show(c, { created: res.body }) : show(c, { error: apiError(res.body) });
  });
  app.post('/ui/alerts/:id/delete', async (c) => {
    const res = await apiOf(c).send('DELETE', `/alerts/rules/${encodeURIComponent(c.req.param('id'))}`);
    return res.status === 204 ? c.redirect('/ui/alerts', 303) : show(c, { error: apiError(res.body) });
  });
}

/** The POST /alerts/rules body: empty fields left out (the API applies its defaults and names a missing one). */
function ruleBody(form: Json): Json {
  const body: Json = {};
  for (const field of ['name', 'list_id', 'kind', 'webhook_url', 'format']) {
    const v = form[field];
    if (typeof v === 'string' && v.trim() !== '') body[field] = v.trim();
  }
  const threshold = typeof form.threshold === 'string' ? form.threshold.trim() : '';
  // a number the API checks; text that is no number goes as it is, for the API to name the field
  if (threshold !== '') body.threshold = Number.isFinite(Number(threshold)) ? Number(threshold) : threshold;
  return body;
}
