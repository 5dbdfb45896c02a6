// The read pages: each asks the JSON API in process (GET /keywords, /keywords/:k, /clusters, /analyze/trends,
// /models, /lists) and renders what it answers; an API error becomes a notice, never a second query path.
import type { Context, Hono } from 'hono';
import { query, type Api, type Json } from './in-process';
import { ClustersPage } from './pages/clusters';
import { KeywordPage, type KeywordData } from './pages/keyword';
import { KEYWORD_FILTERS, KeywordsPage, type KeywordFilters } from './pages/keywords';
import { ModelPage } from './pages/model';
import { TrendsPage } from './pages/trends';
import { apiError, page } from './render';
import type { DashEnv } from './session';

const PAGE_SIZE = 50;
const PREDICT_FIELDS = ['search_volume', 'competition', 'cpc', 'trend_score'] as const;

export function readPages(app: Hono<DashEnv>, apiOf: (c: Context<DashEnv>) => Api) {
  app.get('/', async (c, next) => {
    // JSON clients fall through to the API's own GET / (the index)
    if (!(c.req.header('accept') ?? '').includes('text/html')) return next();
    const api = apiOf(c);
    const filters: KeywordFilters = {};
    for (const f of KEYWORD_FILTERS) {
      const v = c.req.query(f)?.trim();
      if (v) filters[f] = v;
    }
    const cursor = c.req.query('cursor') || undefined;
    const [res, lists, clusters] = await Promise.all([
      api.get(`/keywords${query({ ...filters, limit: PAGE_SIZE, cursor })}`),
      listNames(api),
      api.get('/clusters'),
    ]);
    const ok = res.status === 200;
    const clusterNames = clusters.status === 200 ? (clusters.body.clusters as { id: number; label: string }[]) : [];
    return page(
      c,
      'Keywords',
      <KeywordsPage
        filters={filters}
        page={ok ? res.body : null}
        error={ok ? null : apiError(res.body)}
        lists={lists}
        clusters={clusterNames}
        cursor={cursor}
      />,
      { status: ok ? 200 : 400 },
    );
  });

  app.get('/ui/keywords/:keyword', async (c) => {
    const api = apiOf(c);
    const keyword = c.req.param('keyword');
    const path = `/keywords/${encodeURIComponent(keyword)}`;
    const [detail, trends] = await Promise.all([api.get(path), api.get('/analyze/trends')]);
    if (detail.status === 400) return page(c, keyword, <p class="notice error">{apiError(detail.body)}</p>, { status: 400 });
    const name = detail.status === 200 ? (detail.body.keyword as string) : keyword;
    const future = trends.status === 200 ? trends.body.trends?.future_predictions : null;
    const forecasts = Object.fromEntries(
      ((future?.keywords ?? []) as Json[]).filter((k) => k.keyword === name).map((k) => [k.platform, k.forecast]),
    );
    const signedIn = c.get('session').signedIn;
    const latest = detail.status === 200 ? (detail.body.platforms as Json[]) : [];
    const predictions: KeywordData['predictions'] = {};
    if (signedIn)
      await Promise.all(
        latest.map(async (p) => {
          predictions[p.platform] = await predict(api, p);
        }),
      );
    const data: KeywordData = {
      keyword: name,
      detail: detail.status === 200 ? detail.body : null,
      forecasts,
      backtest: future?.backtest ?? null,
      predictions,
      signedIn,
    };
    return page(c, name, <KeywordPage {...data} />, { scripts: ['uplot.js', 'charts.js'], status: detail.status === 200 ? 200 : 404 });
  });

  app.get('/ui/clusters', async (c) => {
    const res = await apiOf(c).get('/clusters');
    return page(c, 'Clusters', res.status === 200 ? <ClustersPage data={res.body} /> : <p class="notice error">{apiError(res.body)}</p>);
  });

  app.get('/ui/trends', async (c) => {
    const res = await apiOf(c).get('/analyze/trends');
    return page(c, 'Trends', <TrendsPage analysis={res.status === 200 ? res.body : null} />, { scripts: ['uplot.js', 'charts.js'] });
  });

  app.get('/ui/model', async (c) => {
    const res = await apiOf(c).get('/models');
    return page(c, 'Model', <ModelPage models={res.status === 200 ? res.body.models : []} />);
  });
}

/** The success model on a platform's latest numbers, through POST /predict/success; an unknown input is said, not guessed. */
async function predict(api: Api, latest: Json): Promise<Json | string> {
  const missing = PREDICT_FIELDS.filter((f) => typeof latest[f] !== 'number');
  if (missing.length > 0) return `not predicted: ${missing.join(', ')} unknown on ${latest.day}`;
  const res = await api.send('POST', '/predict/success', Object.fromEntries(PREDICT_FIELDS.map((f) => [f, latest[f]])));
  return res.status === 200 ? res.body : `not predicted: ${apiError(res.body)}`;
}

/** The stored lists for the filter (GET /lists); none when the route answers otherwise. */
async function listNames(api: Api): Promise<{ id: string; name: string }[]> {
  const res = await api.get('/lists?limit=200');
  if (res.status !== 200) return [];
  const items = (Array.isArray(res.body) ? res.body : (res.body.lists ?? res.body.items ?? [])) as Json[];
  return items.map((l) => ({ id: String(l.id), name: String(l.name) }));
}
