// The Lists pages: forms turned into calls of /lists (POST, GET, PUT, DELETE, POST /lists/:id/collect); the API
// validates, and its errors come back on the page, a keyword's error naming the line it came from.
import type { Context, Hono } from 'hono';
import { statusUrl, workflowUiUrl, type ApiDeps } from '../deps';
import { onLine, parseKeywordCsv } from './csv-keywords';
import type { Api, Json } from './in-process';
import { ListPage } from './pages/list';
import { ListsPage } from './pages/lists';
import { apiError, page } from './render';
import { formOf } from './form';
import type { DashEnv } from './session';

type Ctx = Context<DashEnv>;
const KEYWORDS_PER_PAGE = 500;
/** GET /lists/:id's largest page, for reading a whole list back. */
const READ_ALL_PAGE = 10_000;

export function listPages(app: Hono<DashEnv>, apiOf: (c: Ctx) => Api, deps: ApiDeps) {
  const showLists = async (c: Ctx, error?: string, form?: Json) => {
    const res = await apiOf(c).get('/lists');
    const lists = res.status === 200 ? (res.body.lists as Json[]) : [];
    const problem = error ?? (res.status === 200 ? undefined : apiError(res.body));
    return page(c, 'Lists', <ListsPage lists={lists} session={c.get('session')} error={problem} form={form} />, {
      status: error ? 400 : 200,
    });
  };
  const showList = async (c: Ctx, error?: string) => {
    const id = c.req.param('id')!;
    const cursor = c.req.query('cursor') || undefined;
    const res = await apiOf(c).get(
      `/lists/${encodeURIComponent(id)}?limit=${KEYWORDS_PER_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200)
      return page(c, 'List', <p class="notice error">{apiError(res.body)}</p>, { status: res.status === 404 ? 404 : 400 });
    const runId = c.req.query('run');
    const run = runId ? { workflowId: runId, statusUrl: statusUrl(runId), temporalUiUrl: workflowUiUrl(deps, runId) } : undefined;
    return page(c, res.body.name, <ListPage list={res.body} session={c.get('session')} run={run} error={error} cursor={cursor} />, {
      scripts: run ? ['progress.js'] : [],
      status: error ? 400 : 200,
    });
  };

  app.get('/ui/lists', (c) => showLists(c));
  app.post('/ui/lists', async (c) => {
    const form = formOf(c);
    const input = await listBody(form);
    if (input.parsed.keywords.length === 0) return showLists(c, 'keywords: paste at least one keyword or choose a CSV file', echo(form));
    const res = await apiOf(c).send('POST', '/lists', input.body);
    if (res.status === 201) return c.redirect(`/ui/lists/${encodeURIComponent(res.body.id)}`, 303);
    return showLists(c, onLine(apiError(res.body), input.parsed.lines), echo(form));
  });

  app.get('/ui/lists/:id', (c) => showList(c));
  app.post('/ui/lists/:id', async (c) => {
    const api = apiOf(c);
    const id = encodeURIComponent(c.req.param('id'));
    const input = await listBody(formOf(c));
    // PUT replaces the whole list: no keywords given keeps the current ones, read back page by page
    if (input.parsed.keywords.length === 0) input.body.keywords = await allKeywords(api, id);
    const res = await api.send('PUT', `/lists/${id}`, input.body);
    if (res.status === 200) return c.redirect(`/ui/lists/${id}`, 303);
    return showList(c, onLine(apiError(res.body), input.parsed.lines));
  });
  app.post('/ui/lists/:id/collect', async (c) => {
    const id = encodeURIComponent(c.req.param('id'));
    const res = await apiOf(c).send('POST', `/lists/${id}/collect`);
    if (res.status === 202 || res.status === 200) return c.redirect(`/ui/lists/${id}?run=${encodeURIComponent(res.body.workflowId)}`, 303);
    return showList(c, apiError(res.body));
  });
  app.post('/ui/lists/:id/delete', async (c) => {
    const res = await apiOf(c).send('DELETE', `/lists/${encodeURIComponent(c.req.param('id'))}`);
    if (res.status === 204) return c.redirect('/ui/lists', 303);
    return showList(c, apiError(res.body));
  });
}

/** The POST /lists body from the form: pasted lines, then the file's first column. */
async function listBody(form: Json) {
  const file = form.file instanceof File && form.file.size > 0 ? await form.file.text() : '';
  const pasted = typeof form.keywords === 'string' ? form.keywords : '';
  const fromText = parseKeywordCsv(pasted);
  const fromFile = parseKeywordCsv(file);
  // a file's lines are told as such after the pasted ones
  const parsed = { keywords: [...fromText.keywords, ...fromFile.keywords], lines: [...fromText.lines, ...fromFile.lines] };
  const platforms = ([] as unknown[]).concat(form.platforms ?? []).map(String);
  const body: Json = { name: String(form.name ?? ''), keywords: parsed.keywords, platforms, daily: form.daily === '1' };
  if (platforms.length === 0) delete body.platforms;
  return { body, parsed };
}

async function allKeywords(api: Api, id: string): Promise<string[]> {
  const all: string[] = [];
  for (let cursor: string | null = null; ;) {
    const res = await api.get(`/lists/${id}?limit=${READ_ALL_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) return all;
    all.push(...(res.body.keywords as string[]));
    cursor = res.body.next_cursor as string | null;
    if (!cursor) return all;
  }
}

/** What the seller typed, back into the form after an error (the file has to be chosen again). */
const echo = (form: Json): Json => ({
  name: form.name,
  keywords: form.keywords,
  daily: form.daily === '1',
  platforms: ([] as unknown[]).concat(form.platforms ?? []).map(String),
});
