// trainModel's bounded read: whole keywords drawn by hash, every row of theirs in the window, never more than the bound.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleObservations } from '../../activities/db/repositories/observation-sample';
import { seedHistory } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const FROM = '2002-03-01';
const TO = '2002-03-03';
let stack: TestStack;
const token = uid();
/** 200 keywords × 3 platforms × 3 days = 1,800 observations. */
const keywords = Array.from({ length: 200 }, (_, n) => `sample ${token} ${n}`);

beforeAll(async () => {
  stack = await startTestStack({ day: TO });
  await seedHistory(stack.orm, keywords, FROM, 3);
});
afterAll(() => stack?.close());

const seriesLengths = (rows: { keyword: string; platform: string }[]) => {
  const lengths = new Map<string, number>();
  for (const r of rows) lengths.set(r.keyword, (lengths.get(r.keyword) ?? 0) + 1);
  return lengths;
};

it('reads every row when the window is within the bound', async () => {
  const sample = await sampleObservations(stack.orm.em.fork(), { from: FROM, to: TO }, 10_000);
  expect({ rows: sample.rows.length, windowRows: sample.windowRows, fraction: sample.fraction }).toEqual({
    rows: 1800,
    windowRows: 1800,
    fraction: 1,
  });
  expect(sample.rows[0]!.relatedKeywords).toEqual([]);
});

it('draws whole keywords beyond the bound, the same ones every time, never more rows than the bound', async () => {
  const sample = await sampleObservations(stack.orm.em.fork(), { from: FROM, to: TO }, 600);
  expect(sample.fraction).toBeCloseTo((0.9 * 600) / 1800, 10);
  expect(sample.rows.length).toBeLessThanOrEqual(600);
  // 540 expected (60 of 200 keywords); the spread of a 30 % draw keeps it far above 300
  expect(sample.rows.length).toBeGreaterThan(300);
  const lengths = seriesLengths(sample.rows);
  for (const keyword of lengths.keys()) expect(keywords).toContain(keyword);
  // 3 platforms × 3 days each; only the last keyword read may be cut by the bound
  const cut = [...lengths.values()].filter((n) => n !== 9);
  expect(cut.length).toBeLessThanOrEqual(1);
  const again = await sampleObservations(stack.orm.em.fork(), { from: FROM, to: TO }, 600);
  expect(again.rows).toEqual(sample.rows);
});
