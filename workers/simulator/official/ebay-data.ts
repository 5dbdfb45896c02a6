// Deterministic eBay Browse data: item_summary/search results built on the generic provider simulator's numbers for the
// keyword (volume and competition size the market; its categories become the category distribution).
import { simulateKeyword } from '../data';
import { createRng, hashSeed, normal } from '../rng';
import { normalizeKeyword } from '../../../workflows/validation';

export const MARKETPLACE_CURRENCY: Record<string, string> = {
  EBAY_US: 'USD',
  EBAY_GB: 'GBP',
  EBAY_DE: 'EUR',
  EBAY_FR: 'EUR',
  EBAY_IT: 'EUR',
  EBAY_ES: 'EUR',
  EBAY_AU: 'AUD',
  EBAY_CA: 'CAD',
};

/** eBay's top-level category ids for the generic provider simulator's eBay categories. */
const CATEGORY_IDS: Record<string, string> = {
  'Books & Magazines': '267',
  'Computers/Tablets & Networking': '58058',
  Crafts: '14339',
  Art: '550',
  Music: '11233',
  'Movies & TV': '11232',
  'Business & Industrial': '12576',
  Collectibles: '1',
  'Toys & Hobbies': '220',
  'Everything Else': '99',
};

export interface EbaySearchQuery {
  keyword: string;
  day: string;
  marketplace: string;
  offset: number;
  limit: number;
  items: boolean;
  categories: boolean;
  href: string;
}

export function ebaySearch(q: EbaySearchQuery) {
  const key = normalizeKeyword(q.keyword);
  const d = simulateKeyword('ebay', key, q.day);
  const total = Math.round(d.search_volume * (0.2 + 3 * d.competition));
  const categories = (d.categories?.categories ?? []).map((c) => ({ ...c, id: CATEGORY_IDS[c.name] ?? '99' }));
  const currency = MARKETPLACE_CURRENCY[q.marketplace] ?? 'USD';
  const medianCents = 200 + 2000 * createRng(hashSeed('ebay-browse', key))();
  const itemSummaries = Array.from({ length: Math.max(0, Math.min(q.limit, total - q.offset)) }, (_, n) => {
    const i = q.offset + n;
    const rng = createRng(hashSeed('ebay-browse', key, q.day, i));
    const id = 100_000_000_000 + (hashSeed('ebay-item', key, i) % 900_000_000_000);
    const category = categories[Math.floor(rng() * categories.length)];
    return {
      itemId: `v1|${id}|0`,
      title: `${key} - digital download #${i + 1}`,
      categories: category ? [{ categoryId: category.id, categoryName: category.name }] : [],
      price: { value: (Math.max(99, Math.round(medianCents * Math.exp(0.6 * normal(rng)))) / 100).toFixed(2), currency },
      buyingOptions: ['FIXED_PRICE'],
      condition: 'New',
      conditionId: '1000',
      itemWebUrl: `https://www.ebay.com/itm/${id}`,
      seller: { username: `seller${id % 10_007}`, feedbackPercentage: '99.2', feedbackScore: Math.floor(rng() * 20_000) },
    };
  });
  return {
    href: q.href,
    total,
    limit: q.limit,
    offset: q.offset,
    ...(q.items && itemSummaries.length > 0 ? { itemSummaries } : {}),
    ...(q.categories && categories.length > 0 && total > 0
      ? {
          refinement: {
            dominantCategoryId: categories[0]!.id,
            categoryDistributions: categories.map((c) => ({
              categoryId: c.id,
              categoryName: c.name,
              matchCount: Math.round(c.share * total),
              refinementHref: `${q.href}&category_ids=${c.id}`,
            })),
          },
        }
      : {}),
  };
}
