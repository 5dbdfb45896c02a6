// Deterministic Etsy Open API v3 data: active listings and the seller taxonomy, built on the generic provider simulator's
// numbers for the keyword (volume and competition size the market, its categories and related keywords show up
// as taxonomy ids and tags).
import { keywordWords, simulateKeyword } from '../data';
import { createRng, hashSeed, normal, pick } from '../rng';
import { normalizeKeyword } from '../../../workflows/validation';

/** Top-level names as the generic provider simulator's Etsy categories, two leaves each. */
const TREE: [string, [string, string]][] = [
  ['Paper & Party Supplies', ['Paper', 'Party Supplies']],
  ['Art & Collectibles', ['Prints', 'Drawing & Illustration']],
  ['Craft Supplies & Tools', ['Patterns & How To', 'Scrapbooking']],
  ['Home & Living', ['Home Decor', 'Office']],
  ['Books, Movies & Music', ['Books', 'Music']],
  ['Accessories', ['Patches & Pins', 'Keychains & Lanyards']],
  ['Toys & Games', ['Games & Puzzles', 'Learning & School']],
  ['Weddings', ['Invitations & Paper', 'Decorations']],
  ['Electronics & Accessories', ['Decals & Skins', 'Docking & Stands']],
];
const GENERIC_TAGS = ['digital download', 'printable', 'instant download', 'pdf', 'template', 'gift idea', 'editable', 'a4 letter size'];

const leafId = (top: number, leaf: number) => 10_000 + top * 10 + leaf;

/** GET /v3/application/seller-taxonomy/nodes: SellerTaxonomyNode trees. */
export function etsyTaxonomy() {
  return TREE.map(([name, leaves], i) => ({
    id: 1_000 + i,
    level: 1,
    name,
    parent_id: null,
    children: leaves.map((leaf, j) => ({
      id: leafId(i, j),
      level: 2,
      name: leaf,
      parent_id: 1_000 + i,
      children: [],
      full_path_taxonomy_ids: [1_000 + i, leafId(i, j)],
    })),
    full_path_taxonomy_ids: [1_000 + i],
  }));
}

/** GET /v3/application/listings/active?keywords=…: {count, results} (ShopListing fields as documented). */
export function etsyListings(keyword: string, day: string, offset: number, limit: number) {
  const key = normalizeKeyword(keyword);
  const d = simulateKeyword('etsy', key, day);
  // more searches and more competition mean more sellers
  const count = Math.round(d.search_volume * (1 + 20 * d.competition));
  const traits = createRng(hashSeed('etsy-v3', key));
  const digitalShare = 0.3 + 0.65 * traits();
  const medianCents = 300 + 1500 * traits();
  const tagPool = [...new Set([...d.related_keywords, key, ...keywordWords(key), ...GENERIC_TAGS])].filter((t) => t.length <= 20);
  const categories = d.categories?.categories ?? [];
  const results = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, n) => {
    const i = offset + n;
    const rng = createRng(hashSeed('etsy-v3', key, day, i));
    const id = 1_000_000_000 + (hashSeed('etsy-listing', key, i) % 900_000_000);
    const tags = [...new Set(Array.from({ length: 3 + Math.floor(rng() * 11) }, () => pick(rng, tagPool)))];
    let roll = rng();
    const category = categories.find((c) => (roll -= c.share) < 0) ?? categories[0];
    const top = Math.max(
      0,
      TREE.findIndex(([name]) => name === category?.name),
    );
    const listingType = rng() < digitalShare ? 'download' : rng() < 0.15 ? 'both' : 'physical';
    return {
      listing_id: id,
      user_id: 10_000_000 + (id % 7_919) * 1_000,
      shop_id: 20_000_000 + (id % 7_919),
      title: `${key} ${pick(rng, GENERIC_TAGS)}`,
      state: 'active',
      url: `https://www.etsy.com/listing/${id}`,
      quantity: 999,
      num_favorers: Math.floor(rng() * 500),
      views: Math.floor(rng() * 5000),
      listing_type: listingType,
      tags,
      taxonomy_id: leafId(top, rng() < 0.5 ? 0 : 1),
      price: { amount: Math.max(100, Math.round(medianCents * Math.exp(0.5 * normal(rng)))), divisor: 100, currency_code: 'USD' },
      who_made: 'i_did',
      when_made: 'made_to_order',
      is_supply: false,
      creation_timestamp: 1_700_000_000 + (id % 30_000_000),
    };
  });
  return { count, results };
}
