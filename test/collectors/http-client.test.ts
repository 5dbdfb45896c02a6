import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../../activities/collectors';
import { ProviderError } from '../../activities/collectors/errors';
import { HttpClient } from '../../activities/collectors/http-client';
import { expectNoSecret, expectProviderError, rejection, startTestSimulator } from './fixture';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let secrets: string[];

beforeAll(async () => {
  sim = await startTestSimulator();
  secrets = Object.values(sim.apiKeys);
});
afterAll(() => sim.close());

const clientFor = (platform: 'amazon' | 'etsy' | 'ebay', ratePerSecond = 1000, timeoutMs = 10_000) =>
  new HttpClient({ platform, baseUrl: sim.baseUrls[platform], apiKey: sim.apiKeys[platform], ratePerSecond, timeoutMs });

describe('HttpClient', () => {
  it('keeps the base URL path prefix, encodes the query and sends JSON bodies', async () => {
    const etsy = new HttpClient({
      platform: 'etsy',
      baseUrl: `${sim.baseUrls.etsy}/`,
      apiKey: sim.apiKeys.etsy,
      ratePerSecond: 100,
      timeoutMs: 2000,
    });
    const amazon = clientFor('amazon');
    try {
      sim.simulator.resetRequests();
      const trend = await etsy.request<{ keyword: string }>({
        method: 'GET',
        path: '/keywords/trends',
        query: { keyword: 'café & menu', period: '30d' },
      });
      expect(trend.keyword).toBe('café & menu');
      const search = await amazon.request<{ keyword: string }>({
        method: 'POST',
        path: '/keywords/search',
        body: { keyword: 'svg files' },
      });
      expect(search.keyword).toBe('svg files');
      expect(sim.simulator.requests.map((r) => [r.platform, r.call, r.keyword, r.status])).toEqual([
        ['etsy', 'trends', 'café & menu', 200],
        ['amazon', 'search', 'svg files', 200],
      ]);
    } finally {
      await Promise.all([etsy.close(), amazon.close()]);
    }
  });

  it('cancels a hung request promptly when the caller aborts, and rethrows the abort as is', async () => {
    sim.simulator.setFaults('ebay', { hang: { calls: ['trends'] } });
    const client = clientFor('ebay');
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = performance.now();
      const err = await rejection(
        client.request({ method: 'GET', path: '/keywords/trends', query: { keyword: 'apps' }, signal: controller.signal }),
      );
      expect(performance.now() - started).toBeLessThan(2000);
      expect(err).toBe(controller.signal.reason);
      expect(err).not.toBeInstanceOf(ProviderError);
      // the provider sees the connection go away rather than a request left hanging
      await vi.waitFor(() => expect(sim.simulator.requests.at(-1)).toMatchObject({ call: 'trends', status: 499 }));
    } finally {
      sim.simulator.clearFaults();
      await client.close();
    }
  });

  it('cancels a whole collect, and a request still queued for the rate limit', async () => {
    sim.simulator.setFaults('etsy', { hang: { calls: ['related'] } });
    const adapter = createAdapter(sim.config('etsy', { ratePerSecond: 1, timeoutMs: 10_000 }));
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('activity cancelled')), 100);
      // one request per second: the search goes, the secondary calls wait in the limiter or hang
      expect(await rejection(adapter.collect('ebooks', { signal: controller.signal }))).toBe(controller.signal.reason);
    } finally {
      sim.simulator.clearFaults();
      await adapter.close();
    }
  });

  it('never exceeds the configured rate, measured by the provider', async () => {
    const client = clientFor('etsy', 10);
    // a first connection's setup delays only that request on its way: the limiter cannot see it, so warm up
    await client.request({ method: 'GET', path: '/keywords/related', query: { keyword: 'warm up' } });
    sim.simulator.resetRequests();
    let next = 0;
    const worker = async () => {
      while (next < 35) {
        const i = next++;
        await client.request({ method: 'GET', path: '/keywords/related', query: { keyword: `kw ${i}` } });
      }
    };
    try {
      await Promise.all(Array.from({ length: 8 }, worker));
    } finally {
      await client.close();
    }
    const starts = sim.simulator.requests.map((r) => r.startedAt).sort((a, b) => a - b);
    expect(starts).toHaveLength(35);
    // at most 10 starts in any second: the 11th start after any start is a full second later (a few ms of jitter)
    for (let i = 0; i + 10 < starts.length; i++) expect(starts[i + 10]! - starts[i]!).toBeGreaterThanOrEqual(995);
  });

  it('maps refused and reset connections to unavailable, without the key', async () => {
    const refused = new HttpClient({
      platform: 'amazon',
      baseUrl: 'http://127.0.0.1:1/amazon',
      apiKey: sim.apiKeys.amazon,
      ratePerSecond: 10,
      timeoutMs: 2000,
    });
    try {
      const err = await expectProviderError(refused.request({ method: 'GET', path: '/keywords/trends' }), 'unavailable', secrets);
      expect(err.message).toBe('amazon: GET /amazon/keywords/trends failed (ECONNREFUSED)');
    } finally {
      await refused.close();
    }
    // a provider going away mid-request resets the connection
    const doomed = await startTestSimulator();
    doomed.simulator.setFaults('etsy', { hang: {} });
    const client = new HttpClient({
      platform: 'etsy',
      baseUrl: doomed.baseUrls.etsy,
      apiKey: doomed.apiKeys.etsy,
      ratePerSecond: 10,
      timeoutMs: 5000,
    });
    try {
      const pending = client.request({ method: 'GET', path: '/keywords/trends', query: { keyword: 'x' } });
      await vi.waitFor(() => expect(doomed.simulator.requests).toHaveLength(1));
      await doomed.close();
      const err = await expectProviderError(pending, 'unavailable', [doomed.apiKeys.etsy]);
      expect(err.message).toBe('etsy: GET /etsy/keywords/trends failed (UND_ERR_SOCKET)');
    } finally {
      await client.close();
    }
  });

  it('keeps the key out of the client and of every error', async () => {
    const client = clientFor('ebay', 100, 300);
    try {
      expectNoSecret(client, secrets);
      sim.simulator.setFaults('ebay', { unauthorized: true });
      await expectProviderError(client.request({ method: 'GET', path: '/keywords/trends', query: { keyword: 'x' } }), 'auth', secrets);
      sim.simulator.setFaults('ebay', { hang: {} });
      await expectProviderError(
        client.request({ method: 'GET', path: '/keywords/trends', query: { keyword: 'x' } }),
        'unavailable',
        secrets,
      );
    } finally {
      sim.simulator.clearFaults();
      await client.close();
    }
  });
});
