// Choosing and configuring the official adapters from the environment: defaults, errors naming the variable,
// secrets never echoed, and which platforms count as configured.
import { describe, expect, it } from 'vitest';
import { createConfiguredAdapters, isProviderConfigured } from '../../activities/collectors';
import { loadConfig } from '../../workers/config/config';
import { configErrorOf } from '../helpers/config-error';

const ETSY = { ETSY_ADAPTER: 'etsy-v3', ETSY_KEYSTRING: 'ks-secret-1', ETSY_SHARED_SECRET: 'ss-secret-2' };
const EBAY = { EBAY_ADAPTER: 'ebay-browse', EBAY_CLIENT_ID: 'eb-id-3', EBAY_CLIENT_SECRET: 'eb-secret-4' };
const AMAZON = {
  AMAZON_ADAPTER: 'amazon-ads',
  AMAZON_ADS_CLIENT_ID: 'am-id-5',
  AMAZON_ADS_CLIENT_SECRET: 'am-secret-6',
  AMAZON_ADS_REFRESH_TOKEN: 'Atzr|secret-7',
  AMAZON_ADS_PROFILE_ID: '12345',
  AMAZON_ADS_ASINS: 'B0TESTASIN, B0OTHERASN',
};
const SECRETS = ['ks-secret-1', 'ss-secret-2', 'eb-secret-4', 'am-secret-6', 'Atzr|secret-7'];

const configError = (env: Record<string, string>) => configErrorOf(env, SECRETS);

describe('official adapter configuration', () => {
  it('keeps the generic provider contract by default', () => {
    const { providers } = loadConfig({});
    expect(Object.values(providers).map((p) => [p.adapter, p.ratePerSecond, p.dailyQuota, isProviderConfigured(p)])).toEqual([
      [undefined, 20, undefined, false],
      [undefined, 20, undefined, false],
      [undefined, 20, undefined, false],
    ]);
  });

  it('applies *_DAILY_QUOTA to the generic provider contract too (a deployment-wide figure, like the rate)', () => {
    const { providers } = loadConfig({
      EBAY_PROVIDER_URL: 'https://keywords.example.com/ebay',
      EBAY_API_KEY: 'k',
      EBAY_DAILY_QUOTA: '1200',
    });
    expect([providers.ebay.adapter, providers.ebay.dailyQuota, providers.etsy.dailyQuota]).toEqual([undefined, 1200, undefined]);
  });

  it('selects each official API with its documented host, rate and daily quota', () => {
    const { providers } = loadConfig({ ...ETSY, ...EBAY, ...AMAZON });
    expect(providers.etsy).toMatchObject({
      adapter: 'etsy-v3',
      baseUrl: 'https://openapi.etsy.com',
      ratePerSecond: 10,
      dailyQuota: 10_000,
      etsyV3: { keystring: 'ks-secret-1', sharedSecret: 'ss-secret-2' },
    });
    expect(providers.ebay).toMatchObject({
      adapter: 'ebay-browse',
      baseUrl: 'https://api.ebay.com',
      ratePerSecond: 20,
      dailyQuota: 5_000,
      ebayBrowse: { marketplaceId: 'EBAY_US' },
    });
    expect(providers.amazon).toMatchObject({
      adapter: 'amazon-ads',
      baseUrl: 'https://advertising-api.amazon.com',
      dailyQuota: undefined,
      amazonAds: { tokenUrl: 'https://api.amazon.com/auth/o2/token', profileId: '12345', asins: ['B0TESTASIN', 'B0OTHERASN'] },
    });
    expect(Object.values(providers).every(isProviderConfigured)).toBe(true);
    const eu = loadConfig({ ...AMAZON, AMAZON_ADS_REGION: 'EU', AMAZON_DAILY_QUOTA: '900', AMAZON_RATE_PER_SECOND: '2' }).providers.amazon;
    expect(eu).toMatchObject({
      baseUrl: 'https://advertising-api-eu.amazon.com',
      dailyQuota: 900,
      ratePerSecond: 2,
      amazonAds: { tokenUrl: 'https://api.amazon.co.uk/auth/o2/token' },
    });
    expect(
      loadConfig({ ...ETSY, ETSY_API_BASE_URL: 'http://127.0.0.1:4010/etsy-v3', ETSY_DAILY_QUOTA: '50' }).providers.etsy,
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:4010/etsy-v3', dailyQuota: 50 });
  });

  it.each([
    [{ ETSY_ADAPTER: 'etsy-v3', ETSY_KEYSTRING: 'ks-secret-1' }, 'ETSY_SHARED_SECRET', /is required when ETSY_ADAPTER is etsy-v3/],
    [{ ...EBAY, EBAY_CLIENT_ID: '' }, 'EBAY_CLIENT_ID', /required/],
    [{ ...AMAZON, AMAZON_ADS_PROFILE_ID: 'am-secret-6' }, 'AMAZON_ADS_PROFILE_ID', /numeric/],
    [{ ...AMAZON, AMAZON_ADS_ASINS: 'not an asin' }, 'AMAZON_ADS_ASINS', /ASIN/],
    [{ ETSY_ADAPTER: 'ebay-browse' }, 'ETSY_ADAPTER', /invalid/],
    [{ ...ETSY, ETSY_PROVIDER_URL: 'http://127.0.0.1:4010/etsy', ETSY_API_KEY: 'k' }, 'ETSY_PROVIDER_URL', /seed contract/],
    [{ ...EBAY, EBAY_DAILY_QUOTA: '0' }, 'EBAY_DAILY_QUOTA', /invalid/],
  ])('refuses %j naming %s, without echoing a secret', (env, variable, message) => {
    const err = configError(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
  });

  it("builds only the configured platforms' adapters, official ones included", async () => {
    const { providers } = loadConfig({ ...ETSY, ETSY_API_BASE_URL: 'http://127.0.0.1:1/etsy-v3' });
    const adapters = createConfiguredAdapters(providers);
    expect(Object.entries(adapters).map(([p, a]) => [p, a?.source])).toEqual([['etsy', 'etsy-v3:127.0.0.1:1']]);
    await Promise.all(Object.values(adapters).map((a) => a?.close()));
    expect(() => createConfiguredAdapters({ ...providers, ebay: { ...providers.ebay, adapter: 'etsy-v3' } })).toThrow(
      /EBAY_ADAPTER must be seed or ebay-browse/,
    );
  });
});
