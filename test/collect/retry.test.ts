// withInlineRetry: quick in-place retries of a provider's 5xx, and nothing left behind on the activity's signal.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withInlineRetry } from '../../activities/collect/retry';
import { ProviderError } from '../../activities/collectors/errors';

const unavailable = () => new ProviderError('etsy', 'unavailable', 'HTTP 503', 503);

describe('withInlineRetry', () => {
  it('retries a 5xx twice in place, and leaves no abort listener on the signal afterwards', async () => {
    const signal = new AbortController().signal;
    for (let round = 0; round < 3; round++) {
      let calls = 0;
      const value = await withInlineRetry(async () => {
        if (++calls < 3) throw unavailable();
        return 'ok';
      }, signal);
      expect([value, calls]).toEqual(['ok', 3]);
    }
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  }, 10_000);

  it('gives up after two quick retries, and stops waiting when cancelled, with the cancellation reason', async () => {
    let calls = 0;
    await expect(
      withInlineRetry(async () => {
        calls++;
        throw unavailable();
      }, new AbortController().signal),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(3);

    const cancel = new AbortController();
    const waiting = withInlineRetry(async () => Promise.reject(unavailable()), cancel.signal);
    // cancelled during the first back-off (200 ms)
    setTimeout(() => cancel.abort(new Error('activity cancelled')), 50);
    // a back-off deaf to the signal would end in the provider's error, not the cancellation's reason
    await expect(waiting).rejects.toThrow('activity cancelled');
  }, 10_000);
});
