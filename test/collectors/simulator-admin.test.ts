import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../workers/simulator/app';
import { appAuth, appKeys, setupApp } from './fixture';

describe('simulator admin routes', () => {
  it('steers faults and exposes the request log behind a key', async () => {
    const { get, sim } = setupApp();
    expect((await get('/health', {})).status).toBe(200);
    expect((await get('/__requests', {})).status).toBe(401);
    await get('/etsy/keywords/search?keyword=ebooks');
    const log = (await (await get('/__requests', appAuth('ebay'))).json()) as unknown[];
    expect(log).toHaveLength(1);
    expect((await get('/__requests', appAuth('ebay'), { method: 'DELETE' })).status).toBe(204);
    expect(sim.requests).toHaveLength(0);

    const put = (platform: string, body: unknown) =>
      get(
        `/__faults/${platform}`,
        { ...appAuth('etsy'), 'content-type': 'application/json' },
        { method: 'PUT', body: JSON.stringify(body) },
      );
    expect((await put('etsy', { serverError: { status: 418 } })).status).toBe(400);
    expect((await put('nowhere', {})).status).toBe(404);
    expect((await put('etsy', { serverError: { status: 502 } })).status).toBe(200);
    expect((await get('/etsy/keywords/search?keyword=ebooks')).status).toBe(502);
    expect((await get('/__faults', appAuth('etsy'), { method: 'DELETE' })).status).toBe(204);
    expect((await get('/etsy/keywords/search?keyword=ebooks')).status).toBe(200);
  });

  it('keeps only the newest requests in its log', async () => {
    const sim = createSimulator({ apiKeys: appKeys, maxLoggedRequests: 10 });
    for (let i = 0; i < 25; i++) await sim.app.request(`/ebay/keywords/trends?keyword=k${i}`, { headers: appAuth('ebay') });
    expect(sim.requests.length).toBeLessThanOrEqual(11);
    expect(sim.requests.at(-1)!.keyword).toBe('k24');
  });

  it('needs a key for every platform', () => {
    expect(() => createSimulator({ apiKeys: { ...appKeys, ebay: '' } })).toThrow(/ebay/);
  });
});
