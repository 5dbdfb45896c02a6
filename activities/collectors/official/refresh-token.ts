// The OAuth refresh-token grant as Login with Amazon (Amazon Ads) and Google (Google Ads) both take it: the client's
// credentials and the refresh token in a form body, posted by a client of its own on the token URL's origin (token
// requests count against no API quota; they are rare, one connection is enough), the token kept by a TokenCache.
import type { ProviderName } from '../../../workflows/types/platforms';
import { ApiClient, type ApiClientConfig } from './api-client';
import { requestToken, TokenCache } from './token-cache';

export interface RefreshTokenGrant {
  /** The token endpoint, e.g. https://api.amazon.com/auth/o2/token or https://oauth2.googleapis.com/token. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export function refreshTokenCache(
  platform: ProviderName,
  grant: RefreshTokenGrant,
  options: Pick<ApiClientConfig, 'timeoutMs' | 'errorFor'>,
): { tokens: TokenCache; close(): Promise<void> } {
  const tokenUrl = new URL(grant.tokenUrl);
  const tokenClient = new ApiClient({ ...options, platform, baseUrl: tokenUrl.origin, ratePerSecond: 5, connections: 1 });
  const tokens = new TokenCache(() =>
    requestToken(tokenClient, {
      method: 'POST',
      path: tokenUrl.pathname,
      form: {
        grant_type: 'refresh_token',
        refresh_token: grant.refreshToken,
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
      },
    }),
  );
  return { tokens, close: () => tokenClient.close() };
}
