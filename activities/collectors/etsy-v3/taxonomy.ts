// Etsy's seller taxonomy, fetched once and cached: it changes rarely and every request counts against the quota.
import { ProviderError } from '../errors';
import { abortable } from '../official/abortable';
import type { ApiClient } from '../official/api-client';
import { parseTaxonomy, type TaxonomyNode } from './responses';

const TAXONOMY_PATH = '/v3/application/seller-taxonomy/nodes';
/** Kept a day; after a failure, keywords go without categories for a while rather than each asking again. */
const TTL_MS = 86_400_000;
const FAILURE_BACKOFF_MS = 5 * 60_000;

export class TaxonomyCache {
  private nodes: Map<number, TaxonomyNode> | undefined;
  private fetchedAt = 0;
  private failedAt = -Infinity;
  private lastFailure: ProviderError | undefined;
  private pending: Promise<Map<number, TaxonomyNode>> | undefined;

  constructor(
    private readonly client: ApiClient,
    private readonly headers: () => Record<string, string>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(signal?: AbortSignal): Promise<Map<number, TaxonomyNode>> {
    const now = this.now();
    if (this.nodes && now - this.fetchedAt < TTL_MS) return this.nodes;
    if (this.lastFailure && now - this.failedAt < FAILURE_BACKOFF_MS) throw this.lastFailure;
    // the shared request ignores any one caller's signal: other keywords may still want the taxonomy
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return abortable(this.pending, signal);
  }

  private async fetch(): Promise<Map<number, TaxonomyNode>> {
    try {
      const { body } = await this.client.send({ method: 'GET', path: TAXONOMY_PATH, headers: this.headers() });
      const nodes = parseTaxonomy(body);
      if (!nodes)
        throw new ProviderError(
          this.client.platform,
          'unavailable',
          `${this.client.callName('GET', TAXONOMY_PATH)} returned a malformed response`,
        );
      [this.nodes, this.fetchedAt, this.lastFailure] = [nodes, this.now(), undefined];
      return nodes;
    } catch (err) {
      // transient failures are remembered for a while; auth and quota failures stop the platform anyway
      if (err instanceof ProviderError && err.retryable) [this.lastFailure, this.failedAt] = [err, this.now()];
      throw err;
    }
  }
}
