// Bad Amazon report files through POST /imports → importReport: refused naming the line and the field, nothing
// written but the staged upload; and GET /imports/{id}'s answers for an unknown or malformed id.
import { readFileSync } from 'node:fs';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, rowCounts, testApp, type Json } from '../api/test-app';
import { startTestStack, type TestStack } from '../helpers/stack';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: '2025-06-15' });
});
afterAll(() => stack?.close());

async function importFile(format: string, content: string, taskQueue: string) {
  const res = await post(testApp(stack, taskQueue), '/imports', { format, content, fileName: `${format}.json` });
  expect(res.status).toBe(202);
  const { workflowId } = (await res.json()) as Json;
  return { result: stack.client.workflow.getHandle(workflowId).result() };
}

describe('POST /imports of a bad Amazon report', () => {
  it('answers GET /imports/{id} with 404 for an unknown upload and 400 for a malformed id', async () => {
    const app = testApp(stack, 'unused');
    const missing = await app.request('/imports/999999999');
    expect([missing.status, ((await missing.json()) as Json).error]).toEqual([404, 'not_found']);
    const bad = await app.request('/imports/abc');
    expect([bad.status, ((await bad.json()) as Json).field]).toEqual([400, 'id']);
  });

  it.each([
    [
      'amazon-search-terms',
      fixture('amazon-search-terms.json').replace('"searchFrequencyRank": 4210', '"searchFrequencyRank": -4210'),
      16,
      'dataByDepartmentAndSearchTerm[0].searchFrequencyRank',
    ],
    [
      'amazon-sp-search-terms',
      fixture('amazon-sp-search-terms.json').replace('"impressions": 412', '"impressions": -412'),
      11,
      '[0].impressions',
    ],
    ['amazon-search-terms', fixture('amazon-sqp-week-24.json'), 1, 'dataByDepartmentAndSearchTerm'],
  ])('refuses a bad %s file naming the line and the field, writing nothing but the staged upload', async (format, content, line, field) => {
    await stack.withWorker(async (taskQueue) => {
      const before = await rowCounts(stack.orm);
      const err = await (await importFile(format, content, taskQueue)).result.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowFailedError);
      const failure = (err as WorkflowFailedError).cause?.cause as { message: string; type: string; details: unknown[] };
      expect([failure.message.startsWith(`line ${line}: ${field} `), failure.type, failure.details]).toEqual([
        true,
        'InvalidInput',
        [{ line, field }],
      ]);
      expect(await rowCounts(stack.orm)).toEqual({ ...before, report_uploads: before.report_uploads! + 1 });
    });
  });
});
