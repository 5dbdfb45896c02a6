// What raises alerts besides an evaluation of its own: a processing run evaluates the rules and starts the delivery,
// and a pipeline collection that fails a platform raises collection_failed. The receiver is in alerts-receiver.ts.
import { describe, expect, it } from 'vitest';
import { keywordPipeline } from '../../workflows/pipeline';
import { processKeywords } from '../../workflows/insights';
import { seedHistory } from '../helpers/seed';
import { uid } from '../helpers/stack';
import { post, type Json } from './test-app';
import { app, base, createRule, deleteRule, received, stack, useAlertReceiver } from './alerts-receiver';

useAlertReceiver();

describe('evaluation and delivery', () => {
  it('processKeywords evaluates the rules after processing and starts the delivery', async () => {
    const t = uid();
    const keywords = [`after processing ${t} one`, `after processing ${t} two`];
    const day = '2008-06-10';
    await seedHistory(stack.orm, keywords, day, 1);
    const list = (await (await post(app, '/lists', { name: 'Processed', keywords, daily: false })).json()) as Json;
    // any known opportunity crosses -1 on a first day
    const rule = await createRule({
      name: 'Any',
      kind: 'opportunity_above',
      threshold: -1,
      list_id: list.id,
      webhook_url: `${base}/processed-${t}`,
    });
    try {
      const id = `process-alerts-${t}`;
      await stack.withWorker(
        async (taskQueue) => {
          await stack.client.workflow.execute(processKeywords, { taskQueue, workflowId: id, args: [{ day }] });
          await stack.client.workflow.getHandle(`${id}/alerts`).result();
        },
        { allowPrivateWebhooks: true },
      );
      const got = received.filter((r) => r.path === `/processed-${t}`);
      expect(got.map((r) => `${(JSON.parse(r.body) as Json).platform} ${(JSON.parse(r.body) as Json).keyword}`).sort()).toEqual(
        keywords.flatMap((k) => ['amazon', 'ebay', 'etsy'].map((p) => `${p} ${k}`)).sort(),
      );
      expect(got.every((r) => r.valid)).toBe(true);
    } finally {
      await deleteRule(rule.id as string);
    }
  }, 90_000);

  it('a pipeline collection that fails a platform raises collection_failed once for the run', async () => {
    const t = uid();
    const rule = await createRule({ name: 'Failures', kind: 'collection_failed', webhook_url: `${base}/failed-${t}` });
    try {
      const id = `pipeline-failing-${t}`;
      const providers = { ...stack.providers, ebay: { ...stack.providers.ebay, apiKey: 'wrong-key' } };
      const result = await stack.withWorker(
        async (taskQueue) => {
          const done = await stack.client.workflow.execute(keywordPipeline, {
            taskQueue,
            workflowId: id,
            args: [{ keywords: [`failing ${t}`], platforms: ['etsy', 'ebay'], day: '2008-07-01', steps: ['collect'] }],
          });
          await stack.client.workflow.getHandle(`${id}/alerts`).result();
          return done;
        },
        { providers, allowPrivateWebhooks: true },
      );
      expect(result.collect!.platforms.map((p) => [p.platform, p.collected])).toEqual([
        ['etsy', 1],
        ['ebay', 0],
      ]);
      const got = received.filter((r) => r.path === `/failed-${t}`);
      expect(got).toHaveLength(1);
      expect(got[0]!.valid).toBe(true);
      const event = JSON.parse(got[0]!.body) as Json;
      expect(event).toMatchObject({
        kind: 'collection_failed',
        day: '2008-07-01',
        workflow_id: id,
        rule: { id: rule.id, name: 'Failures' },
      });
      expect(event.problems).toEqual(['ebay: 0 of 1 keywords collected (ebay: GET /ebay/keywords/search returned 401; platform stopped)']);
    } finally {
      await deleteRule(rule.id as string);
    }
  }, 90_000);
});
