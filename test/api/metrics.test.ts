// GET /metrics: request counts and latencies by method, route pattern and status, never rate-limited.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { samples, sum } from '../helpers/prometheus';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, testApp } from './test-app';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-23' });
});
afterAll(() => stack?.close());

it('counts each answered request under its route pattern and status, and times it', async () => {
  const app = testApp(stack, `metrics-${uid()}`);
  for (let i = 0; i < 3; i++) expect((await app.request('/health')).status).toBe(200);
  expect((await app.request('/keywords/some%20keyword')).status).toBe(404);
  expect((await app.request('/no/such/route')).status).toBe(404);
  expect((await app.request('/collect/keywords', { method: 'POST' })).status).toBe(401);

  const res = await app.request('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  expect(samples(text, 'http_requests_total', { method: 'GET', route: '/health', status: '200' })).toEqual([3]);
  // the pattern, never the keyword: one series per route
  expect(samples(text, 'http_requests_total', { method: 'GET', route: '/keywords/:keyword', status: '404' })).toEqual([1]);
  expect(text).not.toContain('some keyword');
  expect(samples(text, 'http_requests_total', { route: 'unmatched', status: '404' })).toEqual([1]);
  expect(samples(text, 'http_requests_total', { method: 'POST', route: '/collect/keywords', status: '401' })).toEqual([1]);
  expect(samples(text, 'http_request_duration_seconds_count', { route: '/health' })).toEqual([3]);
  expect(sum(samples(text, 'process_cpu_seconds_total'))).toBeGreaterThan(0);
});

it('answers scrapes beyond the rate limit, and each app counts only its own requests', async () => {
  const app = createApp({
    client: stack.client,
    orm: stack.orm,
    temporal: { namespace: 'default', taskQueue: 'unused', uiUrl: 'http://localhost:8233' },
    security: { apiKey: API_KEY, rateLimit: { perMinute: 1, burst: 1 } },
  });
  expect((await app.request('/keywords')).status).toBe(200);
  expect((await app.request('/keywords')).status).toBe(429);
  for (let i = 0; i < 3; i++) expect((await app.request('/metrics')).status).toBe(200);
  const text = await (await app.request('/metrics')).text();
  expect(samples(text, 'http_requests_total', { route: '/keywords', status: '429' })).toEqual([1]);
  expect(samples(text, 'http_requests_total', { route: '/health' })).toEqual([]);
});
