// The API key on every mutating route, CORS from an allow-list, the per-client rate limit, the body limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDashboardPath } from '../../api/dashboard/routes';
import { loadConfig } from '../../workers/config/config';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, JSON_AUTH, post, rowCounts, testApp, workflowsOnQueue, type App, type Json } from './test-app';

let stack: TestStack;
let app: App;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-22' });
  taskQueue = `api-sec-${uid()}`;
  app = testApp(stack, taskQueue);
});
afterAll(() => stack?.close());

/** Every API route with a method that is not GET, with its path parameters filled in (the dashboard's forms: test/dashboard/session.test.ts). */
const mutating = (a: App) => [
  ...new Set(
    a.routes
      .filter((r) => !['GET', 'ALL'].includes(r.method) && !isDashboardPath(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:\w+/g, 'x')}`),
  ),
];
const body = JSON.stringify({ keywords: ['ok'] });

describe('API key', () => {
  it('is required on every mutating route: missing, wrong, or not configured → 401, nothing started or written', async () => {
    const routes = mutating(app);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /collect/keywords',
        'POST /process/keywords',
        'POST /analyze/trends',
        'POST /models/train',
        'POST /predict/success',
        'POST /schedules/x/trigger',
        'POST /schedules/x/pause',
        'POST /schedules/x/unpause',
      ]),
    );
    const before = await rowCounts(stack.orm);
    const unconfigured = testApp(stack, taskQueue, { security: {} });
    const attempts: [App, Record<string, string>, RegExp][] = [
      [app, {}, /^missing API key/],
      [app, { 'x-api-key': 'not-the-key' }, /^wrong API key/],
      [app, { authorization: 'Bearer not-the-key' }, /^wrong API key/],
      [app, { authorization: `Basic ${API_KEY}` }, /^missing API key/],
      [app, { 'x-api-key': API_KEY.slice(0, -1) }, /^wrong API key/],
      [unconfigured, { 'x-api-key': API_KEY }, /no API key configured \(set API_KEY\)/],
    ];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      for (const [target, headers, message] of attempts) {
        const res = await target.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body });
        expect([route, res.status]).toEqual([route, 401]);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringMatching(message) });
      }
    }
    expect(await workflowsOnQueue(stack.client, taskQueue)).toBe(0);
    expect(await rowCounts(stack.orm)).toEqual(before);
  });

  it('is accepted as X-API-Key or Authorization: Bearer; reads need none', async () => {
    const bearer = await post(app, '/process/keywords', undefined, { authorization: `Bearer ${API_KEY}` });
    expect(bearer.status).toBe(202);
    const { workflowId } = (await bearer.json()) as Json;
    await stack.client.workflow.getHandle(workflowId as string).terminate('test done');
    expect((await post(app, '/predict/success', { search_volume: 1 }, JSON_AUTH)).status).toBe(400);
    expect((await app.request('/models')).status).toBe(200);
  });

  it('comes from API_KEY, which must be long enough; there is no default', () => {
    expect(loadConfig({}).api.apiKey).toBeUndefined();
    expect(loadConfig({ API_KEY }).api.apiKey).toBe(API_KEY);
    expect(() => loadConfig({ API_KEY: 'short' })).toThrow(/API_KEY is invalid: must be at least 16 characters/);
  });
});

describe('CORS', () => {
  const origin = 'https://app.example.com';
  const preflight = (a: App, from: string) =>
    a.request('/collect/keywords', {
      method: 'OPTIONS',
      headers: { origin: from, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });

  it('answers preflights from listed origins only, never with credentials', async () => {
    const cors = testApp(stack, taskQueue, { security: { apiKey: API_KEY, corsOrigins: [origin] } });
    const allowed = await preflight(cors, origin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('X-API-Key');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toContain('Origin');
    const denied = await preflight(cors, 'https://evil.example');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const read = await cors.request('/health', { headers: { origin } });
    expect(read.headers.get('access-control-allow-origin')).toBe(origin);
    expect(read.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('sends no CORS headers at all without CORS_ORIGINS, and refuses * in it', async () => {
    const res = await preflight(app, origin);
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(loadConfig({ CORS_ORIGINS: `${origin}, http://localhost:5173` }).api.corsOrigins).toEqual([origin, 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: `${origin}/path` })).toThrow(/CORS_ORIGINS/);
  });
});

describe('rate limit', () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it('allows a burst per client, then answers 429 with Retry-After; clients are counted apart', async () => {
    const limited = testApp(stack, taskQueue, { security: { apiKey: API_KEY, rateLimit: { perMinute: 6, burst: 2 } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.request('/', {}, from('203.0.113.1'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await limited.request('/', {}, from('203.0.113.1'));
    expect(refused.headers.get('retry-after')).toMatch(/^(9|10)$/);
    expect(await refused.json()).toEqual({
      error: 'rate_limited',
      message: expect.stringMatching(/^too many requests: retry in (9|10) s$/),
    });
    // another address, the holder of the key, and the probes are not limited by that client
    expect((await limited.request('/', {}, from('203.0.113.2'))).status).toBe(200);
    expect((await limited.request('/', { headers: { 'x-api-key': API_KEY } }, from('203.0.113.1'))).status).toBe(200);
    expect((await limited.request('/health', {}, from('203.0.113.1'))).status).toBe(200);
    // a wrong key buys no fresh bucket
    expect((await limited.request('/', { headers: { 'x-api-key': 'made-up-key-123456' } }, from('203.0.113.1'))).status).toBe(429);
  });

  it('behind trusted proxies counts the address the outermost one saw; X-Forwarded-For is ignored otherwise', async () => {
    const proxy = from('10.0.0.2');
    const via = (forwarded: string) => ({ headers: { 'x-forwarded-for': forwarded } });
    const statuses = async (a: App, requests: { headers: Record<string, string> }[]) => {
      const out = [];
      for (const init of requests) out.push((await a.request('/', init, proxy)).status);
      return out;
    };
    const oneProxy = testApp(stack, taskQueue, { security: { apiKey: API_KEY, rateLimit: { perMinute: 6, burst: 1 }, trustProxyHops: 1 } });
    // the proxy appends the address it saw: what the client wrote before it (203.0.113.66) buys no fresh bucket
    expect(await statuses(oneProxy, [via('198.51.100.7'), via('203.0.113.66, 198.51.100.7'), via('198.51.100.8')])).toEqual([
      200, 429, 200,
    ]);
    const twoProxies = testApp(stack, taskQueue, {
      security: { apiKey: API_KEY, rateLimit: { perMinute: 6, burst: 1 }, trustProxyHops: 2 },
    });
    expect(
      await statuses(twoProxies, [via('198.51.100.7, 10.0.0.1'), via('198.51.100.7, 10.0.0.9'), via('198.51.100.8, 10.0.0.1')]),
    ).toEqual([200, 429, 200]);
    // no proxy trusted (the default): every request from this peer is one client whatever it claims
    const direct = testApp(stack, taskQueue, { security: { apiKey: API_KEY, rateLimit: { perMinute: 6, burst: 1 } } });
    expect(await statuses(direct, [via('198.51.100.7'), via('198.51.100.8')])).toEqual([200, 429]);
    expect(loadConfig({ API_TRUST_PROXY_HOPS: '2' }).api.trustProxyHops).toBe(2);
    expect(() => loadConfig({ API_TRUST_PROXY_HOPS: '-1' })).toThrow(/API_TRUST_PROXY_HOPS/);
  });
});

describe('body limit', () => {
  it('answers 413 past the configured limit, before parsing; a maximal request fits the default', async () => {
    const small = testApp(stack, taskQueue, { security: { apiKey: API_KEY, bodyLimitBytes: 1024 } });
    const res = await post(small, '/collect/keywords', { keywords: Array.from({ length: 100 }, (_, i) => `keyword ${i}`) });
    expect([res.status, await res.json()]).toEqual([
      413,
      { error: 'payload_too_large', message: 'body: larger than 1024 bytes', field: 'body' },
    ]);

    const maximal = Array.from({ length: 10_000 }, (_, i) => `${String(i).padStart(5, '0')} ${'x'.repeat(94)}`);
    const ok = await post(app, '/collect/keywords', { keywords: maximal, platforms: ['amazon', 'etsy', 'ebay'], day: '2026-11-20' });
    expect(ok.status).toBe(202);
    const { workflowId } = (await ok.json()) as Json;
    await stack.client.workflow.getHandle(workflowId as string).terminate('test done');
  });
});
