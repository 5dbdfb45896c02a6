// collectKeywords against provider faults, end to end on the simulator: a 404 keyword and a degraded call, transient
// 503s and a 429, a keyword given up, refused credentials and a missing provider stop only what they must.
import { describe, expect, it } from 'vitest';
import { collectKeywords } from '../../workflows/collect-keywords';
import { uid } from '../helpers/stack';
import { rowsFor, run, stack, useCollectStack } from './collect-stack';

const DAY = '2026-11-20';
useCollectStack(DAY);

describe('collectKeywords', () => {
  it('records a 404 keyword as a failure and a failed related call as degraded, and goes on', async () => {
    const token = uid();
    const [bad, flaky, good] = ['bad', 'flaky', 'good'].map((w) => `svg ${w} ${token}`) as [string, string, string];
    stack.sim.simulator.setFaults('etsy', { notFound: { keywords: [bad], calls: ['search'] } });
    stack.sim.simulator.setFaults('amazon', { malformed: { keywords: [flaky], calls: ['related'] } });
    const result = await run({ keywords: [bad, flaky, good], platforms: ['amazon', 'etsy'], day: DAY });

    const etsy = result.platforms.find((p) => p.platform === 'etsy')!;
    expect(etsy.collected).toBe(2);
    expect(etsy.failures).toEqual([{ keyword: bad, reason: expect.stringContaining('404') }]);
    // a keyword failure is not retried
    expect(stack.sim.simulator.requests.filter((r) => r.keyword === bad && r.platform === 'etsy')).toHaveLength(1);
    const rows = await rowsFor([bad, flaky, good]);
    expect(rows.map((r) => `${r.platform}:${r.keyword}`).sort()).toEqual([
      `amazon:${bad}`,
      `amazon:${flaky}`,
      `amazon:${good}`,
      `etsy:${flaky}`,
      `etsy:${good}`,
    ]);
    const degraded = rows.find((r) => r.platform === 'amazon' && r.keyword === flaky)!;
    expect(degraded.relatedKeywords).toEqual([]);
    expect(degraded.degraded).toEqual([{ call: 'related', reason: expect.stringContaining('malformed') }]);
  });

  it('resumes past transient 503s and a 429 with Retry-After, collecting every keyword', async () => {
    const token = uid();
    const keywords = [`ebook ${token} a`, `ebook ${token} b`, `ebook ${token} c`];
    stack.sim.simulator.setFaults('ebay', {
      serverError: { keywords: [keywords[1]!], calls: ['search'], times: 4, status: 503 },
      rateLimit: { keywords: [keywords[2]!], calls: ['search'], times: 1, retryAfterSeconds: 1 },
    });
    const result = await run({ keywords, platforms: ['ebay'], day: DAY });

    expect(result.platforms[0]).toMatchObject({ platform: 'ebay', collected: 3, failures: [] });
    const searches = stack.sim.simulator.requests.filter((r) => r.call === 'search');
    expect(searches.filter((r) => r.keyword === keywords[1]).map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
    const limited = searches.filter((r) => r.keyword === keywords[2]);
    expect(limited.map((r) => r.status)).toEqual([429, 200]);
    expect(limited[1]!.startedAt - limited[0]!.startedAt).toBeGreaterThanOrEqual(1000);
    // the keyword collected before the 503s was not asked again after the retries
    expect(searches.filter((r) => r.keyword === keywords[0])).toHaveLength(1);
  });

  it('gives a keyword up after 5 transient failures, across attempts, and keeps the rest', async () => {
    const token = uid();
    const [down, up] = [`clipart ${token} down`, `clipart ${token} up`];
    stack.sim.simulator.setFaults('etsy', { serverError: { keywords: [down], calls: ['search'], status: 502 } });
    const result = await run({ keywords: [down, up], platforms: ['etsy'], day: DAY });

    expect(result.platforms[0]).toMatchObject({
      collected: 1,
      failures: [{ keyword: down, reason: expect.stringMatching(/gave up after 5 tries: etsy: .*502/) }],
    });
    // 5 attempts, each trying 3 times in place
    expect(stack.sim.simulator.requests.filter((r) => r.keyword === down)).toHaveLength(15);
  });

  it('stops a platform whose credentials are refused, without retrying, and finishes the others', async () => {
    const token = uid();
    const keywords = Array.from({ length: 6 }, (_, i) => `font ${token} ${i}`);
    const providers = { ...stack.providers, amazon: { ...stack.providers.amazon, apiKey: 'wrong-key' } };
    const result = await stack.withWorker(
      (taskQueue) =>
        stack.client.workflow.execute(collectKeywords, {
          taskQueue,
          workflowId: `collect-test-${uid()}`,
          args: [{ keywords, platforms: ['amazon', 'etsy'], day: DAY, batchSize: 2, concurrency: 1 }],
        }),
      { providers },
    );

    const amazon = result.platforms.find((p) => p.platform === 'amazon')!;
    expect(amazon.collected).toBe(0);
    expect(amazon.error).toMatch(/amazon: .*401.*platform stopped/);
    // the keyword refused failed; its batch mate and the two batches behind were never tried
    expect(amazon.failures).toEqual([{ keyword: keywords[0], reason: expect.stringMatching(/amazon: .*401/) }]);
    expect(amazon.notAttempted).toBe(5);
    expect(stack.sim.simulator.requests.filter((r) => r.platform === 'amazon')).toHaveLength(1);
    expect(result.platforms.find((p) => p.platform === 'etsy')!.collected).toBe(6);
    expect(JSON.stringify(result)).not.toContain('wrong-key');
  });

  it('stops a platform that has no provider on this worker, with a failure that names the variable', async () => {
    const keywords = [`mockup ${uid()}`];
    const providers = { ...stack.providers, ebay: { ...stack.providers.ebay, baseUrl: undefined } };
    const result = await stack.withWorker(
      (taskQueue) =>
        stack.client.workflow.execute(collectKeywords, {
          taskQueue,
          workflowId: `collect-test-${uid()}`,
          args: [{ keywords, platforms: ['etsy', 'ebay'], day: DAY }],
        }),
      { providers },
    );

    expect(result.platforms.map((p) => [p.platform, p.collected])).toEqual([
      ['etsy', 1],
      ['ebay', 0],
    ]);
    expect(result.platforms[1]!.error).toBe('ebay: no provider configured on this worker (EBAY_PROVIDER_URL); platform stopped');
  });
});
