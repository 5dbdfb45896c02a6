// The --once table (workers/cli/once.ts printCollection): every observation of the day with the difficulty and
// opportunity processKeywords gave it, and 'unknown' where the day has no processed row for it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProcessedKeywordSchema } from '../../activities/db/entities';
import { printCollection } from '../../workers/cli/once';
import { processKeywords } from '../../workflows/insights';
import { PLATFORMS } from '../../workflows/types/platforms';
import { seedHistory, seedKeywords } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';

const FIRST = '2027-07-01';
const DAY = '2027-07-03';
let stack: TestStack;
let keywords: string[];

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  keywords = seedKeywords(uid());
  await seedHistory(stack.orm, keywords, FIRST, 3);
  await stack.withWorker((taskQueue) =>
    stack.client.workflow.execute(processKeywords, { taskQueue, workflowId: `once-table-${uid()}`, args: [{ day: DAY }] }),
  );
});
afterAll(() => stack?.close());

describe('the --once collection table', () => {
  it("shows each observation's processed difficulty and opportunity, unknown where none is processed", async () => {
    const shown = keywords.slice(0, 3);
    const em = stack.orm.em.fork();
    // one pair without a processed row
    await em.nativeDelete(ProcessedKeywordSchema, { day: DAY, keyword: shown[0]!, platform: 'etsy' });
    const processed = await em.find(ProcessedKeywordSchema, { day: DAY, keyword: { $in: shown } });
    expect(processed).toHaveLength(shown.length * PLATFORMS.length - 1);
    const expected = new Map<string, string[]>(PLATFORMS.flatMap((p) => shown.map((k) => [`${k}|${p}`, ['unknown', 'unknown']])));
    for (const r of processed) expected.set(`${r.keyword}|${r.platform}`, [r.difficultyScore!.toFixed(3), r.opportunityScore!.toFixed(3)]);

    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      const summaries = PLATFORMS.map((platform) => ({ platform, requested: 3, collected: 3, failed: 0, errors: [], failureSamples: [] }));
      await printCollection(stack.orm, DAY, summaries, shown);
    } finally {
      log.mockRestore();
    }
    const lines = printed
      .join('\n')
      .split('\n')
      .filter((l) => shown.some((k) => l.startsWith(k)));
    const rows = new Map(
      lines.map((l) => {
        const cells = l.trim().split(/\s{2,}/);
        return [`${cells[0]}|${cells[1]}`, [cells[7], cells[8]]];
      }),
    );
    expect(rows).toEqual(expected);
  });
});
