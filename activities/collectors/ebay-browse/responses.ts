// eBay Browse API response bodies, as documented: undefined means malformed.
import { z } from 'zod';

const itemSummary = z.object({
  itemId: z.string(),
  // auctions without a fixed price may carry no price
  price: z.object({ value: z.string(), currency: z.string().min(1) }).optional(),
});

const searchPage = z.object({
  total: z.number().int().min(0),
  itemSummaries: z.array(itemSummary).optional(),
  refinement: z
    .object({
      categoryDistributions: z
        .array(z.object({ categoryId: z.string(), categoryName: z.string(), matchCount: z.number().int().min(0) }))
        .optional(),
    })
    .optional(),
});

export type EbaySearchPage = z.output<typeof searchPage>;

export function parseSearchPage(body: unknown): EbaySearchPage | undefined {
  const parsed = searchPage.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
