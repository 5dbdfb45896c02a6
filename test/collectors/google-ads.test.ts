// The Google Ads Keyword Planner adapter over real HTTP against the simulated OAuth and KeywordPlanIdeaService:
// shapes read field by field, batching to the keyword limit, token refresh, quotas, refused credentials and keywords.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleAdsSource, HISTORICAL_KEYWORDS_MAX, type GoogleAdsConfig } from '../../activities/collectors/google-ads/adapter';
import type { DemandSource } from '../../activities/collectors/demand-source';
import { defaultCredentials, GOOGLE_ADS_PREFIX, type GoogleAdsCredentials } from '../../workers/simulator/official';
import { keywordMetrics } from '../../workers/simulator/official/google-ads-data';
import { startSimulator, type RunningSimulator } from '../../workers/simulator/server';
import { DAY, expectProviderError } from './fixture';

const secret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
const credentials: GoogleAdsCredentials = {
  developerToken: secret('devtoken'),
  clientId: secret('client.apps.googleusercontent.com'),
  clientSecret: secret('GOCSPX'),
  refreshToken: secret('1//refresh'),
  customerId: '1234567890',
  loginCustomerId: '9876543210',
};
const SECRETS = [credentials.developerToken, credentials.clientSecret, credentials.refreshToken];
let sim: RunningSimulator;

beforeAll(async () => {
  const keys = { amazon: secret('am'), etsy: secret('et'), ebay: secret('eb') };
  sim = await startSimulator({ apiKeys: keys, day: () => DAY, seed: 5, official: { ...defaultCredentials(keys), googleAds: credentials } });
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.simulator.clearFaults();
  sim.simulator.resetRequests();
  sim.simulator.official.resetQuotas();
  sim.simulator.official.limits.googleAdsPerDay = undefined;
});

const config = (overrides: Partial<GoogleAdsConfig> = {}): GoogleAdsConfig => ({
  ...credentials,
  baseUrl: `${sim.url}${GOOGLE_ADS_PREFIX}/v26`,
  tokenUrl: `${sim.url}${GOOGLE_ADS_PREFIX}/token`,
  language: 'languageConstants/1000',
  geoTargets: ['geoTargetConstants/2840'],
  ratePerSecond: 1000,
  timeoutMs: 5000,
  ...overrides,
});

async function withSource<T>(c: GoogleAdsConfig, fn: (source: DemandSource) => Promise<T>): Promise<T> {
  const source = createGoogleAdsSource(c);
  try {
    return await fn(source);
  } finally {
    await source.close();
  }
}

/** The simulator's Google Ads requests as "call status" lines. */
const calls = () =>
  sim.simulator.requests.filter((r) => r.platform === 'google-ads').map((r) => `${r.call.replace(/^\d+:/, '')} ${r.status}`);

describe('google-ads adapter', () => {
  it('reads historical metrics field by field: int64 strings, micros in currency units, months oldest first', async () => {
    const served = keywordMetrics('ebooks', DAY, true)!;
    const { demand, failures, simulated } = await withSource(config(), (s) => s.historicalMetrics(['ebooks', 'svg bundle']));
    expect(failures).toEqual([]);
    expect(simulated).toBe(true);
    expect(demand.map((d) => d.keyword)).toEqual(['ebooks', 'svg bundle']);
    expect(demand[0]).toEqual({
      keyword: 'ebooks',
      text: 'ebooks',
      avgMonthlySearches: Number(served.avgMonthlySearches),
      competition: served.competition,
      competitionIndex: Number(served.competitionIndex),
      lowTopOfPageBid: Number(served.lowTopOfPageBidMicros) / 1e6,
      highTopOfPageBid: Number(served.highTopOfPageBidMicros) / 1e6,
      averageCpc: Number(served.averageCpcMicros) / 1e6,
      // the twelve full months before 2026-11-24
      monthlySearches: served.monthlySearchVolumes.map((m, i) => ({
        year: i < 2 ? 2025 : 2026,
        month: ((i + 10) % 12) + 1,
        searches: Number(m.monthlySearches),
      })),
    });
    expect(calls()).toEqual(['token 200', 'generateKeywordHistoricalMetrics 200']);
  });

  it('merges close variants as Google does and keeps long-tail keywords without data as unknown', async () => {
    const longTail = 'printable wedding budget planner for two people';
    const { demand } = await withSource(config(), (s) => s.historicalMetrics(['template', 'templates', longTail]));
    expect(demand.map((d) => [d.keyword, d.text, d.avgMonthlySearches === null])).toEqual([
      ['template', 'template', false],
      ['templates', 'template', false],
      [longTail, longTail, true],
    ]);
    expect(demand[1]!.avgMonthlySearches).toBe(demand[0]!.avgMonthlySearches);
  });

  it(`asks in batches of at most ${HISTORICAL_KEYWORDS_MAX} keywords, one token for all`, async () => {
    const keywords = Array.from({ length: HISTORICAL_KEYWORDS_MAX + 1 }, (_, i) => `keyword ${i}`);
    const { demand } = await withSource(config(), (s) => s.historicalMetrics(keywords));
    expect(demand).toHaveLength(keywords.length);
    expect(demand.at(-1)!.keyword).toBe(`keyword ${HISTORICAL_KEYWORDS_MAX}`);
    expect(calls()).toEqual(['token 200', 'generateKeywordHistoricalMetrics 200', 'generateKeywordHistoricalMetrics 200']);
  });

  it('refreshes the access token once on a 401 and reuses it otherwise', async () => {
    await withSource(config(), async (s) => {
      await s.historicalMetrics(['ebooks']);
      await s.historicalMetrics(['fonts']);
      sim.simulator.official.expireTokens();
      await s.historicalMetrics(['music']);
    });
    expect(calls()).toEqual([
      'token 200',
      'generateKeywordHistoricalMetrics 200',
      'generateKeywordHistoricalMetrics 200',
      'generateKeywordHistoricalMetrics 401',
      'token 200',
      'generateKeywordHistoricalMetrics 200',
    ]);
  });

  it('drops a keyword Google refuses and asks again for the others', async () => {
    const tooLong = 'a'.repeat(90);
    const { demand, failures } = await withSource(config(), (s) => s.historicalMetrics(['ebooks', tooLong, 'fonts']));
    expect(demand.map((d) => d.keyword)).toEqual(['ebooks', 'fonts']);
    expect(failures).toEqual([{ keyword: tooLong, reason: 'google-ads refused the keyword (criterionError KEYWORD_TEXT_TOO_LONG)' }]);
    expect(calls()).toEqual(['token 200', 'generateKeywordHistoricalMetrics 400', 'generateKeywordHistoricalMetrics 200']);
  });

  it('maps a QuotaError with a short retry delay to a rate limit, with that delay', async () => {
    sim.simulator.setFaults('google-ads', { rateLimit: { times: 1, retryAfterSeconds: 7 } });
    const err = await withSource(config(), (s) => expectProviderError(s.historicalMetrics(['ebooks']), 'rate_limited', SECRETS));
    expect(err).toMatchObject({ platform: 'google-ads', status: 429, retryAfterMs: 7000 });
    expect(err.message).toContain('quotaError RESOURCE_EXHAUSTED');
  });

  it("stops at the day's operations: Google's RESOURCE_EXHAUSTED, then its own count without asking", async () => {
    sim.simulator.official.limits.googleAdsPerDay = 1;
    await withSource(config(), async (s) => {
      await s.historicalMetrics(['ebooks']);
      const err = await expectProviderError(s.historicalMetrics(['fonts']), 'quota', SECRETS);
      expect(err.message).toContain('quotaError RESOURCE_EXHAUSTED');
      await expectProviderError(s.historicalMetrics(['music']), 'quota', SECRETS);
    });
    expect(calls()).toEqual(['token 200', 'generateKeywordHistoricalMetrics 200', 'generateKeywordHistoricalMetrics 429']);
    sim.simulator.resetRequests();
    sim.simulator.official.limits.googleAdsPerDay = undefined;
    // the configured daily quota is never exceeded, whatever the API would allow
    await withSource(config({ dailyQuota: 1 }), async (s) => {
      await s.historicalMetrics(['ebooks']);
      await expectProviderError(s.historicalMetrics(['fonts']), 'quota', SECRETS);
    });
    expect(calls()).toEqual(['token 200', 'generateKeywordHistoricalMetrics 200']);
  });

  it.each([
    ['refresh token', { refreshToken: 'wrong' }, ['token 400']],
    ['client secret', { clientSecret: 'wrong' }, ['token 401']],
    [
      'developer token',
      { developerToken: 'wrong' },
      ['token 200', 'generateKeywordHistoricalMetrics 401', 'token 200', 'generateKeywordHistoricalMetrics 401'],
    ],
    ['manager account', { loginCustomerId: '1111111111' }, ['token 200', 'generateKeywordHistoricalMetrics 403']],
    ['customer', { customerId: '2222222222' }, ['token 200', 'generateKeywordHistoricalMetrics 403']],
  ])('refuses a wrong %s as an auth failure, naming no secret', async (_name, overrides, expected) => {
    const err = await withSource(config(overrides), (s) =>
      expectProviderError(s.historicalMetrics(['ebooks']), 'auth', [...SECRETS, 'wrong']),
    );
    expect(err.platform).toBe('google-ads');
    expect(calls()).toEqual(expected);
  });

  it('generates keyword ideas for up to 20 seeds, each with its metrics', async () => {
    const ideas = await withSource(config(), async (s) => {
      await expect(s.keywordIdeas(Array.from({ length: 21 }, (_, i) => `seed ${i}`))).rejects.toThrow(/1 to 20 seed keywords/);
      return s.keywordIdeas(['wedding planner']);
    });
    expect(ideas[0]).toMatchObject({
      keyword: 'wedding planner',
      avgMonthlySearches: Number(keywordMetrics('wedding planner', DAY, true)!.avgMonthlySearches),
    });
    expect(ideas.length).toBeGreaterThan(1);
    expect(calls()).toEqual(['token 200', 'generateKeywordIdeas 200']);
  });
});
