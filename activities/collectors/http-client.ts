// One pooled, rate-limited JSON client per provider; every failure comes out as a ProviderError.
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici';
import type { Platform } from '../../workflows/types';
import { ProviderError } from './errors';
import { errorForFailure, errorForStatus } from './http-errors';
import { RateLimiter } from './rate-limiter';

export interface HttpClientConfig {
  platform: Platform;
  /** May carry a path prefix, e.g. http://127.0.0.1:4010/etsy. */
  baseUrl: string;
  apiKey: string;
  ratePerSecond: number;
  timeoutMs: number;
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

export class HttpClient {
  readonly platform: Platform;
  private readonly limiter: RateLimiter;
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  // private (#) so neither JSON.stringify nor util.inspect of the client shows the key
  readonly #headers: Record<string, string>;

  constructor(config: HttpClientConfig) {
    const url = new URL(config.baseUrl);
    this.platform = config.platform;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.timeoutMs = config.timeoutMs;
    this.limiter = new RateLimiter(config.ratePerSecond);
    this.pool = new Pool(url.origin, {
      connections: config.connections ?? 16,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
    this.#headers = {
      authorization: `Bearer ${config.apiKey}`,
      accept: 'application/json',
      'user-agent': 'keyword-intelligence/0.1',
    };
  }

  /** Sends one request and parses its JSON body; rethrows the caller's abort as is. */
  async request<T = unknown>(req: HttpRequest): Promise<T> {
    return (await this.send<T>(req)).body;
  }

  /** As request(), with the response headers. */
  async send<T = unknown>(req: HttpRequest): Promise<{ body: T; headers: IncomingHttpHeaders }> {
    const path = `${this.prefix}${req.path}`;
    const call = this.callName(req.method, req.path);
    await this.limiter.acquire(req.signal);
    // the timeout starts once the limiter lets the request go: queueing is not the provider's fault
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const query = req.query ? `?${new URLSearchParams(Object.entries(req.query).map(([k, v]): [string, string] => [k, String(v)]))}` : '';
    const hasBody = req.body !== undefined;
    try {
      const res = await this.pool.request({
        method: req.method,
        path: `${path}${query}`,
        headers: hasBody ? { ...this.#headers, 'content-type': 'application/json' } : this.#headers,
        body: hasBody ? JSON.stringify(req.body) : undefined,
        signal,
      });
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump().catch(() => undefined);
        throw errorForStatus(this.platform, call, res.statusCode, res.headers);
      }
      const text = await res.body.text();
      try {
        return { body: JSON.parse(text) as T, headers: res.headers };
      } catch {
        throw new ProviderError(this.platform, 'unavailable', `${call} returned ${res.statusCode} with a malformed JSON body`, res.statusCode);
      }
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason;
      if (err instanceof ProviderError) throw err;
      throw errorForFailure(this.platform, call, err, this.timeoutMs);
    }
  }

  /** How errors name a call, e.g. "GET /etsy/keywords/search": method and full path, never the query. */
  callName(method: HttpRequest['method'], path: string): string {
    return `${method} ${this.prefix}${path}`;
  }

  async close(): Promise<void> {
    if (!this.pool.closed) await this.pool.close();
  }
}
