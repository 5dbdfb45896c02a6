// The dashboard in a real browser (Debian's Chromium via puppeteer-core) against the real app, PostgreSQL and Temporal:
// sign in, every page, sorting and filtering, a keyword's charts drawn with data.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKeywordEvents } from '../../activities/db/repositories/alert-deliveries';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, post, testApp, type App, type Json } from '../api/test-app';
import { column, launchBrowser, screenshot, serveApp, type Served } from './browser';

// later than any other test's data: the pages show the newest processed day
const FIRST = '2010-01-01';
const LAST = '2010-01-14';
let stack: TestStack;
let app: App;
let served: Served;
let browser: Browser;
let page: Page;
let keywords: string[];
let stopWorker: () => void;
let worker: Promise<void>;
let startedAt: Date;
/** The list the list test creates, for the alert test. */
let listId: string;

async function run(path: string, body: unknown): Promise<Json> {
  const res = await post(app, path, body);
  expect(res.status).toBe(202);
  const { workflowId } = (await res.json()) as Json;
  return stack.client.workflow.getHandle(workflowId as string).result();
}

beforeAll(async () => {
  startedAt = new Date();
  stack = await startTestStack({ day: LAST });
  const taskQueue = `dashboard-${uid()}`;
  app = testApp(stack, taskQueue, { temporal: { namespace: 'default', taskQueue, uiUrl: 'http://temporal-ui.test' } });
  keywords = seedKeywords(uid());
  await seedHistory(stack.orm, keywords, FIRST, 14);
  worker = stack.withWorker(() => new Promise<void>((resolve) => (stopWorker = resolve)), { taskQueue });
  expect(await run('/process/keywords', { day: LAST })).toMatchObject({ processed: 90 });
  await run('/analyze/trends', { to: LAST, days: 14 });
  await run('/models/train', { to: LAST, days: 14 });
  served = await serveApp(app);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  stopWorker?.();
  await worker;
  // leave no newest day, analysis or model behind for other files' "newest" reads (files run one at a time)
  const knex = stack.orm.em.getKnex();
  const written = {
    alert_deliveries: 'created_at',
    alert_rules: 'created_at',
    observations: 'collected_at',
    processed_keywords: 'processed_at',
    keyword_clusters: 'created_at',
    trend_analyses: 'created_at',
    model_versions: 'created_at',
  };
  for (const [table, column] of Object.entries(written)) await knex(table).where(column, '>=', startedAt).delete();
  await stack?.close();
});

/** Follows a download link the way the browser would fetch it: status, content type, disposition, body. */
const download = (selector: string) =>
  page.$eval(selector, async (a) => {
    const res = await fetch((a as unknown as { href: string }).href);
    // text() drops a byte order mark: the first bytes are read as they arrive
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    return {
      status: res.status,
      head: Array.from(bytes.subarray(0, 3)),
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      text: await res.text(),
    };
  });

const open = async (path: string) => {
  const res = await page.goto(`${served.url}${path}`, { waitUntil: 'networkidle0' });
  return res!.status();
};

describe('the dashboard in a browser', () => {
  it('serves JSON at / to API clients and the dashboard to browsers', async () => {
    expect(await (await app.request('/')).json()).toEqual({ name: 'keyword-intelligence', docs: '/docs', openapi: '/openapi.json' });
    expect(await open('/')).toBe(200);
    expect(await page.title()).toBe('Keywords · Keyword intelligence');
  });

  it('signs in with the API key into an HttpOnly, SameSite=Strict cookie, refusing a wrong key', async () => {
    await open('/ui/login');
    await screenshot(page, 'sign-in');
    await page.type('input[name=api_key]', 'not-the-key-0000000000');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.$eval('.notice.error', (e) => e.textContent)).toBe('Wrong API key.');
    await page.type('input[name=api_key]', API_KEY);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/');
    const cookie = (await page.cookies()).find((c) => c.name === 'kwi_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(API_KEY);
    expect(await page.$('header form button')).not.toBeNull(); // "Sign out"
    expect(await page.content()).not.toContain(API_KEY);
  });

  it('ranks keywords, sorts by a column and filters by platform, source and search', async () => {
    await open('/');
    const rows = await column(page, '#keywords', 1);
    expect(rows).toHaveLength(50);
    const opportunity = (await column(page, '#keywords', 3)).map(Number);
    expect(opportunity).toEqual([...opportunity].sort((a, b) => b - a));
    expect(new Set(await column(page, '#keywords', 10))).toEqual(new Set(['simulated']));
    await screenshot(page, 'keywords');

    await Promise.all([page.waitForNavigation(), page.click('th a[data-sort=volume]')]);
    const volumes = (await column(page, '#keywords', 5)).map((v) => Number(v.replace(/,/g, '')));
    expect(volumes.length).toBeGreaterThan(1);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));

    await page.select('select[name=platform]', 'etsy');
    await page.type('input[name=q]', 'svg bundle');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('volume');
    const names = await column(page, '#keywords', 1);
    expect(names).toHaveLength(5); // 5 modifiers of "svg bundle", on Etsy
    expect(names.every((k) => k.includes('svg bundle'))).toBe(true);
    expect(new Set(await column(page, '#keywords', 2))).toEqual(new Set(['etsy']));
    // the CSV button exports what the filters match: every row, not one page
    const csv = await download('#csv');
    expect(csv).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', disposition: `attachment; filename="keywords-${LAST}.csv"` });
    // with the UTF-8 byte order mark, for Excel (api/csv.ts)
    expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^keyword,platform,day,search_volume,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...names].sort());

    await page.select('select[name=source]', 'measured');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    expect(await column(page, '#keywords', 1)).toEqual([]);

    await open('/');
    const [id, label] = await page.$eval('select[name=cluster] option:nth-child(2)', (o) => [o.getAttribute('value')!, o.textContent!]);
    await page.select('select[name=cluster]', id);
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    const labels = await column(page, '#keywords', 9);
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set([label]));
  });

  it('opens a keyword from the table and draws its charts with data', async () => {
    await open(`/?q=${encodeURIComponent(keywords[0]!)}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#keywords tbody tr a')]);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/ui/keywords/${keywords[0]}`);
    for (const metric of ['search_volume', 'competition', 'cpc', 'trend_score']) {
      await page.waitForSelector(`#chart-${metric}[data-drawn] canvas`);
      // 14 days on each of 3 platforms
      expect(Number(await page.$eval(`#chart-${metric}`, (e) => e.getAttribute('data-drawn')))).toBeGreaterThanOrEqual(42);
    }
    expect(await column(page, '#platforms', 1)).toEqual(['amazon', 'ebay', 'etsy']);
    // every number of the seeded rows is the simulator's (its provenance was not recorded)
    expect(await column(page, '#platforms', 11)).toEqual(Array(3).fill('simulator search_volume, competition, cpc, trend_score'));
    expect(await page.$eval('#prediction', (e) => e.textContent)).toMatch(/recommendation/);
    const csv = await download('#csv');
    expect(csv).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', head: [0xef, 0xbb, 0xbf] });
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 14 * 3);
  });

  it("draws a forecast keyword's 7-day forecast with its 95% band and states the backtest error", async () => {
    const analysis = (await (await app.request('/analyze/trends')).json()) as Json;
    const future = analysis.trends.future_predictions;
    const forecast = future.keywords[0] as Json;
    await open(`/ui/keywords/${encodeURIComponent(forecast.keyword)}`);
    await page.waitForSelector('#chart-search_volume[data-drawn] canvas');
    const spec = JSON.parse((await page.$eval('#chart-search_volume', (e) => e.getAttribute('data-chart')))!) as Json;
    const labels = (spec.series as Json[]).map((x) => x.label);
    expect(labels).toEqual(
      expect.arrayContaining([`${forecast.platform} forecast`, `${forecast.platform} upper 95%`, `${forecast.platform} lower 95%`]),
    );
    const shown = (spec.series as Json[])
      .find((x) => x.label === `${forecast.platform} forecast`)!
      .values.filter((v: unknown) => v !== null);
    expect(shown).toEqual(forecast.forecast.map((p: Json) => p.search_volume));
    expect(spec.bands).toHaveLength(
      new Set((future.keywords as Json[]).filter((k) => k.keyword === forecast.keyword).map((k) => k.platform)).size,
    );
    const text = (await page.$eval('main', (e) => e.textContent))!;
    const oneDecimal = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(text).toContain(`MAPE ${oneDecimal(future.backtest.mape)} %, WAPE ${oneDecimal(future.backtest.wape)} %`);
    await screenshot(page, 'keyword');
  });

  it('shows clusters, trends with a drawn chart, and the model versions', async () => {
    expect(await open('/ui/clusters')).toBe(200);
    const clusters = await page.$$eval('#clusters .card', (cards) => cards.length);
    expect(clusters).toBeGreaterThan(0);
    await screenshot(page, 'clusters');

    expect(await open('/ui/trends')).toBe(200);
    expect(new Set(await column(page, '#platform-summary', 1))).toEqual(new Set(['amazon', 'ebay', 'etsy']));
    await page.waitForSelector('#chart-daily[data-drawn] canvas');
    expect(Number(await page.$eval('#chart-daily', (e) => e.getAttribute('data-drawn')))).toBe(14);
    await screenshot(page, 'trends');

    expect(await open('/ui/model')).toBe(200);
    const [version] = await column(page, '#models', 1);
    const newest = ((await (await app.request('/models')).json()) as Json).models[0];
    expect(version).toBe(String(newest.version));
    expect(await page.$eval('#volume-sources', (e) => e.textContent)).toBe('Trained on observations whose search volume is 1,260 simulated.');
    // the newest version's importances as a bar list in the API's order, with the method and its rows named
    const importance = newest.feature_importance as Json;
    expect(await column(page, '#importance table', 1)).toEqual(importance.features.map((f: Json) => f.feature));
    expect(await page.$eval('#importance', (e) => e.textContent)).toContain(
      `Permutation importance on ${importance.held_out_rows.toLocaleString('en-US')} held-out rows`,
    );
    await screenshot(page, 'model');
  });

  it('creates a list from an uploaded CSV, collects it with live progress to done, and ranks its keywords', async () => {
    const mine = [keywords[0]!, keywords[1]!, keywords[2]!];
    const csv = path.join(tmpdir(), `dashboard-list-${uid()}.csv`);
    writeFileSync(csv, `keyword,note\n${mine.map((k) => `"${k.toUpperCase()}",x`).join('\n')}\n${mine[0]}\n`);
    await open('/ui/lists');
    await page.type('#list-form input[name=name]', 'Wedding printables');
    const file = await page.$('#list-form input[type=file]');
    await file!.uploadFile(csv);
    await page.click('#list-form input[value=ebay]'); // amazon and etsy only
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#list-form button[type=submit]')]);
    const id = /^\/ui\/lists\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(id).toBeDefined();
    listId = id!;
    // normalised (lower-cased) and deduplicated by the API
    expect(await page.$$eval('#list-keywords li', (li) => li.map((e) => e.textContent))).toEqual(mine);
    const stored = (await (await app.request(`/lists/${id}`)).json()) as Json;
    expect(stored).toMatchObject({ name: 'Wedding printables', size: 3, platforms: ['amazon', 'etsy'], daily: true, keywords: mine });

    await Promise.all([page.waitForNavigation(), page.click('#collect')]);
    const workflowId = new URL(page.url()).searchParams.get('run')!;
    expect(workflowId).toMatch(/^list-/);
    expect(await page.$eval('#run a', (a) => a.getAttribute('href'))).toBe(
      `http://temporal-ui.test/namespaces/default/workflows/${encodeURIComponent(workflowId)}`,
    );
    await page.waitForSelector('#run[data-status=done]', { timeout: 60_000 });
    expect(await page.$eval('#run .run-status', (e) => e.textContent)).toBe('COMPLETED · 6 of 6 keyword-platform pairs');
    expect(await page.$eval('#run .progress > div', (e) => (e as unknown as { style: { width: string } }).style.width)).toBe('100%');
    await screenshot(page, 'list');

    await Promise.all([page.waitForNavigation(), page.click('a[href^="/?list="]')]);
    const ranked = await column(page, '#keywords', 1);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((k) => mine.includes(k))).toBe(true);
    const exported = await download('#csv');
    expect(exported.status).toBe(200);
    const rows = exported.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(rows.sort()).toEqual([...ranked].sort());
    await open('/ui/lists');
    expect(await column(page, '#lists', 1)).toContain('Wedding printables');
    await screenshot(page, 'lists');
  });

  it('adds an alert rule on the list (its secret shown once), shows its deliveries, and deletes it', async () => {
    await open('/ui/alerts');
    await page.type('#rule-form input[name=name]', 'List opportunities');
    await page.select('#rule-form select[name=list_id]', listId);
    await page.select('#rule-form select[name=kind]', 'opportunity_above');
    await page.type('#rule-form input[name=webhook_url]', 'http://127.0.0.1:9/hook');
    await Promise.all([page.waitForNavigation(), page.click('#rule-form button[type=submit]')]);
    expect(await page.$eval('.notice.error', (e) => e.textContent)).toBe('threshold: is required for opportunity_above');

    const fill = async (webhookUrl: string) => {
      await page.type('#rule-form input[name=name]', 'List opportunities');
      await page.select('#rule-form select[name=list_id]', listId);
      await page.type('#rule-form input[name=threshold]', '0');
      await page.type('#rule-form input[name=webhook_url]', webhookUrl);
      await page.select('#rule-form select[name=format]', 'slack');
      await Promise.all([page.waitForNavigation(), page.click('#rule-form button[type=submit]')]);
    };
    // a receiver on this machine is refused unless the operator allows it (ALERT_WEBHOOK_ALLOW_PRIVATE)
    await fill('http://127.0.0.1:9/hook');
    expect(await page.$eval('.notice.error', (e) => e.textContent)).toMatch(/^webhook_url: host 127\.0\.0\.1 is a loopback address: /);
    await fill('https://hooks.example.com/hook');
    expect(await page.$eval('#rule-secret', (e) => e.textContent)).toMatch(/^\S{20,}$/);
    const rules = ((await (await app.request('/alerts/rules')).json()) as Json).rules as Json[];
    const rule = rules.find((r) => r.list_id === listId)!;
    expect(rule).toMatchObject({
      name: 'List opportunities',
      kind: 'opportunity_above',
      threshold: 0,
      format: 'slack',
      webhook_url: 'https://hooks.example.com/hook',
    });

    // evaluated as a processing run would: the list's keywords on LAST (ebay never collected before, so at least 3 cross 0)
    await storeKeywordEvents(stack.orm.em.fork(), LAST);
    const logged = ((await (await app.request(`/alerts/deliveries?rule_id=${rule.id}&limit=500`)).json()) as Json).deliveries as Json[];
    expect(logged.length).toBeGreaterThanOrEqual(3);
    await open('/ui/alerts');
    expect(await column(page, '#rules', 2)).toContain('Wedding printables');
    const shown = (await column(page, '#deliveries', 3)).filter((t) => t.startsWith('List opportunities: opportunity of '));
    expect(shown).toHaveLength(logged.length);
    await screenshot(page, 'alerts');

    const row = (await column(page, '#rules', 1)).indexOf('List opportunities') + 1;
    await Promise.all([page.waitForNavigation(), page.click(`#rules tbody tr:nth-child(${row}) button`)]);
    expect(await column(page, '#rules', 1)).not.toContain('List opportunities');
    const left = ((await (await app.request('/alerts/rules')).json()) as Json).rules as Json[];
    expect(left.map((r) => r.id)).not.toContain(rule.id);
  });
});
