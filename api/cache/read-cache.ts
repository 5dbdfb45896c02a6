// Rendered read responses kept in memory until the data behind them changes: PostgreSQL announces every
// committed write to the tables a region reads (NOTIFY from statement triggers, api/change-listener.ts), and
// the region's entries are dropped at once. While that announcement channel is down nothing is cached or served
// from the cache, so a missed notification can never leave a stale answer behind.

/** The tables whose writes are announced (Migration20261125000000_change_notifications). */
export const WATCHED_TABLES = ['processed_keywords', 'keyword_clusters', 'observations'] as const;
export type WatchedTable = (typeof WATCHED_TABLES)[number];

/** A rendered response body. */
export type Body = Buffer<ArrayBuffer>;

export type CacheStatus = 'hit' | 'miss' | 'off';

export interface CacheStats {
  enabled: boolean;
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  invalidations: number;
}

interface Entry {
  body: Body;
  region: Region;
}

export interface Region {
  /** Bumped by every write to a table the region reads; entries and loads of an older generation are dropped. */
  generation: number;
  readonly name: string;
  readonly tables: readonly WatchedTable[];
  readonly inFlight: Map<string, { generation: number; promise: Promise<Body | null> }>;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly regions: Region[] = [];
  private bytes = 0;
  private enabled = false;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;

  /** maxBytes 0: a cache that never keeps anything (identical reads in flight still share one load). */
  constructor(readonly maxBytes: number) {}

  region(name: string, tables: readonly WatchedTable[]): Region {
    const region: Region = { name, tables, generation: 0, inFlight: new Map() };
    this.regions.push(region);
    return region;
  }

  /**
   * The body for `key`: from memory when cached, else from `load` (null: nothing to cache, e.g. a 404), shared
   * by every request for the same key while it runs, and kept only if no write was announced meanwhile.
   */
  async get(region: Region, key: string, load: () => Promise<Body | null>): Promise<{ body: Body | null; status: CacheStatus }> {
    const id = `${region.name}\u0000${key}`;
    const status: CacheStatus = this.enabled && this.maxBytes > 0 ? 'miss' : 'off';
    const cached = status === 'miss' ? this.entries.get(id) : undefined;
    if (cached) {
      // re-inserting keeps the Map in least-recently-used order
      this.entries.delete(id);
      this.entries.set(id, cached);
      this.hits++;
      return { body: cached.body, status: 'hit' };
    }
    let flight = region.inFlight.get(key);
    // a load begun before a write was announced may have read the old rows: later requests do not join it
    if (!flight || flight.generation !== region.generation) {
      const generation = region.generation;
      const promise = load().finally(() => {
        if (region.inFlight.get(key) === flight) region.inFlight.delete(key);
      });
      flight = { generation, promise };
      region.inFlight.set(key, flight);
      void promise.then(
        (body) => {
          if (body && status === 'miss' && this.enabled && region.generation === generation) this.store(id, { body, region });
        },
        () => undefined,
      );
    }
    if (status === 'miss') this.misses++;
    return { body: await flight.promise, status };
  }

  /** A committed write to `table`: every region reading it forgets its entries. */
  invalidate(table: string): void {
    const hit = this.regions.filter((r) => (r.tables as readonly string[]).includes(table));
    if (hit.length === 0) return;
    this.invalidations++;
    for (const r of hit) r.generation++;
    for (const [id, entry] of this.entries) if (hit.includes(entry.region)) this.remove(id, entry);
  }

  /** Called with false when the change channel is lost (everything is dropped), true once it listens again. */
  setEnabled(enabled: boolean): void {
    // writes may have gone unannounced while the channel was down: nothing from before survives either way
    for (const r of this.regions) r.generation++;
    this.entries.clear();
    this.bytes = 0;
    this.enabled = enabled;
  }

  stats(): CacheStats {
    return {
      enabled: this.enabled,
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
      invalidations: this.invalidations,
    };
  }

  private store(id: string, entry: Entry): void {
    // a body over a quarter of the budget would evict too much to be worth keeping
    if (entry.body.length > this.maxBytes / 4) return;
    const old = this.entries.get(id);
    if (old) this.remove(id, old);
    this.entries.set(id, entry);
    this.bytes += entry.body.length;
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, e);
    }
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.body.length;
  }
}
