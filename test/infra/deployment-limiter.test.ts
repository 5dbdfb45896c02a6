// The shared provider limits in PostgreSQL: slots from concurrent processes never overlap, the quota is granted
// exactly once over, ages out after 24 to 25 hours, and a pause holds every claimant back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../activities/collectors';
import { ProviderError } from '../../activities/collectors/errors';
import { providerKey, SharedLimiter, sharedLimits } from '../../activities/collectors/deployment-limiter';
import { createOrm, type Orm } from '../../activities/db/orm';
import { providerLimitsStore, quotaUsed, type ClaimRequest } from '../../activities/db/repositories/provider-limits';
import { startSimulator } from '../../workers/simulator/server';
import { testEnv, uniqueId } from '../helpers/env';

// three ORMs: three connection pools, as three worker processes would have
let orms: Orm[];
beforeAll(async () => {
  orms = await Promise.all([1, 2, 3].map(() => createOrm(testEnv().databaseUrl, { poolMax: 2 })));
});
afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
});

const claim = (overrides: Partial<ClaimRequest> = {}): ClaimRequest => ({ want: 1, spacingMs: 50, leadMs: 0, unused: 0, ...overrides });
const setHourBack = (provider: string, hours: number) =>
  orms[0]!.em
    .fork()
    .getConnection()
    .execute('update "provider_limits" set "quota_hour" = "quota_hour" - ? where "provider" = ?', [hours, provider], 'run');

describe('provider limits in PostgreSQL', () => {
  it('hands concurrent claimants disjoint slots, spacingMs apart', async () => {
    const provider = uniqueId('etsy:seed@slots');
    const stores = orms.map((orm) => providerLimitsStore(orm, provider));
    const claims = await Promise.all(
      stores.flatMap((store) => Array.from({ length: 20 }, (_, i) => store.claim(claim({ want: 1 + (i % 3) })))),
    );
    const starts = claims.flatMap((c) => Array.from({ length: c.granted }, (_, i) => c.firstMs + i * 50)).sort((a, b) => a - b);
    expect(starts).toHaveLength(3 * (7 * 1 + 7 * 2 + 6 * 3));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(49.99);
    expect(Math.max(...gaps)).toBeLessThan(50.01);
  });

  it('grants the quota exactly, to all claimants together, and ages it out after 25 hours', async () => {
    const provider = uniqueId('ebay:seed@quota');
    const stores = orms.map((orm) => providerLimitsStore(orm, provider));
    const granted = await Promise.all(
      stores.map(async (store) => {
        let total = 0;
        for (let i = 0; i < 20; i++) total += (await store.claim(claim({ want: 2, spacingMs: 0.1, dailyQuota: 25 }))).granted;
        return total;
      }),
    );
    expect(granted.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await quotaUsed(orms[0]!, provider)).toBe(25);
    // slots given up are taken off the count by the next claim, which may then be granted
    expect((await stores[0]!.claim(claim({ dailyQuota: 25, unused: 3 }))).granted).toBe(1);
    expect(await quotaUsed(orms[0]!, provider)).toBe(23);

    // 24 hours on, the newest hour's requests still count; 25 hours on, none do
    await setHourBack(provider, 24);
    expect((await stores[1]!.claim(claim({ want: 5, dailyQuota: 25 }))).granted).toBe(2);
    await setHourBack(provider, 1);
    expect((await stores[2]!.claim(claim({ want: 5, dailyQuota: 25 }))).granted).toBe(5);
  });

  it('pauses every claimant after a 429, and stops them when the provider reports the quota spent', async () => {
    const provider = uniqueId('amazon:seed@pause');
    const [a, b] = orms.map((orm) => providerLimitsStore(orm, provider));
    await a!.pause(3_000);
    const held = await b!.claim(claim());
    expect(held.firstMs - held.atMs).toBeGreaterThan(2_900);

    await a!.exhaust(60_000);
    expect(await b!.claim(claim())).toMatchObject({ granted: 0, providerSpent: true });
  });

  it('SharedLimiter: a spent quota is a quota ProviderError naming the deployment-wide figure', async () => {
    const limiter = new SharedLimiter('etsy', providerLimitsStore(orms[0]!, uniqueId('etsy:seed@limiter')), 1000, 2);
    await limiter.acquire();
    await limiter.acquire();
    const err = await limiter.acquire().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'quota', message: 'etsy: daily quota reached (2 requests per 24 h across the deployment)' });
  });
});

it("a provider's 429 holds the platform back for every worker: its Retry-After is stored in the provider's row", async () => {
  const key = 'sim-key';
  const sim = await startSimulator({ apiKeys: { amazon: key, etsy: key, ebay: key }, port: 0 });
  const config = { platform: 'etsy' as const, baseUrl: sim.baseUrls.etsy, apiKey: key, ratePerSecond: 100, timeoutMs: 2_000 };
  const adapter = createAdapter(
    config,
    undefined,
    sharedLimits((provider) => providerLimitsStore(orms[0]!, provider)),
  );
  try {
    sim.simulator.setFaults('etsy', { rateLimit: { calls: ['search'], retryAfterSeconds: 5, times: 1 } });
    await expect(adapter.collect('wall art')).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 5_000 });
    // another worker's next slot waits for the Retry-After
    const other = providerLimitsStore(orms[1]!, providerKey('etsy', 'seed', sim.baseUrls.etsy));
    const held = await other.claim(claim());
    expect(held.firstMs - held.atMs).toBeGreaterThan(4_500);
  } finally {
    await adapter.close();
    await sim.close();
  }
});
