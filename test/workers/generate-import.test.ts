// The model step of the README: `npm run generate` writes a history, `npm run import` stores every line of it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, type Orm } from '../../activities/db/orm';

// the import runs a worker of its own, which bundles the workflows first (tens of seconds on a busy machine)
describe('npm run generate, then npm run import', { timeout: 240_000 }, () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createOrm(inject('databaseUrl'));
  });
  afterAll(() => orm?.close());

  // 5,400 lines: more than one INSERT can bind (65,535 parameters), so the import's chunking is exercised too
  it('stores one observation per generated line, with the generated values', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'generate-import-')), 'history.jsonl');
    // a day far from every other test's, so the rows counted are these
    const end = '2011-03-10';
    const generated = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'workers/generate.ts', '--keywords', '600', '--days', '3', '--end', end, '--seed', '5', '--out', file],
      { encoding: 'utf8' },
    );
    expect(generated.status).toBe(0);
    const imported = spawnSync(process.execPath, ['--import', 'tsx', 'workers/import.ts', file], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress') },
      encoding: 'utf8',
    });
    expect(imported.stderr).toContain('imported 5400 observations');
    expect(imported.status).toBe(0);

    const knex = orm.em.fork().getKnex();
    const [counts] = await knex('observations')
      .where('source', 'dataset:history.jsonl')
      .whereBetween('day', ['2011-03-08', end])
      .select(knex.raw('count(*)::int as rows, count(distinct keyword)::int as keywords, count(distinct day)::int as days'));
    expect(counts).toEqual({ rows: 5400, keywords: 600, days: 3 });
    // the file's first line: {"keyword":"letter size cat menu template","platform":"amazon","date":"2011-03-08","search_volume":24,
    // "competition":0.687,"cpc":0.54,"trend_score":0.425,"related_keywords":["mega bundle garden menu template",…],"category":"Software"}
    const first = await knex('observations')
      .where({ keyword: 'letter size cat menu template', platform: 'amazon', day: '2011-03-08' })
      .first('search_volume', 'competition', 'cpc', 'trend_score', 'related_keywords', 'category_data', 'workflow_id');
    expect(first).toEqual({
      search_volume: 24,
      competition: 0.687,
      cpc: 0.54,
      trend_score: 0.425,
      related_keywords: [
        'mega bundle garden menu template',
        'floral anniversary menu template',
        'letter size golf menu template',
        'cottagecore baby shower menu template',
      ],
      category_data: { top_category: 'Software' },
      workflow_id: expect.stringMatching(/^import-observations-[0-9a-f]{12}-/),
    });
  });
});
