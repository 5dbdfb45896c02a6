// What the dashboard's browser test files share: a processed fortnight of simulated keywords (and, for the pages that
// show them, a trend analysis and a model) behind the real app on a real port, Chromium on one page, and the clean-up
// that leaves no newest day, analysis or model behind for other files' "newest" reads (files run one at a time).
// The state is exported as live bindings, set by the hooks useDashboard() registers.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { addDays } from '../../activities/processing/days';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, post, testApp, type App, type Json } from '../api/test-app';
import { launchBrowser, serveApp, type Served } from './browser';

// later than any other test's processed day (the pages show the newest), yet within the year ahead days may reach
export const LAST = addDays(new Date().toISOString().slice(0, 10), 330);
export const FIRST = addDays(LAST, -13);
export let stack: TestStack;
export let app: App;
export let page: Page;
export let keywords: string[];
let served: Served;
let browser: Browser;
let stopWorker: () => void;
let worker: Promise<void>;

async function run(path: string, body: unknown): Promise<Json> {
  const res = await post(app, path, body);
  expect(res.status).toBe(202);
  const { workflowId } = (await res.json()) as Json;
  return stack.client.workflow.getHandle(workflowId as string).result();
}

/** The hooks of a dashboard test file; `insights` adds the trend analysis and the model the insight pages show. */
export function useDashboard({ insights }: { insights: boolean }): void {
  let startedAt: Date;
  beforeAll(async () => {
    startedAt = new Date();
    stack = await startTestStack({ day: LAST });
    const taskQueue = `dashboard-${uid()}`;
    app = testApp(stack, taskQueue, { temporal: { namespace: 'default', taskQueue, uiUrl: 'http://temporal-ui.test' } });
    keywords = seedKeywords(uid());
    await seedHistory(stack.orm, keywords, FIRST, 14);
    worker = stack.withWorker(() => new Promise<void>((resolve) => (stopWorker = resolve)), { taskQueue });
    expect(await run('/process/keywords', { day: LAST })).toMatchObject({ processed: 90 });
    if (insights) {
      await run('/analyze/trends', { to: LAST, days: 14 });
      await run('/models/train', { to: LAST, days: 14 });
    }
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
}

/** Follows a download link the way the browser would fetch it: status, first bytes, content type, disposition, body. */
export const download = (selector: string) =>
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

export const open = async (path: string) => {
  const res = await page.goto(`${served.url}${path}`, { waitUntil: 'networkidle0' });
  return res!.status();
};

/** Signs the page in with the API key (pages.test.ts checks each step of it). */
export async function signIn(): Promise<void> {
  await open('/ui/login');
  await page.type('input[name=api_key]', API_KEY);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  expect(new URL(page.url()).pathname).toBe('/');
}
