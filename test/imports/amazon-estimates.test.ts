// The seller's three Amazon reports through POST /imports → importReport (real worker, Temporal, PostgreSQL): Search
// Terms ranks become volumes only once SQP volumes of the same week allow a fit, whose held-out error is reported;
// the search-term report's CPC fills unknown CPCs and its impressions stay a lower bound, never a volume.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import type { ImportReportResult } from '../../workflows/types/import-report';
import { post, testApp, type Json } from '../api/test-app';
import { startTestStack, type TestStack } from '../helpers/stack';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');
const ESTIMATE_LABEL =
  'amazon-search-terms: estimated from search frequency rank (power-law fit on 8 SQP terms, held-out median error 5.7%)';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: '2025-06-15' });
});
afterAll(() => stack?.close());

/** An Amazon row as the amazon-ads adapter stores it: no volume, no CPC unless given. */
async function seedRow(platform: string, keyword: string, day: string, volume: number | null) {
  await stack.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into observations (platform, keyword, day, search_volume, competition, cpc, related_keywords, degraded, source, collected_at, workflow_id, provenance)
     values (?, ?, ?, ?, null, null, '[]', '[]', 'amazon-ads:advertising-api.amazon.com', now(), 'seed-test', ?)`,
      [platform, keyword, day, volume, JSON.stringify({ search_volume: volume === null ? 'unknown' : 'measured', cpc: 'unknown' })],
    );
}

const rowsOf = async (keywords: string[]) =>
  (
    await stack.orm.em
      .fork()
      .find(ObservationSchema, { keyword: { $in: keywords } }, { orderBy: { keyword: 'asc', platform: 'asc', day: 'asc' } })
  ).map((r) => [r.keyword, r.platform, r.day, r.searchVolume, r.provenance.search_volume, r.metricSources.search_volume ?? null, r.cpc]);

async function importFile(
  format: string,
  content: string,
  taskQueue: string,
): Promise<{ workflowId: string; uploadId: string; result: Promise<ImportReportResult> }> {
  const res = await post(testApp(stack, taskQueue), '/imports', { format, content, fileName: `${format}.json` });
  expect(res.status).toBe(202);
  const { workflowId, uploadId } = (await res.json()) as Json;
  return { workflowId, uploadId, result: stack.client.workflow.getHandle(workflowId).result() };
}

describe('POST /imports: Search Terms, SQP and the search-term report together', () => {
  it('estimates volumes from ranks only through a fit on SQP terms of the week, never over a measured one, and fills CPC', async () => {
    const terms = [
      'fitness log book',
      'travel journal notebook',
      'meal planner notebook',
      'teacher planner undated',
      'recipe book to write in',
    ];
    await seedRow('amazon', 'fitness log book', '2025-06-09', null);
    await seedRow('amazon', 'fitness log book', '2025-06-10', null);
    await seedRow('etsy', 'fitness log book', '2025-06-09', null);
    await seedRow('amazon', 'travel journal notebook', '2025-06-09', null);
    await seedRow('amazon', 'meal planner notebook', '2025-06-10', null);
    await seedRow('amazon', 'teacher planner undated', '2025-06-12', 700);
    await seedRow('amazon', 'recipe book to write in', '2025-06-15', null);

    await stack.withWorker(async (taskQueue) => {
      // ranks first: no SQP volumes of the week yet, so no volume
      const ranks = await (await importFile('amazon-search-terms', fixture('amazon-search-terms.json'), taskQueue)).result;
      expect(ranks).toMatchObject({ status: 'imported', records: 14, written: { search_term_ranks: 14 } });
      expect(ranks.fits).toEqual([
        {
          periodFrom: '2025-06-08',
          periodTo: '2025-06-14',
          overlap: 0,
          fit: null,
          estimated: 0,
          filled: 0,
          reason: '0 terms have both a rank and an amazon-sqp volume for 2025-06-08–2025-06-14; a fit needs 8',
        },
      ]);
      expect((await rowsOf(terms)).every((r) => r[3] === null || r[3] === 700)).toBe(true);

      // the seller's SQP week: its own volumes, and the fit over the 10 terms in both reports
      const sqp = await importFile('amazon-sqp', fixture('amazon-sqp-week-24.json'), taskQueue);
      const sqpResult = await sqp.result;
      expect(sqpResult).toMatchObject({ written: { reported_demand: 10, search_volume: 1, estimated_search_volume: 3 } });
      expect(sqpResult.fits).toEqual([
        {
          periodFrom: '2025-06-08',
          periodTo: '2025-06-14',
          overlap: 10,
          fit: { trainedOn: 8, a: 16.05035, b: -0.906445, heldOut: 2, heldOutMedianApe: 0.057 },
          estimated: 14,
          filled: 3,
        },
      ]);
      expect(sqpResult.message).toContain('2025-06-08–2025-06-14: rank→volume fit on 8 SQP terms, held-out median error 5.7% on 2 terms');
      // the run's status, and the upload's record (kept beyond Temporal's history), report the fit
      const app = testApp(stack, taskQueue);
      const status = (await (await app.request(`/workflows/${sqp.workflowId}`)).json()) as Json;
      expect(status.result.fits[0].fit).toEqual(sqpResult.fits![0]!.fit);
      const record = await app.request(`/imports/${sqp.uploadId}`);
      expect(record.status).toBe(200);
      expect(await record.json()).toMatchObject({
        uploadId: sqp.uploadId,
        format: 'amazon-sqp',
        fileName: 'amazon-sqp.json',
        importedBy: sqp.workflowId,
        rowsWritten: 10,
        result: { status: 'imported', fits: sqpResult.fits, written: sqpResult.written },
      });

      const ads = await (await importFile('amazon-sp-search-terms', fixture('amazon-sp-search-terms.json'), taskQueue)).result;
      expect(ads).toMatchObject({ written: { reported_demand: 4, search_volume: 0, cpc: 4, details: 4 } });
    });

    const sqpLabel = 'amazon-sqp: weekly search query volume ×52/12';
    expect(await rowsOf(terms)).toEqual([
      ['fitness log book', 'amazon', '2025-06-09', 1794, 'estimated', ESTIMATE_LABEL, 0.83],
      ['fitness log book', 'amazon', '2025-06-10', 1794, 'estimated', ESTIMATE_LABEL, 0.85],
      ['fitness log book', 'etsy', '2025-06-09', null, 'unknown', null, null],
      ['meal planner notebook', 'amazon', '2025-06-10', 1668, 'measured', sqpLabel, 0.95],
      // outside the week: not the report's business
      ['recipe book to write in', 'amazon', '2025-06-15', null, 'unknown', null, null],
      // the platform's own number stays
      ['teacher planner undated', 'amazon', '2025-06-12', 700, 'measured', null, null],
      ['travel journal notebook', 'amazon', '2025-06-09', 877, 'estimated', ESTIMATE_LABEL, 0.58],
    ]);
    const fitness = await stack.orm.em
      .fork()
      .findOneOrFail(ObservationSchema, { keyword: 'fitness log book', platform: 'amazon', day: '2025-06-09' });
    expect([fitness.metricSources.cpc, fitness.details?.ads_impressions_lower_bound]).toEqual([
      'amazon-sp-search-terms: cost / clicks',
      600,
    ]);
    const ranks = await stack.orm.em
      .fork()
      .getConnection()
      .execute(
        `select keyword, search_frequency_rank, estimated_search_volume from search_term_ranks where keyword = 'teacher planner undated'`,
      );
    expect(ranks).toEqual([{ keyword: 'teacher planner undated', search_frequency_rank: 240800, estimated_search_volume: 124 }]);
  });

  it('fits at the Search Terms import when the SQP week came first', async () => {
    // the fixtures moved one week on: other bytes, other period
    const nextWeek = (text: string) => text.replaceAll('2025-06-08', '2025-06-15').replaceAll('2025-06-14', '2025-06-21');
    await seedRow('amazon', 'recipe book to write in', '2025-06-18', null);
    await stack.withWorker(async (taskQueue) => {
      const sqp = await (await importFile('amazon-sqp', nextWeek(fixture('amazon-sqp-week-24.json')), taskQueue)).result;
      // no ranks stored for that week yet: nothing to fit
      expect([sqp.written.estimated_search_volume, sqp.fits]).toEqual([undefined, undefined]);
      const ranks = await (await importFile('amazon-search-terms', nextWeek(fixture('amazon-search-terms.json')), taskQueue)).result;
      // filled: this row, and the one of 2025-06-15 the first week's estimates left alone
      expect(ranks.fits).toMatchObject([
        { periodFrom: '2025-06-15', overlap: 10, fit: { trainedOn: 8, heldOutMedianApe: 0.057 }, filled: 2 },
      ]);
    });
    expect((await rowsOf(['recipe book to write in'])).find((r) => r[2] === '2025-06-18')).toEqual([
      'recipe book to write in',
      'amazon',
      '2025-06-18',
      457,
      'estimated',
      ESTIMATE_LABEL,
      null,
    ]);
  });
});
