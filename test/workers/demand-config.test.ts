// DEMAND_SOURCE and the Google Ads variables, and what the simulator serves when credentials are missing:
// errors name the variable and never echo a secret; real credentials always win over the simulator.
import { describe, expect, it } from 'vitest';
import { isProviderConfigured } from '../../activities/collectors';
import { loadConfig } from '../../workers/config/config';
import { configErrorOf } from '../helpers/config-error';
import { demandSettings, withSimulatorFallback } from '../../workers/dev-stack/simulator-fallback';
import { runWorker } from '../../workers/worker';

const GOOGLE = {
  DEMAND_SOURCE: 'google-ads',
  GOOGLE_ADS_DEVELOPER_TOKEN: 'dev-secret-1',
  GOOGLE_ADS_CLIENT_ID: 'id.apps.googleusercontent.com',
  GOOGLE_ADS_CLIENT_SECRET: 'GOCSPX-secret-2',
  GOOGLE_ADS_REFRESH_TOKEN: '1//secret-3',
  GOOGLE_ADS_CUSTOMER_ID: '123-456-7890',
};
const SECRETS = ['dev-secret-1', 'GOCSPX-secret-2', '1//secret-3'];
const simulator = { url: 'http://127.0.0.1:4010', apiKey: 'sim-key-1234' };

const configError = (env: Record<string, string>) => configErrorOf(env, SECRETS);

describe('demand source configuration', () => {
  it('has no demand source by default', () => {
    expect(loadConfig({}).demand).toBeUndefined();
  });

  it('reads Google Ads with its documented endpoints, targeting and limits', () => {
    const { demand } = loadConfig({ ...GOOGLE, GOOGLE_ADS_LOGIN_CUSTOMER_ID: '111-222-3333' });
    expect(demand).toEqual({
      source: 'google-ads',
      baseUrl: 'https://googleads.googleapis.com/v26',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      language: 'languageConstants/1000',
      geoTargets: ['geoTargetConstants/2840'],
      ratePerSecond: 1,
      dailyQuota: 2_880,
      timeoutMs: 10_000,
      credentials: {
        developerToken: 'dev-secret-1',
        clientId: 'id.apps.googleusercontent.com',
        clientSecret: 'GOCSPX-secret-2',
        refreshToken: '1//secret-3',
        customerId: '1234567890',
        loginCustomerId: '1112223333',
      },
    });
    const custom = loadConfig({
      ...GOOGLE,
      GOOGLE_ADS_LANGUAGE: 'languageConstants/1001',
      GOOGLE_ADS_GEO_TARGETS: '2276, geoTargetConstants/2040',
      GOOGLE_ADS_DAILY_QUOTA: '15000',
    }).demand;
    expect(custom).toMatchObject({
      language: 'languageConstants/1001',
      geoTargets: ['geoTargetConstants/2276', 'geoTargetConstants/2040'],
      dailyQuota: 15_000,
    });
    // real credentials win over a simulator
    expect(demandSettings(loadConfig(GOOGLE).demand, simulator)).toMatchObject({
      baseUrl: 'https://googleads.googleapis.com/v26',
      developerToken: 'dev-secret-1',
    });
  });

  it.each([
    [{ DEMAND_SOURCE: 'bing' }, 'DEMAND_SOURCE', /invalid/],
    [
      { DEMAND_SOURCE: 'google-ads', GOOGLE_ADS_DEVELOPER_TOKEN: 'dev-secret-1' },
      'GOOGLE_ADS_CLIENT_ID',
      /is required when DEMAND_SOURCE is google-ads/,
    ],
    [{ ...GOOGLE, GOOGLE_ADS_REFRESH_TOKEN: '' }, 'GOOGLE_ADS_REFRESH_TOKEN', /required/],
    [{ ...GOOGLE, GOOGLE_ADS_CUSTOMER_ID: '12345' }, 'GOOGLE_ADS_CUSTOMER_ID', /10-digit customer ID/],
    [{ ...GOOGLE, GOOGLE_ADS_LOGIN_CUSTOMER_ID: 'dev-secret-1' }, 'GOOGLE_ADS_LOGIN_CUSTOMER_ID', /10-digit/],
    [{ ...GOOGLE, GOOGLE_ADS_GEO_TARGETS: 'US' }, 'GOOGLE_ADS_GEO_TARGETS', /numeric IDs/],
    [
      { ...GOOGLE, GOOGLE_ADS_GEO_TARGETS: Array.from({ length: 11 }, (_, i) => 2000 + i).join(',') },
      'GOOGLE_ADS_GEO_TARGETS',
      /at most 10/,
    ],
    [{ ...GOOGLE, GOOGLE_ADS_DAILY_QUOTA: '0' }, 'GOOGLE_ADS_DAILY_QUOTA', /invalid/],
    [{ ...GOOGLE, GOOGLE_ADS_API_BASE_URL: 'ftp://example.com' }, 'GOOGLE_ADS_API_BASE_URL', /invalid/],
  ])('refuses %j naming %s, without echoing a secret', (env, variable, message) => {
    const err = configError(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
  });

  it('without any credential, is served by the simulator when there is one', () => {
    const { demand } = loadConfig({ DEMAND_SOURCE: 'google-ads' });
    expect(demand?.credentials).toBeUndefined();
    expect(demandSettings(demand, undefined)).toBeUndefined();
    expect(demandSettings(demand, simulator)).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010/google-ads/v26',
      tokenUrl: 'http://127.0.0.1:4010/google-ads/token',
      developerToken: 'sim-key-1234',
      customerId: '1234567890',
    });
  });
});

describe('official adapters without credentials', () => {
  it('count as unconfigured and are served by their simulated API; with credentials they are left alone', () => {
    const { providers } = loadConfig({
      ETSY_ADAPTER: 'etsy-v3',
      EBAY_ADAPTER: 'ebay-browse',
      AMAZON_ADAPTER: 'amazon-ads',
      ETSY_KEYSTRING: 'ks',
      ETSY_SHARED_SECRET: 'ss',
    });
    expect([isProviderConfigured(providers.etsy), isProviderConfigured(providers.ebay), isProviderConfigured(providers.amazon)]).toEqual([
      true,
      false,
      false,
    ]);
    const served = withSimulatorFallback(providers, simulator);
    expect(served.etsy).toEqual(providers.etsy);
    expect(served.ebay).toMatchObject({
      adapter: 'ebay-browse',
      baseUrl: 'http://127.0.0.1:4010/ebay-browse',
      ebayBrowse: { clientId: 'sim-key-1234', clientSecret: 'sim-key-1234' },
    });
    expect(served.amazon).toMatchObject({
      adapter: 'amazon-ads',
      baseUrl: 'http://127.0.0.1:4010/amazon-ads',
      amazonAds: { clientId: 'sim-key-1234', refreshToken: 'sim-key-1234', tokenUrl: 'http://127.0.0.1:4010/amazon-ads/auth/o2/token' },
    });
    expect(Object.values(served).every(isProviderConfigured)).toBe(true);
  });
});

describe('a standalone worker', () => {
  const base = { TEMPORAL_ADDRESS: '127.0.0.1:1', DATABASE_URL: 'postgresql://u:p@127.0.0.1:1/db' };

  it('refuses an official adapter or the demand source without credentials and without SIMULATOR_URL, naming the variables', async () => {
    await expect(runWorker({ ...base, ETSY_ADAPTER: 'etsy-v3' })).rejects.toThrow(
      /ETSY_KEYSTRING, ETSY_SHARED_SECRET are required when ETSY_ADAPTER is etsy-v3/,
    );
    await expect(
      runWorker({
        ...base,
        DEMAND_SOURCE: 'google-ads',
        SIMULATOR_URL: 'http://127.0.0.1:1',
        SIMULATOR_API_KEY: 'sim-key-1234',
        ETSY_ADAPTER: 'etsy-v3',
      }),
    ).rejects.not.toThrow(/are required/);
    await expect(
      runWorker({ ...base, DEMAND_SOURCE: 'google-ads', AMAZON_PROVIDER_URL: 'http://127.0.0.1:1/amazon', AMAZON_API_KEY: 'k' }),
    ).rejects.toThrow(/GOOGLE_ADS_DEVELOPER_TOKEN, .*GOOGLE_ADS_CUSTOMER_ID are required when DEMAND_SOURCE is google-ads/);
  });
});
