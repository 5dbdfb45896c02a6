// The Amazon Ads adapter over real HTTP against the simulated Login with Amazon and Ads APIs.
import { describe, expect, it } from 'vitest';
import { simulateKeyword } from '../../workers/simulator/data';
import { V5_MEDIA_TYPE } from '../../workers/simulator/official/amazon-ads-routes';
import { DAY, expectNoSecret, expectProviderError } from './fixture';
import { useOfficialSimulator, withAdapter } from './official-fixture';

const sim = useOfficialSimulator();

describe('amazon-ads adapter', () => {
  it('takes the exact-match suggested bid as the CPC and the recommended keywords as related, field by field', async () => {
    // a keyword whose simulated data has related keywords to recommend
    const keyword = ['wedding planner printable', 'svg bundle', 'budget planner'].find(
      (k) => simulateKeyword('amazon', k, DAY).related_keywords.length > 1,
    )!;
    const served = simulateKeyword('amazon', keyword, DAY);
    const cents = Math.round(served.cpc * 100);
    await withAdapter(sim().configs.amazon(), async (adapter) => {
      const metrics = await adapter.collect(keyword);
      expect(metrics).toMatchObject({
        keyword,
        platform: 'amazon',
        searchVolume: null,
        competition: null,
        trendScore: null,
        categoryData: null,
        degraded: [],
        source: 'amazon-ads:simulator',
        cpc: cents / 100,
        relatedKeywords: served.related_keywords.slice(0, 10),
        provenance: {
          search_volume: 'unknown',
          competition: 'unknown',
          cpc: 'measured',
          trend_score: 'unknown',
          related_keywords: 'measured',
          category_data: 'unknown',
        },
        details: {
          suggested_bid: {
            match_type: 'EXACT',
            range_start: Math.round(cents * 0.7) / 100,
            range_median: cents / 100,
            range_end: Math.round(cents * 1.45) / 100,
          },
          search_term_impression_share: expect.any(Number),
          search_term_impression_rank: expect.any(Number),
        },
      });
      expect(metrics.cpc).toBe(served.cpc);
      expect(sim().calls('amazon')).toEqual(['token 200', 'recommendations 200']);
      expect(sim().simulator.requests[1]!.keyword).toBe(keyword);
    });
  });

  it('refreshes the Login with Amazon token once on a 401, and reuses it otherwise', async () => {
    await withAdapter(sim().configs.amazon(), async (adapter) => {
      await adapter.collect('ebooks');
      await adapter.collect('fonts');
      sim().simulator.official.expireTokens();
      await adapter.collect('presets');
      expect(sim().calls('amazon')).toEqual([
        'token 200',
        'recommendations 200',
        'recommendations 200',
        'recommendations 401',
        'token 200',
        'recommendations 200',
      ]);
    });
  });

  it.each([
    ['a refused refresh token (400 invalid_grant)', { refreshToken: 'Atzr|revoked' }, ['token 400'], /auth\/o2\/token returned 400/],
    ['a refused client (401 invalid_client)', { clientSecret: 'wrong-secret' }, ['token 401'], /auth\/o2\/token returned 401/],
    ['a profile the client may not use (403)', { profileId: '999' }, ['token 200', 'recommendations 403'], /recommendations returned 403/],
  ])('fails for good on %s, without a secret in the error', async (_name, change, calls, message) => {
    await withAdapter(sim().configs.amazon({ amazonAds: { ...sim().configs.amazon().amazonAds!, ...change } }), async (adapter) => {
      expectNoSecret(adapter, sim().secrets);
      const err = await expectProviderError(adapter.collect('ebooks'), 'auth', [...sim().secrets, 'Atzr|revoked', 'wrong-secret']);
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(message);
      expect(sim().calls('amazon')).toEqual(calls);
    });
  });

  it('maps a 429 with Retry-After to a rate limit, and malformed bodies to unavailable', async () => {
    await withAdapter(sim().configs.amazon(), async (adapter) => {
      sim().simulator.setFaults('amazon', { rateLimit: { retryAfterSeconds: 4, times: 1 } });
      expect(await expectProviderError(adapter.collect('ebooks'), 'rate_limited', sim().secrets)).toMatchObject({
        status: 429,
        retryAfterMs: 4000,
      });
      sim().simulator.setFaults('amazon', { malformed: { times: 1 } });
      expect((await expectProviderError(adapter.collect('ebooks'), 'unavailable', sim().secrets)).message).toMatch(/malformed JSON body/);
    });
  });

  it('is served with the v5 media type only', async () => {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: sim().credentials.amazon.refreshToken,
      client_id: sim().credentials.amazon.clientId,
      client_secret: sim().credentials.amazon.clientSecret,
    });
    const { access_token: token } = (await (
      await fetch(`${sim().base('amazon')}/auth/o2/token`, { method: 'POST', body: form })
    ).json()) as { access_token: string };
    const headers = {
      authorization: `Bearer ${token}`,
      'amazon-advertising-api-clientid': sim().credentials.amazon.clientId,
      'amazon-advertising-api-scope': sim().credentials.amazon.profileId,
    };
    const body = JSON.stringify({
      recommendationType: 'KEYWORDS_FOR_ASINS',
      asins: ['B0TESTASIN'],
      targets: [{ keyword: 'ebooks', matchType: 'EXACT', userSelectedKeyword: true }],
    });
    const plain = await fetch(`${sim().base('amazon')}/sp/targets/keywords/recommendations`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    expect(plain.status).toBe(415);
    const v5 = await fetch(`${sim().base('amazon')}/sp/targets/keywords/recommendations`, {
      method: 'POST',
      headers: { ...headers, 'content-type': V5_MEDIA_TYPE },
      body,
    });
    expect(v5.headers.get('content-type')).toBe(V5_MEDIA_TYPE);
    const answer = (await v5.json()) as { keywordTargetList: { keyword: string; userSelectedKeyword: boolean }[] };
    expect(answer.keywordTargetList[0]).toMatchObject({ keyword: 'ebooks', userSelectedKeyword: true });
    const noAsins = await fetch(`${sim().base('amazon')}/sp/targets/keywords/recommendations`, {
      method: 'POST',
      headers: { ...headers, 'content-type': V5_MEDIA_TYPE },
      body: JSON.stringify({ recommendationType: 'KEYWORDS_FOR_ASINS' }),
    });
    expect([noAsins.status, await noAsins.json()]).toEqual([400, { code: 'BAD_REQUEST', details: expect.stringContaining('asins') }]);
  });
});
