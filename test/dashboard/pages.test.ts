// The dashboard's pages in a real browser (Debian's Chromium via puppeteer-core) against the real app, PostgreSQL and
// Temporal: sign in, the keyword table's sorting and filtering, a keyword's charts drawn with data, the insight pages.
import { describe, expect, it } from 'vitest';
import { API_KEY, type Json } from '../api/test-app';
import { column, screenshot } from './browser';
import { app, download, keywords, LAST, open, page, useDashboard } from './dashboard-stack';

useDashboard({ insights: true });

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
    expect(await page.$eval('#volume-sources', (e) => e.textContent)).toBe(
      'Trained on observations whose search volume is 1,260 simulated.',
    );
    // the newest version's importances as a bar list in the API's order, with the method and its rows named
    const importance = newest.feature_importance as Json;
    expect(await column(page, '#importance table', 1)).toEqual(importance.features.map((f: Json) => f.feature));
    expect(await page.$eval('#importance', (e) => e.textContent)).toContain(
      `Permutation importance on ${importance.held_out_rows.toLocaleString('en-US')} held-out rows`,
    );
    await screenshot(page, 'model');
  });
});
