// The database's clock as this process sees it: shared request slots are times on that one clock, so the workers'
// own clocks need not agree, and a slow answer to a claim does not shift the slots it hands out.

/** After this long the best sample is replaced even by a slower one: clocks drift. */
const SAMPLE_TTL_MS = 60_000;

export class DatabaseClock {
  /** The database's epoch milliseconds minus this process's. */
  private offsetMs = 0;
  private bestRttMs = Number.POSITIVE_INFINITY;
  private bestAt = Number.NEGATIVE_INFINITY;
  /** Smoothed round trip of a claim. */
  rttMs = 5;

  /** This process's epoch milliseconds (monotonic between adjustments of the system clock). */
  static now(): number {
    return performance.timeOrigin + performance.now();
  }

  /**
   * One round trip: sent and arrived on this process's clock, `at` on the database's. The shortest round trip
   * places `at` most precisely (within half of it), as in NTP.
   */
  sample(sent: number, arrived: number, at: number): void {
    const rtt = arrived - sent;
    this.rttMs = this.rttMs * 0.8 + rtt * 0.2;
    if (rtt <= this.bestRttMs || arrived - this.bestAt > SAMPLE_TTL_MS) {
      this.bestRttMs = rtt;
      this.bestAt = arrived;
      this.offsetMs = at - (sent + arrived) / 2;
    }
  }

  /** A database time as performance.now(). */
  toLocal(databaseMs: number): number {
    return databaseMs - this.offsetMs - performance.timeOrigin;
  }
}
