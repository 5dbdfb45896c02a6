// One pooled, rate-limited JSON client per provider; every failure comes out as a ProviderError.
import type { Platform } from '../../workflows/types/platforms';
import { ApiClient, type ApiResponse } from './official/api-client';
import { DailyQuota } from './official/daily-quota';
import type { SharedLimiter } from './deployment-limiter';

export interface HttpClientConfig {
  platform: Platform;
  /** May carry a path prefix, e.g. http://127.0.0.1:4010/etsy. */
  baseUrl: string;
  apiKey: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** Requests per sliding 24 h (*_DAILY_QUOTA); undefined: no limit of ours. */
  dailyQuota?: number;
  /** The deployment-wide rate and quota, when the worker shares them through PostgreSQL. */
  shared?: SharedLimiter;
  /** Sockets kept open to the provider (default 16). */
  connections?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Relative to the base URL, e.g. /keywords/search. */
  path: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  signal?: AbortSignal;
}

/** The generic provider contract's client (seed-contract.ts): an ApiClient that sends the provider's bearer key with every request. */
export class HttpClient {
  readonly platform: Platform;
  readonly #api: ApiClient;
  // private (#) so neither JSON.stringify nor util.inspect of the client shows the key
  readonly #headers: Record<string, string>;

  constructor(config: HttpClientConfig) {
    const { platform, baseUrl, ratePerSecond, timeoutMs, connections, dailyQuota, shared } = config;
    this.platform = platform;
    const quota = dailyQuota === undefined ? undefined : new DailyQuota(platform, dailyQuota);
    this.#api = new ApiClient({ platform, baseUrl, ratePerSecond, timeoutMs, connections, quota, shared });
    this.#headers = { authorization: `Bearer ${config.apiKey}` };
  }

  /** Sends one request and parses its JSON body; rethrows the caller's abort as is. */
  async request<T = unknown>(req: HttpRequest): Promise<T> {
    return (await this.send<T>(req)).body;
  }

  /** As request(), with the response headers and the simulator's label. */
  send<T = unknown>(req: HttpRequest): Promise<ApiResponse<T>> {
    return this.#api.send<T>({
      method: req.method,
      path: req.path,
      query: req.query,
      json: req.body,
      headers: this.#headers,
      signal: req.signal,
    });
  }

  /** How errors name a call, e.g. "GET /etsy/keywords/search": method and full path, never the query. */
  callName(method: HttpRequest['method'], path: string): string {
    return this.#api.callName(method, path);
  }

  close(): Promise<void> {
    return this.#api.close();
  }
}
