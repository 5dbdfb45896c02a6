// An OAuth access token shared by every request of an adapter: fetched once, reused until shortly before it
// expires, and refreshed once when the API answers 401 (eBay client credentials, Login with Amazon).
import { ProviderError } from '../errors';
import { abortable } from './abortable';
import type { ApiClient, ApiRequest } from './api-client';

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** Never later than this before expiry (a tenth of the lifetime for short-lived tokens): no token expires in flight. */
const REFRESH_MARGIN_MS = 60_000;

export class TokenCache {
  private current: { token: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token, or a new one; concurrent callers share one token request. */
  get(signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.current && this.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    // the shared request ignores any one caller's signal: another caller may still want the token
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return abortable(this.pending, signal);
  }

  /** Runs `call` with a token; on a 401 drops that token and tries once more with a fresh one. */
  async withToken<T>(call: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const token = await this.get(signal);
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof ProviderError && err.kind === 'auth' && err.status === 401)) throw err;
      if (this.current?.token === token) this.current = undefined;
      return call(await this.get(signal));
    }
  }

  private async refresh(): Promise<string> {
    const { accessToken, expiresInSeconds } = await this.issue();
    const lifetime = expiresInSeconds * 1000;
    this.current = { token: accessToken, refreshAt: this.now() + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 10) };
    return accessToken;
  }
}

/** Asks a token endpoint: refused credentials (400 invalid_grant, 401 invalid_client) are an auth failure. */
export async function requestToken(client: ApiClient, req: ApiRequest): Promise<IssuedToken> {
  const { body } = await client.send(req).catch((err: unknown) => {
    if (!(err instanceof ProviderError && err.kind === 'keyword')) throw err;
    throw new ProviderError(err.platform, 'auth', err.reason, err.status);
  });
  const token = body as { access_token?: unknown; expires_in?: unknown } | null;
  if (
    typeof token?.access_token !== 'string' ||
    token.access_token === '' ||
    typeof token.expires_in !== 'number' ||
    !(token.expires_in > 0)
  ) {
    throw new ProviderError(client.platform, 'unavailable', `${client.callName(req.method, req.path)} returned a malformed response`);
  }
  return { accessToken: token.access_token, expiresInSeconds: token.expires_in };
}
