// The official marketplace APIs' simulation, mounted beside the generic provider contract: /etsy-v3, /ebay-browse,
// /amazon-ads, each with the documented request and response shapes, auth checks, quotas and the platform's faults.
import { Hono } from 'hono';
import type { OfficialContext } from './common';
import { amazonAdsRoutes } from './amazon-ads-routes';
import { ebayBrowseRoutes } from './ebay-browse-routes';
import { etsyV3Routes } from './etsy-v3-routes';
import { googleAdsRoutes } from './google-ads-routes';

export { defaultCredentials, OfficialState, type GoogleAdsCredentials, type OfficialCredentials, type OfficialLimits } from './state';

/** Path prefixes of the simulated APIs: point ETSY_API_BASE_URL etc. at `<simulator>/<prefix>`. */
export const OFFICIAL_PREFIXES = { etsy: '/etsy-v3', ebay: '/ebay-browse', amazon: '/amazon-ads' } as const;
/** Google Ads: GOOGLE_ADS_API_BASE_URL=<simulator>/google-ads/v26, GOOGLE_ADS_TOKEN_URL=<simulator>/google-ads/token. */
export const GOOGLE_ADS_PREFIX = '/google-ads';

export function officialRoutes(ctx: OfficialContext): Hono {
  const app = new Hono();
  app.route(OFFICIAL_PREFIXES.etsy, etsyV3Routes(ctx));
  app.route(OFFICIAL_PREFIXES.ebay, ebayBrowseRoutes(ctx));
  app.route(OFFICIAL_PREFIXES.amazon, amazonAdsRoutes(ctx));
  app.route(GOOGLE_ADS_PREFIX, googleAdsRoutes(ctx));
  return app;
}
