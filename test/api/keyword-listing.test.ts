// GET /keywords with unknown (null) scores: they sort last in every order, and the cursor pages across them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { testApp, type App, type Json } from './test-app';

const DAY = '2006-06-15';
let stack: TestStack;
let app: App;
let rows: { id: string; opportunity_score: number | null; difficulty_score: number | null; search_volume: number | null }[];

const SCORES: [number | null, number | null, number | null][] = [
  // opportunity, difficulty, volume
  [0.9, 0.2, 100],
  [0.5, null, null],
  [null, 0.4, 50],
  [0.7, 0.4, 2000],
  [null, null, 50],
  [0.5, 0.1, null],
  [null, 0.9, 0],
  [0.1, null, 7],
];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  app = testApp(stack, `api-list-${uid()}`);
  const token = uid();
  rows = await stack.orm.em
    .getKnex()('processed_keywords')
    .insert(
      SCORES.map(([opportunity, difficulty, volume], i) => ({
        platform: i % 2 ? 'etsy' : 'amazon',
        keyword: `null sort ${token} ${i}`,
        day: DAY,
        search_volume: volume,
        competition: 0.5,
        cpc: 1,
        trend_score: 0.5,
        difficulty_score: difficulty,
        opportunity_score: opportunity,
        related_keywords: '[]',
        category: null,
        cluster_id: null,
        processed_at: new Date(),
        workflow_id: 'test',
      })),
    )
    .returning(['id', 'opportunity_score', 'difficulty_score', 'search_volume']);
});
afterAll(() => stack?.close());

async function pageThrough(sort: string): Promise<Json[]> {
  const seen: Json[] = [];
  let cursor: string | null = null;
  do {
    const res = await app.request(`/keywords?day=${DAY}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Json;
    seen.push(...(page.items as Json[]));
    cursor = page.next_cursor as string | null;
  } while (cursor);
  return seen;
}

/** Known values first in the order's direction (ties by id, same direction), then the unknown ones by id. */
function expected(key: 'opportunity_score' | 'difficulty_score' | 'search_volume', direction: 1 | -1): (number | null)[] {
  const ordered = [...rows].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) return x === y ? direction * (Number(a.id) - Number(b.id)) : x === null ? 1 : -1;
    return direction * (x - y) || direction * (Number(a.id) - Number(b.id));
  });
  return ordered.map((r) => r[key]);
}

describe('GET /keywords with unknown scores', () => {
  it.each([
    ['opportunity', 'opportunity_score', -1],
    ['difficulty', 'difficulty_score', 1],
    ['volume', 'search_volume', -1],
  ] as const)('sort=%s puts unknown %s last and pages through every row once', async (sort, key, direction) => {
    const items = await pageThrough(sort);
    expect(items).toHaveLength(SCORES.length);
    expect(new Set(items.map((i) => i.keyword)).size).toBe(SCORES.length);
    expect(items.map((i) => i[key])).toEqual(expected(key, direction));
  });
});
