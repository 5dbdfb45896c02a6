import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, errorForFailure, errorForStatus, parseRetryAfter } from '../../activities/collectors/http-errors';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('falls back to one second when absent or unreadable', () => {
    expect(DEFAULT_RETRY_AFTER_MS).toBe(1000);
    for (const value of [undefined, '', 'soon', '-3', []]) expect(parseRetryAfter(value, now)).toBe(1000);
  });
});

describe('errorForStatus', () => {
  const call = 'GET /etsy/keywords/search';

  it.each([
    [429, 'rate_limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [408, 'unavailable'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'keyword'],
    [404, 'keyword'],
    [422, 'keyword'],
    [302, 'unavailable'],
  ] as const)('maps %i to %s, naming platform, call and status', (status, kind) => {
    const err = errorForStatus('etsy', call, status, {});
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.message).toBe(`etsy: ${call} returned ${status}${status === 302 ? ' (unexpected)' : ''}`);
  });

  it('takes the delay of a 429 or 503 from Retry-After', () => {
    expect(errorForStatus('amazon', call, 429, { 'retry-after': '4' }).retryAfterMs).toBe(4000);
    expect(errorForStatus('amazon', call, 429, {}).retryAfterMs).toBe(1000);
    expect(errorForStatus('amazon', call, 503, { 'retry-after': '2' }).retryAfterMs).toBe(2000);
    expect(errorForStatus('amazon', call, 503, {}).retryAfterMs).toBeUndefined();
  });
});

describe('errorForFailure', () => {
  it('names timeouts and connection failures as unavailable', () => {
    const timeout = errorForFailure('ebay', 'GET /x', new DOMException('late', 'TimeoutError'), 300);
    expect(timeout).toMatchObject({ kind: 'unavailable', message: 'ebay: GET /x timed out after 300 ms' });
    const reset = errorForFailure('ebay', 'GET /x', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 300);
    expect(reset).toMatchObject({ kind: 'unavailable', message: 'ebay: GET /x failed (ECONNRESET)' });
  });
});
