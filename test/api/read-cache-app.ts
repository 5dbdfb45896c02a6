// What the read-cache files share: the app on the test stack with a read cache fed by a change listener, five days of
// simulated history with the first processed day, and helpers that wait for the listener. The state is exported as
// live bindings, set by the hooks useReadCacheApp() registers; its clean-up removes every row of its days.
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { listenForChanges, type ChangeListener } from '../../api/cache/change-listener';
import { ReadCache } from '../../api/cache/read-cache';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, type App, type Json } from './test-app';

// the default page is the newest processed day of the shared database: these days are later than any other test's
// (runs of today included) and within the year ahead the API accepts
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
export const FIRST = dayAhead(297);
export const DAY1 = dayAhead(300);
export const DAY2 = dayAhead(301);
export let stack: TestStack;
export let app: App;
export let cache: ReadCache;
export let keywords: string[];
let listener: ChangeListener;
let taskQueue: string;

export function useReadCacheApp(): void {
  beforeAll(async () => {
    stack = await startTestStack({ day: DAY2 });
    taskQueue = `read-cache-${uid()}`;
    cache = new ReadCache(8 * 1024 * 1024);
    // no probe during the file: its 'select 1' would replace the 'listen …' the lost-connection test looks the backend up by
    listener = listenForChanges(stack.orm, cache, pino({ level: 'silent' }), { everyMs: 3_600_000, timeoutMs: 5_000 });
    await listener.ready;
    app = testApp(stack, taskQueue, { cache });
    keywords = seedKeywords(uid());
    await seedHistory(stack.orm, keywords, FIRST, 5);
    await processDay(DAY1);
  });
  afterAll(async () => {
    await listener?.close();
    const knex = stack?.orm.em.getKnex();
    for (const table of ['processed_keywords', 'keyword_clusters', 'observations']) await knex?.(table).where('day', '>=', FIRST).delete();
    await stack?.close();
  });
}

export const knex = () => stack.orm.em.getKnex();
export const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, cache: res.headers.get('x-cache'), body: (await res.json()) as Json };
};
/** Waits until the listener has seen `n` more announcements than `before`. */
export async function announced(before: number, n = 1): Promise<void> {
  const until = Date.now() + 5_000;
  while (cache.stats().invalidations < before + n) {
    if (Date.now() > until) throw new Error(`no announcement after ${cache.stats().invalidations - before} of ${n}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
export async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** A processing run started through the API, finished by a worker; its writes are announced before it returns. */
export async function processDay(day: string): Promise<void> {
  const before = cache.stats().invalidations;
  const res = await post(app, '/process/keywords', { day });
  expect(res.status).toBe(202);
  const { workflowId } = (await res.json()) as Json;
  await stack.withWorker(() => stack.client.workflow.getHandle(workflowId as string).result(), { taskQueue });
  await announced(before);
}
