// Processing and GET /keywords against the real Temporal server and PostgreSQL: a day processed through the API, paged,
// filtered and sorted, one keyword's scores and history, and bad queries refused naming the parameter.
import { describe, expect, it } from 'vitest';
import type { Json } from './test-app';
import { get, keywords, useInsightsApp } from './insights-app';

const FIRST = '2027-05-01';
const LAST = '2027-05-14';
useInsightsApp(FIRST, LAST);

describe('processing and keyword listing', () => {
  it('pages through every processed keyword of the day by opportunity, without overlap', async () => {
    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/keywords?day=${LAST}&limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(90);
    expect(new Set(seen.map((i) => `${i.platform}:${i.keyword}`)).size).toBe(90);
    const scores = seen.map((i) => i.opportunity_score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(seen[0]!).sort()).toEqual([
      'category',
      'cluster',
      'competition',
      'cpc',
      'day',
      'difficulty_score',
      'keyword',
      'opportunity_score',
      'platform',
      'related_keywords',
      'search_volume',
      'trend_score',
      'volume_source',
    ]);
    expect(seen[0]).toMatchObject({ day: LAST, cluster: { id: expect.any(Number), label: expect.any(String) } });
  });

  it('filters by platform, cluster and minimum volume, and sorts by difficulty or volume', async () => {
    const etsy = (await get(`/keywords?day=${LAST}&platform=etsy&limit=200`)).body;
    expect(etsy.count).toBe(30);
    expect(etsy.items.every((i: Json) => i.platform === 'etsy')).toBe(true);
    // an empty page still names its day, asked for or the newest
    expect((await get(`/keywords?day=${LAST}&min_volume=2000000000`)).body).toEqual({
      day: LAST,
      sort: 'opportunity',
      count: 0,
      items: [],
      next_cursor: null,
    });
    const newest = (await get('/keywords?limit=1')).body.day as string;
    expect((await get('/keywords?min_volume=2000000000')).body).toMatchObject({ day: newest, count: 0 });
    const big = (await get(`/keywords?day=${LAST}&min_volume=1000&limit=200`)).body.items as Json[];
    expect(big.every((i) => i.search_volume >= 1000)).toBe(true);
    const cluster0 = (await get(`/keywords?day=${LAST}&cluster=0&limit=200`)).body.items as Json[];
    expect(cluster0.length).toBeGreaterThan(0);
    expect(cluster0.every((i) => i.cluster.id === 0)).toBe(true);
    const easy = ((await get(`/keywords?day=${LAST}&sort=difficulty&limit=200`)).body.items as Json[]).map((i) => i.difficulty_score);
    expect(easy).toEqual([...easy].sort((a, b) => a - b));
    const loud = ((await get(`/keywords?day=${LAST}&sort=volume&limit=200`)).body.items as Json[]).map((i) => i.search_volume);
    expect(loud).toEqual([...loud].sort((a, b) => b - a));
  });

  it("lists the day's clusters largest first, the ones its keywords carry", async () => {
    const { status, body } = await get(`/clusters?day=${LAST}`);
    expect(status).toBe(200);
    expect(body.day).toBe(LAST);
    const clusters = body.clusters as Json[];
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(Object.keys(c).sort()).toEqual(['id', 'label', 'size', 'top_terms']);
      expect(c.top_terms.every((t: unknown) => typeof t === 'string')).toBe(true);
    }
    const order = clusters.map((c) => [c.size as number, c.id as number]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || a[1]! - b[1]!));
    const items = (await get(`/keywords?day=${LAST}&limit=200`)).body.items as Json[];
    const carried = new Map(items.map((i) => [i.cluster.id as number, i.cluster.label as string]));
    expect(new Map(clusters.map((c) => [c.id as number, c.label as string]))).toEqual(carried);
  });

  it('answers one keyword with its per-platform scores, cluster and daily history', async () => {
    const { status, body } = await get(`/keywords/${encodeURIComponent(keywords[0]!.toUpperCase())}`);
    expect(status).toBe(200);
    expect(body.keyword).toBe(keywords[0]);
    expect(body.platforms.map((p: Json) => p.platform)).toEqual(['amazon', 'ebay', 'etsy']);
    expect(body.platforms[0]).toMatchObject({ day: LAST, cluster: { id: expect.any(Number) } });
    expect(body.history).toHaveLength(42);
    expect(body.history[0]).toEqual({
      platform: 'amazon',
      day: FIRST,
      search_volume: expect.any(Number),
      competition: expect.any(Number),
      cpc: expect.any(Number),
      trend_score: expect.any(Number),
      source: 'simulator',
      provenance: {},
      metric_sources: {},
    });
    expect(body.platforms[0].sources.search_volume).toMatchObject({ source: 'simulator', day: LAST });
    expect((await get('/keywords/no%20such%20keyword%20anywhere')).status).toBe(404);
  });

  it.each([
    ['sort=fastest', 'sort'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['min_volume=-5', 'min_volume'],
    ['platform=walmart', 'platform'],
    ['cursor=bm9wZQ', 'cursor'],
    ['day=2027-02-30', 'day'],
    ['color=red', 'color'],
  ])('GET /keywords?%s → 400 naming %s', async (query, field) => {
    const { status, body } = await get(`/keywords?${query}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', field });
  });

  it('takes a cursor as a position (value~id) in whatever sort it is given', async () => {
    const cursor = (await get(`/keywords?day=${LAST}&limit=5`)).body.next_cursor as string;
    expect(cursor).toMatch(/^[-\d.e+]+~\d+$/);
    expect((await get(`/keywords?day=${LAST}&sort=volume&cursor=${cursor}`)).status).toBe(200);
    // any value of the cursor's shape is a position, even beyond the integer volume column's range
    for (const c of ['999999999999999999999~1', '-1e+99~1', 'null~999999999999999999']) {
      expect([c, (await get(`/keywords?day=${LAST}&sort=volume&cursor=${encodeURIComponent(c)}`)).status]).toEqual([c, 200]);
    }
  });
});
