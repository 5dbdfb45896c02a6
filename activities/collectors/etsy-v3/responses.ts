// Etsy Open API v3 response bodies, as documented (ShopListing, SellerTaxonomyNode): undefined means malformed.
import { z } from 'zod';

const listing = z.object({
  listing_id: z.number(),
  tags: z.array(z.string()),
  /** physical, download (digital) or both. */
  listing_type: z.string(),
  taxonomy_id: z.number().int().nullish(),
  price: z.object({ amount: z.number(), divisor: z.number().positive(), currency_code: z.string().min(1) }),
});

const listingsPage = z.object({ count: z.number().int().min(0), results: z.array(listing) });

export type EtsyListing = z.output<typeof listing>;

export function parseListings(body: unknown): z.output<typeof listingsPage> | undefined {
  const parsed = listingsPage.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

export interface TaxonomyNode {
  name: string;
  /** Names from the top level down to this node. */
  path: string[];
}

interface RawNode {
  id: number;
  name: string;
  children: RawNode[];
}

const isNode = (value: unknown): value is RawNode => {
  const v = value as Partial<RawNode> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'number' &&
    typeof v.name === 'string' &&
    Array.isArray(v.children) &&
    v.children.every(isNode)
  );
};

/** The nested seller taxonomy ({count, results: nodes with children}) as a map from id to name and path. */
export function parseTaxonomy(body: unknown): Map<number, TaxonomyNode> | undefined {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || !results.every(isNode)) return undefined;
  const nodes = new Map<number, TaxonomyNode>();
  const walk = (node: RawNode, parents: string[]) => {
    const path = [...parents, node.name];
    nodes.set(node.id, { name: node.name, path });
    for (const child of node.children) walk(child, path);
  };
  for (const node of results) walk(node, []);
  return nodes;
}
