// POST /imports → importReport: a real worker, Temporal and PostgreSQL. Filled where weaker, kept where measured,
// once per content, and nothing written for a bad file.
import { readFileSync } from 'node:fs';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../activities/db/entities';
import { importProgressQuery, MAX_IMPORT_BYTES, type ImportReportResult } from '../../workflows/types/import-report';
import { AUTH, post, rowCounts, testApp, type Json } from '../api/test-app';
import { recordHistory } from '../helpers/histories';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const CSV = readFileSync(new URL('../fixtures/imports/keyword-planner.csv', import.meta.url), 'utf8');
const TSV16 = readFileSync(new URL('../fixtures/imports/keyword-planner-utf16.tsv', import.meta.url));
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: '2025-06-01' });
});
afterAll(() => stack?.close());

/** A stored row as a collector would write it; `volume` null with provenance unknown is what official adapters give. */
async function seedRow(platform: string, keyword: string, day: string, volume: number | null, source: string, measured: boolean) {
  await stack.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into observations (platform, keyword, day, search_volume, competition, cpc, related_keywords, degraded, source, collected_at, workflow_id, provenance)
     values (?, ?, ?, ?, null, 0.4, '[]', '[]', ?, now(), 'seed-test', ?)`,
      [
        platform,
        keyword,
        day,
        volume,
        source,
        JSON.stringify({ search_volume: measured ? 'measured' : 'unknown', competition: 'unknown', cpc: 'measured' }),
      ],
    );
}

const rowsOf = async (keyword: string) =>
  (await stack.orm.em.fork().find(ObservationSchema, { keyword }, { orderBy: { platform: 'asc', day: 'asc' } })).map((r) => ({
    platform: r.platform,
    day: r.day,
    volume: r.searchVolume,
    competition: r.competition,
    cpc: r.cpc,
    label: r.metricSources.search_volume ?? null,
  }));

async function resultOf(workflowId: string): Promise<ImportReportResult> {
  return stack.client.workflow.getHandle(workflowId).result();
}

describe('POST /imports, format amazon-sqp', () => {
  it('gives Amazon rows of the week the monthly equivalent of the weekly volume, over Google demand, never other platforms or weeks', async () => {
    const kw = 'bread baking log book';
    await seedRow('amazon', kw, '2025-05-04', null, 'amazon-ads', false);
    await seedRow('amazon', kw, '2025-05-10', 99, 'amazon-ads', true);
    await stack.orm.em
      .fork()
      .getConnection()
      .execute(
        `update observations set metric_sources = '{"search_volume":"keyword-planner-csv: average monthly Google searches"}' where keyword = ? and day = '2025-05-10'`,
        [kw],
      );
    await seedRow('amazon', kw, '2025-05-11', null, 'amazon-ads', false);
    await seedRow('etsy', kw, '2025-05-05', null, 'etsy-v3', false);
    const sqp = readFileSync(new URL('../fixtures/imports/amazon-sqp.json', import.meta.url), 'utf8');
    await stack.withWorker(async (taskQueue) => {
      const started = (await (
        await post(testApp(stack, taskQueue), '/imports', { format: 'amazon-sqp', content: sqp, fileName: 'sqp.json' })
      ).json()) as Json;
      expect(await resultOf(started.workflowId)).toMatchObject({
        status: 'imported',
        records: 3,
        written: { reported_demand: 3, search_volume: 2 },
      });
    });
    const label = 'amazon-sqp: weekly search query volume ×52/12';
    expect((await rowsOf(kw)).map((r) => [r.platform, r.day, r.volume, r.label])).toEqual([
      ['amazon', '2025-05-04', 1300, label],
      ['amazon', '2025-05-10', 1300, label],
      ['amazon', '2025-05-11', null, null],
      ['etsy', '2025-05-05', null, null],
    ]);
  });
});

describe('POST /imports, format keyword-planner-csv', () => {
  it('fills unknown and simulated volumes, keeps measured ones, and says where each came from; the same bytes again write nothing', async () => {
    const kw = 'wedding seating chart template';
    await seedRow('amazon', kw, '2025-05-01', null, 'amazon-ads:advertising-api.amazon.com', false);
    await seedRow('ebay', kw, '2025-05-01', 77, 'simulator', true);
    await seedRow('etsy', kw, '2025-05-01', 500, 'etsy-v3:openapi.etsy.com', true);
    // before the report's period: not the report's business
    await seedRow('amazon', kw, '2024-10-31', null, 'amazon-ads:advertising-api.amazon.com', false);
    await stack.withWorker(async (taskQueue) => {
      const app = testApp(stack, taskQueue);
      const res = await post(app, '/imports', { format: 'keyword-planner-csv', content: CSV, fileName: 'kp.csv' });
      expect(res.status).toBe(202);
      const started = (await res.json()) as Json;
      expect(started).toMatchObject({
        message: 'importReport started',
        alreadyImportedBy: null,
        statusUrl: `/workflows/${started.workflowId}`,
      });
      const result = await resultOf(started.workflowId);
      if (process.env.RECORD_HISTORIES) await recordHistory('import-report', stack.client.workflow.getHandle(started.workflowId));
      expect(result).toMatchObject({
        status: 'imported',
        format: 'keyword-planner-csv',
        lines: 7,
        records: 4,
        written: { reported_demand: 4, search_volume: 2, competition: 3, cpc: 0 },
      });
      const label = 'keyword-planner-csv: average monthly Google searches';
      expect(await rowsOf(kw)).toEqual([
        { platform: 'amazon', day: '2024-10-31', volume: null, competition: null, cpc: 0.4, label: null },
        { platform: 'amazon', day: '2025-05-01', volume: 14800, competition: 0.45, cpc: 0.4, label },
        { platform: 'ebay', day: '2025-05-01', volume: 14800, competition: 0.45, cpc: 0.4, label },
        { platform: 'etsy', day: '2025-05-01', volume: 500, competition: 0.45, cpc: 0.4, label: null },
      ]);
      expect(await stack.client.workflow.getHandle(started.workflowId).query(importProgressQuery)).toEqual({
        phase: 'done',
        uploadId: started.uploadId,
        lines: 7,
        records: 4,
      });
      const status = (await (await app.request(started.statusUrl)).json()) as Json;
      expect(status).toMatchObject({ status: 'COMPLETED', type: 'importReport', result: { status: 'imported' } });

      const before = await rowCounts(stack.orm);
      const again = (await (await post(app, '/imports', { format: 'keyword-planner-csv', content: CSV })).json()) as Json;
      expect(again).toMatchObject({ uploadId: started.uploadId, alreadyImportedBy: started.workflowId });
      expect(await resultOf(again.workflowId)).toMatchObject({ status: 'already-imported', importedBy: started.workflowId, written: {} });
      expect(await rowCounts(stack.orm)).toEqual(before);
    });
  });

  it('takes the real export as a multipart file (UTF-16LE TSV)', async () => {
    await stack.withWorker(async (taskQueue) => {
      const form = new FormData();
      form.set('format', 'keyword-planner-csv');
      form.set('file', new File([TSV16], 'Keyword Stats 2025-11-03.csv'));
      const res = await testApp(stack, taskQueue).request('/imports', { method: 'POST', headers: AUTH, body: form });
      expect(res.status).toBe(202);
      const result = await resultOf(((await res.json()) as Json).workflowId);
      expect(result).toMatchObject({
        status: 'imported',
        records: 4,
        message: expect.stringContaining('from Keyword Stats 2025-11-03.csv'),
      });
    });
  });

  it('refuses a bad file naming the line and field, and writes nothing but the staged upload', async () => {
    const kw = `bad import ${uid()}`;
    await seedRow('amazon', kw, '2025-05-01', null, 'amazon-ads', false);
    const bad = CSV.replace('budget binder printable,USD,2900', `${kw},USD,-2900`);
    await stack.withWorker(async (taskQueue) => {
      const before = await rowCounts(stack.orm);
      const started = (await (
        await post(testApp(stack, taskQueue), '/imports', { format: 'keyword-planner-csv', content: bad })
      ).json()) as Json;
      const err = await resultOf(started.workflowId).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowFailedError);
      const failure = (err as WorkflowFailedError).cause?.cause as { message: string; type: string; details: unknown[] };
      expect([failure.message, failure.type, failure.details]).toEqual([
        'line 6: Avg. monthly searches must be a number ≥ 0, not "-2900"',
        'InvalidInput',
        [{ line: 6, field: 'Avg. monthly searches' }],
      ]);
      expect(await rowCounts(stack.orm)).toEqual({ ...before, report_uploads: before.report_uploads! + 1 });
      expect(await rowsOf(kw)).toEqual([{ platform: 'amazon', day: '2025-05-01', volume: null, competition: null, cpc: 0.4, label: null }]);
    });
  });

  it('answers 400 naming the field for an unknown format or no file, and 413 above the size limit, starting nothing', async () => {
    const app = testApp(stack, `unused-${uid()}`);
    const before = await rowCounts(stack.orm);
    const unknown = await post(app, '/imports', { format: 'amazon-csv', content: 'x' });
    expect([unknown.status, ((await unknown.json()) as Json).field]).toEqual([400, 'format']);
    const empty = await post(app, '/imports', { format: 'observations', content: '' });
    expect([empty.status, ((await empty.json()) as Json).field]).toEqual([400, 'content']);
    const form = new FormData();
    form.set('format', 'observations');
    const noFile = await app.request('/imports', { method: 'POST', headers: AUTH, body: form });
    expect([noFile.status, ((await noFile.json()) as Json).field]).toEqual([400, 'file']);
    // the contract's minimum too: a file part, or base64 content, of at least one byte
    form.set('file', new File([], 'empty.csv'));
    const emptyFile = await app.request('/imports', { method: 'POST', headers: AUTH, body: form });
    expect([emptyFile.status, ((await emptyFile.json()) as Json).message]).toEqual([400, 'file: is empty']);
    const noBytes = await post(app, '/imports', { format: 'amazon-sqp', content: '0', encoding: 'base64' });
    expect([noBytes.status, ((await noBytes.json()) as Json).field]).toEqual([400, 'content']);
    const huge = await post(app, '/imports', { format: 'observations', content: 'x'.repeat(MAX_IMPORT_BYTES + 1) });
    expect([huge.status, ((await huge.json()) as Json).error]).toEqual([413, 'payload_too_large']);
    expect(await rowCounts(stack.orm)).toEqual(before);
  });
});
