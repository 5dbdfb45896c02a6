// Migration20261202160000_import_labels on real rows: the labels older imports left in `details` move into
// `metric_sources`, where the volume source rule reads them; a label already there wins; other rows are untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewObservation } from '../../activities/db/entities';
import { MOVE_IMPORT_LABELS } from '../../activities/db/migrations/Migration20261202160000_import_labels';
import { upsertObservations } from '../../activities/db/repositories/observations';
import { volumeSourceSql } from '../../activities/db/repositories/volume-sources';
import { createOrm, type Orm } from '../../activities/db/orm';
import { testEnv } from '../helpers/env';
import { uid } from '../helpers/stack';

const DAY = '2009-10-02';
const SQP = 'amazon-sqp: weekly search query volume ×52/12';
let orm: Orm;
let token: string;

const row = (keyword: string, over: Partial<NewObservation>): NewObservation => ({
  platform: 'amazon',
  keyword,
  day: DAY,
  searchVolume: 4200,
  competition: 0.4,
  cpc: 0.9,
  trendScore: 0.5,
  relatedKeywords: [],
  categoryData: null,
  degraded: [],
  source: 'simulator',
  provenance: { search_volume: 'measured', competition: 'measured', cpc: 'derived' },
  details: null,
  metricSources: {},
  collectedAt: new Date('2009-10-02T06:00:00Z'),
  workflowId: 'test',
  ...over,
});

beforeAll(async () => {
  orm = await createOrm(testEnv().databaseUrl, { poolMax: 1 });
  token = uid();
  await upsertObservations(orm.em.fork(), [
    row(`old import ${token}`, {
      details: { search_volume_source: SQP, competition_source: 'keyword-planner-csv', cpc_source: 'keyword-planner-csv', asins: ['B0'] },
    }),
    row(`labelled ${token}`, { details: { search_volume_source: 'stale label' }, metricSources: { search_volume: SQP } }),
    row(`plain ${token}`, { details: { asins: ['B1'] } }),
  ]);
  await orm.em.getKnex().raw(MOVE_IMPORT_LABELS);
});
afterAll(async () => {
  await orm.em.getKnex()('observations').where('keyword', 'like', `% ${token}`).delete();
  await orm?.close(true);
});

describe('import labels moved into metric_sources', () => {
  it('moves every label, keeps a label already there, leaves other rows as they were', async () => {
    const rows = await orm.em
      .getKnex()('observations as o')
      .where('o.keyword', 'like', `% ${token}`)
      .select('o.keyword', 'o.metric_sources', 'o.details', orm.em.getKnex().raw(`${volumeSourceSql()} as volume_source`))
      .orderBy('o.keyword');
    expect(rows).toEqual([
      {
        keyword: `labelled ${token}`,
        metric_sources: { search_volume: SQP },
        details: {},
        volume_source: 'imported',
      },
      {
        keyword: `old import ${token}`,
        metric_sources: { search_volume: SQP, competition: 'keyword-planner-csv', cpc: 'keyword-planner-csv' },
        details: { asins: ['B0'] },
        volume_source: 'imported',
      },
      { keyword: `plain ${token}`, metric_sources: {}, details: { asins: ['B1'] }, volume_source: 'simulated' },
    ]);
  });
});
