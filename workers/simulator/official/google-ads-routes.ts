// Simulated Google Ads API (under /google-ads): the OAuth refresh-token grant (/token, as oauth2.googleapis.com)
// and KeywordPlanIdeaService's generateKeywordHistoricalMetrics / generateKeywordIdeas (/v26/customers/{id}:method),
// checking the bearer token, developer-token and login-customer-id, with GoogleAdsFailure error bodies.
import { Hono, type Context } from 'hono';
import { simulateKeyword } from '../data';
import { secretMatches, type Env } from '../http';
import { faultResponse, fail, logRequests, type OfficialContext } from './common';
import { historicalResults, keywordMetrics, keywordTextError } from './google-ads-data';

const TOKEN_LIFETIME_SECONDS = 3_599;
const HISTORICAL_KEYWORDS_MAX = 10_000;
const IDEA_SEEDS_MAX = 20;
const RPC_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
};

type AdsError = { errorCode: Record<string, string>; message: string; location?: object; details?: object };

function failure(status: number, errors: AdsError[]) {
  return {
    error: {
      code: status,
      message: errors[0]?.message ?? 'Request failed',
      status: RPC_STATUS[status] ?? 'INTERNAL',
      details: [{ '@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure', errors, requestId: 'simulated' }],
    },
  };
}

/** The switchable faults' bodies: a 429 is QuotaError RESOURCE_EXHAUSTED with its retry delay. */
const error = (status: number, message: string, retryAfterSeconds?: number) =>
  status === 429
    ? failure(429, [
        {
          errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
          message,
          details: {
            quotaErrorDetails: {
              rateScope: 'DEVELOPER',
              rateName: 'Requests per developer token',
              retryDelay: `${retryAfterSeconds ?? 1}s`,
            },
          },
        },
      ])
    : failure(status, [{ errorCode: { internalError: 'INTERNAL_ERROR' }, message }]);

interface IdeaBody {
  keywords?: unknown;
  keywordSeed?: { keywords?: unknown };
  historicalMetricsOptions?: { includeAverageCpc?: unknown };
  pageSize?: unknown;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;

export function googleAdsRoutes(ctx: OfficialContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', logRequests('google-ads', ctx));
  const expected = () => ctx.credentials.googleAds!;

  app.post('/token', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    if (
      !secretMatches(form.get('client_id') ?? '', expected().clientId) ||
      !secretMatches(form.get('client_secret') ?? '', expected().clientSecret)
    ) {
      return fail(c, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    }
    if (form.get('grant_type') !== 'refresh_token')
      return fail(c, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
    if (!secretMatches(form.get('refresh_token') ?? '', expected().refreshToken))
      return fail(c, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
    const { token, expiresIn } = ctx.state.issueToken('google-ads', TOKEN_LIFETIME_SECONDS);
    return c.json({ access_token: token, expires_in: expiresIn, scope: 'https://www.googleapis.com/auth/adwords', token_type: 'Bearer' });
  });

  // "{customerId}:{method}" is one path segment
  app.post('/:version/customers/:target', async (c) => {
    const [customerId, method] = c.req.param('target').split(':');
    if (method !== 'generateKeywordHistoricalMetrics' && method !== 'generateKeywordIdeas')
      return fail(c, 404, failure(404, [{ errorCode: { requestError: 'UNKNOWN' }, message: 'Not found' }]));
    const refused = checkAccess(c, ctx, customerId ?? '');
    if (refused) return refused;
    const body = (await c.req.json().catch(() => null)) as IdeaBody | null;
    const keywords = strings(method === 'generateKeywordIdeas' ? body?.keywordSeed?.keywords : body?.keywords);
    const faulted = await faultResponse(
      c,
      ctx,
      'google-ads',
      method === 'generateKeywordIdeas' ? 'related' : 'search',
      keywords?.[0] ?? '',
      error,
    );
    if (faulted) return faulted;
    const quota = ctx.state.takeGoogleAds();
    if (!quota.allowed) {
      return fail(
        c,
        429,
        failure(429, [
          {
            errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
            message: 'Too many requests. Retry in a day.',
            details: {
              quotaErrorDetails: {
                rateScope: 'DEVELOPER',
                rateName: 'Number of operations for basic access',
                retryDelay: `${quota.retryAfterSeconds}s`,
              },
            },
          },
        ]),
      );
    }
    const max = method === 'generateKeywordIdeas' ? IDEA_SEEDS_MAX : HISTORICAL_KEYWORDS_MAX;
    if (!keywords || keywords.length === 0 || keywords.length > max) {
      const code: Record<string, string> =
        keywords && keywords.length > max ? { collectionSizeError: 'TOO_MANY' } : { requestError: 'REQUIRED_FIELD_MISSING' };
      return fail(
        c,
        400,
        failure(400, [
          { errorCode: code, message: `keywords: 1 to ${max} expected`, location: { fieldPathElements: [{ fieldName: 'keywords' }] } },
        ]),
      );
    }
    const invalid = keywords.flatMap((k, index) => {
      const code = keywordTextError(k);
      return code
        ? [
            {
              errorCode: { criterionError: code },
              message: 'The keyword is not valid.',
              location: { fieldPathElements: [{ fieldName: 'keywords', index }] },
            },
          ]
        : [];
    });
    if (invalid.length > 0) return fail(c, 400, failure(400, invalid));
    if (method === 'generateKeywordHistoricalMetrics') {
      return c.json({ results: historicalResults(keywords, ctx.day(), body?.historicalMetricsOptions?.includeAverageCpc === true) });
    }
    const size = typeof body?.pageSize === 'number' ? Math.min(10_000, Math.max(1, body.pageSize)) : 10_000;
    const ideas = [...new Set(keywords.flatMap((k) => [k, ...simulateKeyword('amazon', k, ctx.day()).related_keywords]))].slice(0, size);
    return c.json({
      results: ideas.map((text) => ({ text, keywordIdeaMetrics: keywordMetrics(text, ctx.day(), true) ?? {} })),
      totalSize: String(ideas.length),
    });
  });
  return app;
}

/** Token, developer token, customer and manager checks, in Google's order; undefined: allowed. */
function checkAccess(c: Context<Env>, ctx: OfficialContext, customerId: string): Response | undefined {
  const expected = ctx.credentials.googleAds!;
  const token = c.req.header('authorization')?.replace(/^Bearer /, '');
  if (!ctx.state.tokenValid('google-ads', token) || ctx.faults.unauthorized('google-ads')) {
    return fail(c, 401, failure(401, [{ errorCode: { authenticationError: 'OAUTH_TOKEN_INVALID' }, message: 'Oauth token is invalid.' }]));
  }
  if (!secretMatches(c.req.header('developer-token'), expected.developerToken)) {
    return fail(
      c,
      401,
      failure(401, [{ errorCode: { authenticationError: 'DEVELOPER_TOKEN_INVALID' }, message: 'The developer token is not valid.' }]),
    );
  }
  if (expected.loginCustomerId !== undefined && c.req.header('login-customer-id') !== expected.loginCustomerId) {
    return fail(
      c,
      403,
      failure(403, [
        { errorCode: { authorizationError: 'USER_PERMISSION_DENIED' }, message: "User doesn't have permission to access customer." },
      ]),
    );
  }
  if (customerId !== expected.customerId) {
    return fail(
      c,
      403,
      failure(403, [
        { errorCode: { authorizationError: 'USER_PERMISSION_DENIED' }, message: "User doesn't have permission to access customer." },
      ]),
    );
  }
  return undefined;
}
