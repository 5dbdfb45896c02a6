// Simulated Amazon Ads API (under /amazon-ads): Login with Amazon's refresh-token grant and Sponsored Products
// keyword recommendations (v5 media type) with Amazon-Advertising-API-ClientId / -Scope and {code, details} errors.
import { Hono } from 'hono';
import { secretMatches, type Env } from '../http';
import { faultResponse, fail, logRequests, type OfficialContext } from './common';
import { amazonRecommendations } from './amazon-data';

export const V5_MEDIA_TYPE = 'application/vnd.spkeywordsrecommendation.v5+json';
const TOKEN_LIFETIME_SECONDS = 3_600;
const CODES: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'THROTTLED' };
const error = (status: number, message: string) => ({ code: CODES[status] ?? 'INTERNAL_ERROR', details: message });

interface RecommendationsBody {
  recommendationType?: unknown;
  asins?: unknown;
  adGroupId?: unknown;
  targets?: { keyword?: unknown }[];
  maxRecommendations?: unknown;
}

export function amazonAdsRoutes(ctx: OfficialContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', logRequests('amazon', ctx));

  app.post('/auth/o2/token', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const expected = ctx.credentials.amazon;
    if (
      !secretMatches(form.get('client_id') ?? '', expected.clientId) ||
      !secretMatches(form.get('client_secret') ?? '', expected.clientSecret)
    ) {
      return fail(c, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    if (form.get('grant_type') !== 'refresh_token')
      return fail(c, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
    if (!secretMatches(form.get('refresh_token') ?? '', expected.refreshToken)) {
      return fail(c, 400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
    }
    const { token, expiresIn } = ctx.state.issueToken('amazon', TOKEN_LIFETIME_SECONDS);
    return c.json({ access_token: token, refresh_token: expected.refreshToken, token_type: 'bearer', expires_in: expiresIn });
  });

  app.post('/sp/targets/keywords/recommendations', async (c) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '');
    const { clientId, profileId } = ctx.credentials.amazon;
    if (
      !ctx.state.tokenValid('amazon', token) ||
      !secretMatches(c.req.header('amazon-advertising-api-clientid'), clientId) ||
      ctx.faults.unauthorized('amazon')
    ) {
      return fail(c, 401, error(401, 'Not authorized to access this advertiser'));
    }
    if (c.req.header('amazon-advertising-api-scope') !== profileId) return fail(c, 403, error(403, 'Not authorized to access scope'));
    if (c.req.header('content-type') !== V5_MEDIA_TYPE)
      return fail(c, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', details: `Use ${V5_MEDIA_TYPE}` });
    const body = (await c.req.json().catch(() => null)) as RecommendationsBody | null;
    const targets = Array.isArray(body?.targets)
      ? body.targets.map((t) => t.keyword).filter((k): k is string => typeof k === 'string')
      : [];
    const faulted = await faultResponse(c, ctx, 'amazon', 'search', targets[0] ?? '', error);
    if (faulted) return faulted;
    const forAsins = body?.recommendationType === 'KEYWORDS_FOR_ASINS' && Array.isArray(body.asins) && body.asins.length > 0;
    const forAdGroup = body?.recommendationType === 'KEYWORDS_FOR_ADGROUP' && typeof body.adGroupId === 'string';
    if (!forAsins && !forAdGroup)
      return fail(c, 400, error(400, 'recommendationType KEYWORDS_FOR_ASINS needs asins, KEYWORDS_FOR_ADGROUP an adGroupId'));
    const max = typeof body?.maxRecommendations === 'number' ? Math.min(200, Math.max(0, body.maxRecommendations)) : 200;
    return c.body(JSON.stringify(amazonRecommendations(targets, max, ctx.day())), 200, { 'Content-Type': V5_MEDIA_TYPE });
  });
  return app;
}
