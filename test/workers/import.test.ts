// `npm run import`: the dataset's lines become observations, all or nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { createOrm, type Orm } from '../../activities/db/orm';
import { parseObservationLine } from '../../activities/imports/formats/observation-line';
import { provided } from '../helpers/env';
import { uid } from '../helpers/stack';

const line = (o: Record<string, unknown>) =>
  JSON.stringify({
    keyword: 'Boho  Wedding Planner',
    platform: 'etsy',
    date: '2027-08-01',
    search_volume: 812.4,
    competition: 0.41,
    cpc: 0.62,
    trend_score: 0.77,
    related_keywords: ['wedding planner pdf'],
    category: 'Paper & Party Supplies',
    ...o,
  });

describe('parseObservationLine', () => {
  it('normalises the keyword and maps the fields', () => {
    expect(parseObservationLine(line({}), 1)).toEqual({
      keyword: 'boho wedding planner',
      platform: 'etsy',
      day: '2027-08-01',
      searchVolume: 812,
      competition: 0.41,
      cpc: 0.62,
      trendScore: 0.77,
      relatedKeywords: ['wedding planner pdf'],
      category: 'Paper & Party Supplies',
    });
  });

  it.each([
    ['{oops', '(line)'],
    [line({ platform: 'walmart' }), 'platform'],
    [line({ date: '2027-02-30' }), 'date'],
    [line({ search_volume: -1 }), 'search_volume'],
    [line({ cpc: '1' }), 'cpc'],
    [line({ keyword: '  ' }), 'keyword'],
    [line({ related_keywords: [1] }), 'related_keywords'],
    [line({ keyword: 'bell\u0007inside' }), 'keyword'],
  ])('rejects %s naming %s', (text, field) => {
    expect(() => parseObservationLine(text, 7)).toThrow(`line 7: ${field} `);
  });
});

// each run starts a worker of its own, which bundles the workflows first (tens of seconds on a busy machine)
describe('npm run import', { timeout: 240_000 }, () => {
  let orm: Orm;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  beforeAll(async () => {
    orm = await createOrm(provided('databaseUrl'));
  });
  afterAll(() => orm?.close());

  const runImport = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'workers/import.ts', file], {
      env: { ...process.env, DATABASE_URL: provided('databaseUrl'), TEMPORAL_ADDRESS: provided('temporalAddress') },
      encoding: 'utf8',
    });

  it('imports every line, upserting by (platform, keyword, day)', async () => {
    const kw = `import ok ${uid()}`;
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(
      file,
      [line({ keyword: kw }), line({ keyword: kw, platform: 'ebay' }), '', line({ keyword: kw, search_volume: 900 })].join('\n'),
    );
    const out = runImport(file);
    expect(out.status).toBe(0);
    expect(out.stderr).toContain('imported 2 observations from ok.jsonl');
    const rows = await orm.em.fork().find(ObservationSchema, { keyword: kw }, { orderBy: { platform: 'asc' } });
    expect(rows.map((r) => [r.platform, r.searchVolume, r.source])).toEqual([
      ['ebay', 812, 'dataset:ok.jsonl'],
      ['etsy', 900, 'dataset:ok.jsonl'],
    ]);
    expect(rows[0]!.categoryData).toEqual({ top_category: 'Paper & Party Supplies' });
  });

  it('replaces a collected row whole: its provenance and details do not outlive the metrics they described', async () => {
    const kw = `import over ${uid()}`;
    const em = orm.em.fork();
    await em.getConnection().execute(
      `insert into observations (platform, keyword, day, search_volume, related_keywords, degraded, source, collected_at, workflow_id, provenance, details)
       values ('etsy', ?, '2027-08-01', null, '[]', '[]', 'etsy-v3:openapi.etsy.com', now(), 'collect', ?, ?)`,
      [kw, JSON.stringify({ search_volume: 'unknown', trend_score: 'derived' }), JSON.stringify({ result_count: 1234 })],
    );
    const file = path.join(dir, 'over.jsonl');
    writeFileSync(file, line({ keyword: kw }));
    expect(runImport(file).status).toBe(0);
    const [row] = await orm.em.fork().find(ObservationSchema, { keyword: kw });
    expect([row!.searchVolume, row!.source, row!.provenance, row!.details]).toEqual([812, 'dataset:over.jsonl', {}, null]);
  });

  it('imports a file larger than one statement can bind (15 columns × 5,000 rows > 65,535 parameters)', async () => {
    const kw = `import many ${uid()}`;
    const file = path.join(dir, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 6_000 }, (_, i) => line({ keyword: `${kw} ${i}`, search_volume: i })).join('\n'));
    const out = runImport(file);
    expect(out.stderr).toContain('imported 6000 observations');
    expect(out.status).toBe(0);
    const [count] = await orm.em
      .fork()
      .getConnection()
      .execute<{ n: number; volumes: number }[]>(
        `select count(*)::int as n, sum(search_volume)::int as volumes from observations where keyword like ?`,
        [`${kw} %`],
      );
    expect(count).toEqual({ n: 6_000, volumes: (5_999 * 6_000) / 2 });
  });

  it('writes nothing when a line is bad, and says which', async () => {
    const kw = `import bad ${uid()}`;
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, [line({ keyword: kw }), line({ keyword: kw, platform: 'walmart' })].join('\n'));
    const out = runImport(file);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('nothing written: line 2: platform must be one of amazon, etsy, ebay');
    expect(await orm.em.fork().count(ObservationSchema, { keyword: kw })).toBe(0);
  });
});
