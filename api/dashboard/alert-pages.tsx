// The Alerts page: rules (GET/POST /alerts/rules, DELETE /alerts/rules/:id) and the delivery log (GET /alerts/deliveries).
import type { Context, Hono } from 'hono';
import type { Api, Json } from './in-process';
import { AlertsPage } from './pages/alerts';
import { apiError, page } from './render';
import { formOf } from './routes';
import type { DashEnv } from './session';

type Ctx = Context<DashEnv>;

export function alertPages(app: Hono<DashEnv>, apiOf: (c: Ctx) => Api) {
  const show = async (c: Ctx, error?: string) => {
    const api = apiOf(c);
    const [rules, deliveries, lists] = await Promise.all([api.get('/alerts/rules'), api.get('/alerts/deliveries'), api.get('/lists')]);
    const problem = error ?? [rules, deliveries].filter((r) => r.status !== 200).map((r) => apiError(r.body))[0];
    return page(c, 'Alerts', (
      <AlertsPage session={c.get('session')} error={problem} rules={itemsOf(rules.body, 'rules')} deliveries={itemsOf(deliveries.body, 'deliveries')}
        lists={lists.status === 200 ? lists.body.lists : []} />
    ), { status: error ? 400 : 200 });
  };

  app.get('/ui/alerts', (c) => show(c));
  app.post('/ui/alerts', async (c) => {
    const res = await apiOf(c).send('POST', '/alerts/rules', ruleBody(formOf(c)));
    return res.status === 201 || res.status === 200 ? c.redirect('/ui/alerts', 303) : show(c, apiError(res.body));
  });
  app.post('/ui/alerts/:id/delete', async (c) => {
    const res = await apiOf(c).send('DELETE', `/alerts/rules/${encodeURIComponent(c.req.param('id'))}`);
    return res.status === 204 || res.status === 200 ? c.redirect('/ui/alerts', 303) : show(c, apiError(res.body));
  });
}

/** Only the fields the seller filled in: the API applies its defaults and names any field at fault. */
function ruleBody(form: Json): Json {
  const body: Json = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === '_csrf' || typeof v !== 'string' || v.trim() === '') continue;
    body[k] = /^(threshold|percent)$/.test(k) && Number.isFinite(Number(v)) ? Number(v) : v.trim();
  }
  return body;
}

const itemsOf = (body: unknown, key: string): Json[] => {
  if (Array.isArray(body)) return body as Json[];
  const b = body as Json | undefined;
  return (b?.[key] ?? b?.items ?? []) as Json[];
};
