// What the processing, trend and model route files share: the app on the test stack, fourteen days of simulated
// observations of 30 keywords processed through the API, and helpers to read and to start runs. The state is exported
// as live bindings, set by the hooks useInsightsApp() registers.
import { afterAll, beforeAll, expect } from 'vitest';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { post, testApp, type App, type Json } from './test-app';

export let stack: TestStack;
export let app: App;
export let keywords: string[];
let taskQueue: string;

/** The hooks of a file: 14 days of history from `first` to `last` (each file its own days), `last` processed. */
export function useInsightsApp(first: string, last: string): void {
  beforeAll(async () => {
    stack = await startTestStack({ day: last });
    taskQueue = `api-insights-${uid()}`;
    app = testApp(stack, taskQueue, { temporal: { namespace: 'default', taskQueue, uiUrl: 'http://ui' } });
    keywords = seedKeywords(uid());
    await seedHistory(stack.orm, keywords, first, 14);
    expect(await runThroughApi('/process/keywords', { day: last })).toMatchObject({ day: last, processed: 90 });
  });
  afterAll(() => stack?.close());
}

export const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Json };
};
/** Starts a run through the API and lets a worker on the API's task queue finish it. */
export async function runThroughApi(path: string, body?: unknown): Promise<Json> {
  const res = await post(app, path, body);
  expect(res.status).toBe(202);
  const started = (await res.json()) as Json;
  expect(started).toMatchObject({
    workflowId: expect.any(String),
    statusUrl: `/workflows/${started.workflowId}`,
    temporalUiUrl: `http://ui/namespaces/default/workflows/${started.workflowId}`,
  });
  return stack.withWorker(() => stack.client.workflow.getHandle(started.workflowId).result(), { taskQueue });
}
