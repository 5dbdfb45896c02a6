// Simulated eBay APIs (under /ebay-browse): the OAuth client-credentials token endpoint and Browse
// item_summary/search with bearer tokens it issued, X-EBAY-C-MARKETPLACE-ID and eBay's {errors: [...]} bodies.
import { Hono } from 'hono';
import { secretMatches, type Env } from '../http';
import { faultResponse, fail, logRequests, type OfficialContext } from './common';
import { ebaySearch, MARKETPLACE_CURRENCY } from './ebay-data';

const API_SCOPE = 'https://api.ebay.com/oauth/api_scope';
const TOKEN_LIFETIME_SECONDS = 7_200;
const ERROR_IDS: Record<number, number> = { 400: 12_001, 401: 1_001, 404: 11_001, 429: 2_001 };
const error = (status: number, message: string) => ({
  errors: [
    {
      errorId: ERROR_IDS[status] ?? 10_001,
      domain: status === 401 ? 'OAuth' : 'API_BROWSE',
      category: status >= 500 ? 'APPLICATION' : 'REQUEST',
      message,
    },
  ],
});

export function ebayBrowseRoutes(ctx: OfficialContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', logRequests('ebay', ctx));

  app.post('/identity/v1/oauth2/token', async (c) => {
    const { clientId, clientSecret } = ctx.credentials.ebay;
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    if (!secretMatches(c.req.header('authorization'), expected)) {
      return fail(c, 401, { error: 'invalid_client', error_description: 'client authentication failed' });
    }
    const form = new URLSearchParams(await c.req.text());
    if (form.get('grant_type') !== 'client_credentials') {
      return fail(c, 400, {
        error: 'unsupported_grant_type',
        error_description: 'grant type in request is not supported by the authorization server',
      });
    }
    if (!(form.get('scope') ?? '').split(' ').includes(API_SCOPE)) {
      return fail(c, 400, {
        error: 'invalid_scope',
        error_description: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client',
      });
    }
    const { token, expiresIn } = ctx.state.issueToken('ebay', TOKEN_LIFETIME_SECONDS);
    return c.json({ access_token: token, expires_in: expiresIn, token_type: 'Application Access Token' });
  });

  app.get('/buy/browse/v1/item_summary/search', async (c) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '');
    if (!ctx.state.tokenValid('ebay', token) || ctx.faults.unauthorized('ebay')) {
      return fail(c, 401, error(401, 'Invalid access token. Check the value of the Authorization HTTP request header.'));
    }
    const keyword = c.req.query('q') ?? '';
    const faulted = await faultResponse(c, ctx, 'ebay', 'search', keyword, error);
    if (faulted) return faulted;
    const marketplace = c.req.header('x-ebay-c-marketplace-id') ?? 'EBAY_US';
    if (!(marketplace in MARKETPLACE_CURRENCY)) return fail(c, 400, error(400, `The marketplace value ${marketplace} is not supported.`));
    const limit = Number(c.req.query('limit') ?? 50);
    const offset = Number(c.req.query('offset') ?? 0);
    if (keyword.trim() === '') return fail(c, 400, error(400, 'A q, category_ids, epid, gtin or charity_ids value is required.'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fail(c, 400, error(400, 'The value of limit is invalid (1 to 200).'));
    if (!Number.isInteger(offset) || offset < 0) return fail(c, 400, error(400, 'The value of offset is invalid.'));
    const fieldgroups = (c.req.query('fieldgroups') ?? 'MATCHING_ITEMS').split(',');
    const href = new URL(c.req.url).pathname + new URL(c.req.url).search;
    return c.json(
      ebaySearch({
        keyword,
        day: ctx.day(),
        marketplace,
        offset,
        limit,
        href,
        items: fieldgroups.includes('MATCHING_ITEMS') || fieldgroups.includes('FULL'),
        categories: fieldgroups.includes('CATEGORY_REFINEMENTS') || fieldgroups.includes('FULL'),
      }),
    );
  });
  return app;
}
