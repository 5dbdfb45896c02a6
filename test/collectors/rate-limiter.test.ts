import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RATE_MARGIN_MS, RateLimiter } from '../../activities/collectors/rate-limiter';

// fake timers and a fake performance clock: the limiter's decisions, exactly, without waiting
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Acquires `count` slots at once and returns when each was granted, relative to the start. */
async function grantTimes(limiter: RateLimiter, count: number, signals: (AbortSignal | undefined)[] = []) {
  const start = performance.now();
  const times: (number | 'aborted')[] = [];
  const all = Promise.all(
    Array.from({ length: count }, (_, i) =>
      limiter.acquire(signals[i]).then(
        () => times.push(performance.now() - start),
        () => times.push('aborted'),
      ),
    ),
  );
  await vi.runAllTimersAsync();
  await all;
  return times;
}

describe('RateLimiter', () => {
  it('rejects rates that are not positive numbers', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new RateLimiter(rate)).toThrow(RangeError);
    }
  });

  it('turns fractional rates into a window it can never exceed', () => {
    expect(new RateLimiter(10)).toMatchObject({ capacity: 10, windowMs: 1000, spacingMs: 50 });
    expect(new RateLimiter(2.5)).toMatchObject({ capacity: 2, windowMs: 1000, spacingMs: 250 });
    expect(new RateLimiter(0.5)).toMatchObject({ capacity: 1, windowMs: 2000, spacingMs: 1000 });
  });

  it('never lets more than `rate` requests start in any second, and spreads bursts', async () => {
    const times = (await grantTimes(new RateLimiter(5), 12)) as number[];
    const w = 1000 + RATE_MARGIN_MS;
    // five starts in the first half second, then each start a window after the one five before it
    expect(times).toEqual([0, 100, 200, 300, 400, w, w + 100, w + 200, w + 300, w + 400, 2 * w, 2 * w + 100]);
  });

  it('keeps one start per two seconds at 0.5/s', async () => {
    expect(await grantTimes(new RateLimiter(0.5), 3)).toEqual([0, 2000 + RATE_MARGIN_MS, 2 * (2000 + RATE_MARGIN_MS)]);
  });

  it('serves waiters first come, first served', async () => {
    const limiter = new RateLimiter(2);
    const order: number[] = [];
    const all = Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i))));
    await vi.runAllTimersAsync();
    await all;
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects at once, without using a slot, when the signal is already aborted', async () => {
    const limiter = new RateLimiter(1);
    const reason = new Error('cancelled');
    await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(await grantTimes(limiter, 1)).toEqual([0]);
  });

  it('drops an aborted waiter from the queue and gives its slot to the next one', async () => {
    const limiter = new RateLimiter(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const times = await grantTimes(limiter, 3, [undefined, controller.signal, undefined]);
    // the aborted waiter leaves at 50 ms; the third still waits out the first one's window, no longer
    expect(times).toEqual([0, 'aborted', 1000 + RATE_MARGIN_MS]);
    expect(limiter.pending).toBe(0);
  });
});
