import { describe, expect, it } from 'vitest';
import { RATE_MARGIN_MS, RateLimiter } from '../../activities/collectors/rate-limiter';

async function grantTimes(limiter: RateLimiter, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: count }, () => limiter.acquire().then(() => times.push(performance.now()))));
  return times;
}

describe('RateLimiter', () => {
  it('rejects rates that are not positive numbers', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new RateLimiter(rate)).toThrow(RangeError);
    }
  });

  it('turns fractional rates into a window it can never exceed', () => {
    expect(new RateLimiter(10)).toMatchObject({ capacity: 10, windowMs: 1000 });
    expect(new RateLimiter(2.5)).toMatchObject({ capacity: 2, windowMs: 1000 });
    expect(new RateLimiter(0.5)).toMatchObject({ capacity: 1, windowMs: 2000 });
  });

  it('never lets more than `rate` requests start in any second', async () => {
    const times = await grantTimes(new RateLimiter(5), 12);
    expect(times).toHaveLength(12);
    for (let i = 0; i + 5 < times.length; i++) expect(times[i + 5]! - times[i]!).toBeGreaterThanOrEqual(1000 + RATE_MARGIN_MS - 1);
  });

  it('spreads a burst over half the window instead of starting it all at once', async () => {
    const limiter = new RateLimiter(5);
    expect(limiter.spacingMs).toBe(100);
    const times = await grantTimes(limiter, 5);
    for (let i = 0; i + 1 < times.length; i++) expect(times[i + 1]! - times[i]!).toBeGreaterThanOrEqual(99);
    expect(times[4]! - times[0]!).toBeLessThan(800);
  });

  it('serves waiters first come, first served', async () => {
    const limiter = new RateLimiter(2);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects at once, without using a slot, when the signal is already aborted', async () => {
    const limiter = new RateLimiter(1);
    const reason = new Error('cancelled');
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    const started = performance.now();
    await limiter.acquire();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('drops an aborted waiter from the queue and keeps serving the others in order', async () => {
    const limiter = new RateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    expect(limiter.pending).toBe(2);
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(limiter.pending).toBe(1);
    await next;
    expect(limiter.pending).toBe(0);
  });
});
