// One pooled, rate-limited client per official API, with per-request headers (credentials, vendor media types),
// JSON or form bodies and the daily quota; every failure comes out as a ProviderError (http-errors.ts maps them).
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { ProviderName } from '../../../workflows/types/platforms';
import { callMetrics } from '../call-metrics';
import { ProviderError } from '../errors';
import { errorForFailure, errorForStatus, parseRetryAfter } from '../http-errors';
import { RateLimiter } from '../rate-limiter';
import type { SharedLimiter } from '../deployment-limiter';
import type { DailyQuota } from './daily-quota';

export interface ApiClientConfig {
  platform: ProviderName;
  /** Origin, with an optional path prefix (the simulator serves each API under one). */
  baseUrl: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** Counts every request; throws 'quota' instead of sending once it is spent. */
  quota?: DailyQuota;
  /** The deployment-wide rate and quota (every worker process); the local limiter and quota stay as guards. */
  shared?: SharedLimiter;
  /** Headers in which the provider says how many requests are left (Etsy's x-remaining-*). */
  remaining?: { today: string; thisSecond: string };
  connections?: number;
  /** Reads an API's own error body (Google Ads' GoogleAdsFailure); undefined: the status decides alone. */
  errorFor?: (call: string, status: number, body: unknown) => ProviderError | undefined;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Relative to the base URL. */
  path: string;
  query?: Record<string, string | number | boolean>;
  /** Credentials and media types: sent, never copied into an error. */
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** Content type of a JSON body (default application/json), e.g. a vendor v5 type. */
  contentType?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  body: T;
  headers: IncomingHttpHeaders;
  /** The provider simulator labels its answers: simulated numbers never pass for a marketplace's. */
  simulated: boolean;
}

/** Etsy's per-second window is at most a second long: a client told "none left this second" waits that long. */
const SECOND_MS = 1000;

export class ApiClient {
  readonly platform: ProviderName;
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly limiter: RateLimiter;
  private holdUntil = 0;

  constructor(private readonly config: ApiClientConfig) {
    const url = new URL(config.baseUrl);
    this.platform = config.platform;
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.limiter = new RateLimiter(config.ratePerSecond);
    this.pool = new Pool(url.origin, {
      connections: config.connections ?? 16,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
  }

  async send<T = unknown>(req: ApiRequest): Promise<ApiResponse<T>> {
    const metrics = callMetrics();
    const queued = performance.now();
    const call = this.callName(req.method, req.path);
    await this.limiter.acquire(req.signal);
    const hold = this.holdUntil - performance.now();
    if (hold > 0) await sleep(hold, undefined, { signal: req.signal }).catch(() => Promise.reject(req.signal?.reason as Error));
    // deployment-wide slot (activities/db/repositories/provider-limits.ts): also a wait, counted with the local one
    await this.config.shared?.acquire(req.signal);
    const waited = performance.now() - queued;
    // under a millisecond is the limiter's bookkeeping, not a wait
    if (waited >= 1) metrics.rateLimitWait(this.platform, waited);
    try {
      this.config.quota?.take();
      const response = await this.request<T>(req, call);
      metrics.call(this.platform, 'ok');
      return response;
    } catch (err) {
      metrics.call(this.platform, err instanceof ProviderError ? err.kind : 'aborted');
      throw err;
    } finally {
      const left = this.config.quota?.left();
      if (left !== undefined) metrics.quotaLeft(this.platform, left);
    }
  }

  private async request<T>(req: ApiRequest, call: string): Promise<ApiResponse<T>> {
    // the timeout starts once the limiter lets the request go: queueing is not the provider's fault
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const query = req.query ? `?${new URLSearchParams(Object.entries(req.query).map(([k, v]): [string, string] => [k, String(v)]))}` : '';
    const body = req.form ? new URLSearchParams(req.form).toString() : req.json === undefined ? undefined : JSON.stringify(req.json);
    const contentType = req.form
      ? 'application/x-www-form-urlencoded'
      : body === undefined
        ? undefined
        : (req.contentType ?? 'application/json');
    try {
      const res = await this.pool.request({
        method: req.method,
        path: `${this.prefix}${req.path}${query}`,
        headers: {
          accept: 'application/json',
          'user-agent': 'keyword-intelligence/0.1',
          ...req.headers,
          ...(contentType ? { 'content-type': contentType } : {}),
        },
        body,
        signal,
      });
      const spent = this.readRemaining(res.headers);
      if (res.statusCode < 200 || res.statusCode > 299) {
        const failure = this.config.errorFor ? await readError(res.body, (b) => this.config.errorFor!(call, res.statusCode, b)) : undefined;
        if (failure) throw failure;
        await res.body.dump().catch(() => undefined);
        if (res.statusCode === 429 && spent && this.config.quota) {
          const retryAfter = res.headers['retry-after'];
          const ms = retryAfter === undefined ? undefined : parseRetryAfter(retryAfter);
          this.config.quota.exhaust(ms);
          await this.config.shared?.exhaust(ms).catch(() => undefined);
          throw this.config.quota.error(`${call} returned 429, none left today`, 429);
        }
        const err = errorForStatus(this.platform, call, res.statusCode, res.headers);
        // a 429 holds the platform back for every worker, not just the one it answered
        if (err.kind === 'rate_limited') await this.config.shared?.pause(err.retryAfterMs ?? 0).catch(() => undefined);
        throw err;
      }
      if (spent) {
        this.config.quota?.exhaust();
        await this.config.shared?.exhaust().catch(() => undefined);
      }
      const text = await res.body.text();
      try {
        return { body: JSON.parse(text) as T, headers: res.headers, simulated: res.headers['x-simulated-data'] === 'true' };
      } catch {
        throw new ProviderError(
          this.platform,
          'unavailable',
          `${call} returned ${res.statusCode} with a malformed JSON body`,
          res.statusCode,
        );
      }
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason;
      if (err instanceof ProviderError) throw err;
      throw errorForFailure(this.platform, call, err, this.config.timeoutMs);
    }
  }

  /** How errors name a call, e.g. "GET /v3/application/listings/active": never the query or a header. */
  callName(method: ApiRequest['method'], path: string): string {
    return `${method} ${this.prefix}${path}`;
  }

  async close(): Promise<void> {
    if (!this.pool.closed) await this.pool.close();
  }

  /** Reads the provider's remaining counts: holds back on an empty second; true when the day is spent. */
  private readRemaining(headers: IncomingHttpHeaders): boolean {
    const names = this.config.remaining;
    if (!names) return false;
    if (headerNumber(headers[names.thisSecond]) === 0) {
      this.holdUntil = performance.now() + SECOND_MS;
      this.config.shared?.pause(SECOND_MS).catch(() => undefined);
    }
    return headerNumber(headers[names.today]) === 0;
  }
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
}

/** An error body as JSON (undefined when unreadable), handed to the API's own reading of it. */
async function readError(
  body: { text(): Promise<string> },
  read: (body: unknown) => ProviderError | undefined,
): Promise<ProviderError | undefined> {
  const text = await body.text().catch(() => '');
  try {
    return read(JSON.parse(text) as unknown);
  } catch {
    return read(undefined);
  }
}
