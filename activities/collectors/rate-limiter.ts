// Per-provider request-rate limiter: a sliding-window log of recent start times, served first come first served.

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort: () => void;
}

/** Added to every window: a provider sees starts shifted by network and scheduling jitter. */
export const RATE_MARGIN_MS = 10;

export class RateLimiter {
  /** Most starts allowed in any window of `windowMs`. */
  readonly capacity: number;
  readonly windowMs: number;
  /** Least time between two consecutive starts. */
  readonly spacingMs: number;
  /** The last `capacity` start times (performance.now()), oldest first. */
  private readonly starts: number[] = [];
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(ratePerSecond: number) {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
      throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    }
    // 2.5/s allows 2 starts per second (never 3 in one second); 0.5/s allows one start every 2 s
    this.capacity = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = ratePerSecond < 1 ? 1000 / ratePerSecond : 1000;
    // A burst of simultaneous starts reaches the provider spread out by queueing on the way, so
    // unqueued starts a window later could land inside its window: starts keep half the average
    // interval apart, while the log alone enforces the limit.
    this.spacingMs = this.windowMs / this.capacity / 2;
  }

  /** Resolves when a request may start; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal!.reason);
          this.pump();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Waiters still queued (for diagnostics and tests). */
  get pending(): number {
    return this.waiters.length;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiters.length > 0) {
      const now = performance.now();
      const oldest = this.starts.length < this.capacity ? -Infinity : this.starts[0]! + this.windowMs + RATE_MARGIN_MS;
      const wait = Math.max(oldest, (this.starts.at(-1) ?? -Infinity) + this.spacingMs) - now;
      if (wait > 0) {
        // timers may fire a little early, so pump() checks the clock again rather than trusting them
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      const waiter = this.waiters.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.starts.push(now);
      if (this.starts.length > this.capacity) this.starts.shift();
      waiter.resolve();
    }
  }
}
