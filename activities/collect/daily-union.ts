// The daily run's keywords: every list marked daily on its own platforms, plus the configured daily keywords, each
// keyword once per platform. Keywords are grouped by the exact set of platforms they are wanted on, and each group is
// stored as a keyword list (by content: an unchanged union is stored once), so the pipeline reads chunks by ID.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CollectSegment, DailyKeywordUnionInput } from '../../workflows/types/pipeline';
import { PLATFORMS, type Platform } from '../../workflows/types/platforms';
import { storeItems } from '../db/repositories/keyword-list-items';
import { dailyKeywordPlatforms } from '../db/repositories/keyword-lists';

export async function dailyKeywordUnion(em: EntityManager, input: DailyKeywordUnionInput): Promise<{ segments: CollectSegment[] }> {
  const rows = await dailyKeywordPlatforms(em, input.keywords, input.platforms);
  const groups = new Map<string, { platforms: Platform[]; keywords: string[] }>();
  for (const row of rows) {
    const platforms = PLATFORMS.filter((p) => row.platforms.includes(p));
    const key = platforms.join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { platforms, keywords: [] }));
    group.keywords.push(row.keyword);
  }
  // the most platforms first: the biggest collections start first, and the order is the same for the same lists
  const ordered = [...groups.values()].sort(
    (a, b) => b.platforms.length - a.platforms.length || a.platforms.join().localeCompare(b.platforms.join()),
  );
  return em.transactional(async (tx) => {
    const segments: CollectSegment[] = [];
    for (const g of ordered)
      segments.push({ keywordList: await storeItems(tx, g.keywords), platforms: g.platforms, size: g.keywords.length });
    return { segments };
  });
}
