// What the /lists files share: the app on the test stack (its task queue, for the collection's worker) and small
// request helpers. The state is exported as live bindings, set by the hooks useListsApp() registers.
import { afterAll, beforeAll } from 'vitest';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { AUTH, JSON_AUTH, testApp, type App, type Json } from './test-app';

export let stack: TestStack;
export let app: App;
export let taskQueue: string;

export function useListsApp(): void {
  beforeAll(async () => {
    stack = await startTestStack({ day: new Date().toISOString().slice(0, 10) });
    taskQueue = `lists-${uid()}`;
    app = testApp(stack, taskQueue);
  });
  afterAll(() => stack?.close());
}

export const put = (path: string, body: unknown) => app.request(path, { method: 'PUT', headers: JSON_AUTH, body: JSON.stringify(body) });
export const del = (path: string) => app.request(path, { method: 'DELETE', headers: AUTH });
export const json = async (res: Response) => [res.status, (await res.json()) as Json] as const;
