// Alert evaluation over processed keywords and signed webhooks delivered by the deliverAlerts workflow to a real local
// HTTP receiver that fails before it recovers (retries with backoff). The receiver is in alerts-receiver.ts.
import { describe, expect, it } from 'vitest';
import { storeKeywordEvents } from '../../activities/db/repositories/alert-deliveries';
import { deliverAlerts } from '../../workflows/alerts';
import { uid } from '../helpers/stack';
import { post, type Json } from './test-app';
import { app, base, createRule, deleteRule, deliveriesOf, failuresLeft, received, stack, useAlertReceiver } from './alerts-receiver';

useAlertReceiver();

describe('evaluation and delivery', () => {
  const D1 = '2008-05-01';
  const D2 = '2008-05-02';

  it('fires once per crossing, scoped to a list; deliveries are signed, retried until the receiver recovers, and logged', async () => {
    const t = uid();
    const [a, b, c] = ['a', 'b', 'c'].map((k) => `alert ${t} ${k}`) as [string, string, string];
    const row = (keyword: string, day: string, opportunity: number) => ({
      platform: 'etsy',
      keyword,
      day,
      search_volume: 500,
      competition: 0.3,
      cpc: 1,
      trend_score: 0.2,
      difficulty_score: 0.3,
      opportunity_score: opportunity,
      related_keywords: '[]',
      category: null,
      cluster_id: null,
      processed_at: new Date(),
      workflow_id: 'test',
    });
    // a crosses 0.8; b was above already; c is new and above
    await stack.orm.em
      .getKnex()('processed_keywords')
      .insert([row(a, D1, 0.4), row(a, D2, 0.9), row(b, D1, 0.85), row(b, D2, 0.95), row(c, D2, 0.9)]);
    const listRes = await post(app, '/lists', { name: 'Only a', keywords: [a], daily: false });
    const list = (await listRes.json()) as Json;
    const all = await createRule({ name: 'Opportunities', kind: 'opportunity_above', threshold: 0.8, webhook_url: `${base}/all-${t}` });
    const scoped = await createRule({
      name: 'List a',
      kind: 'opportunity_above',
      threshold: 0.8,
      list_id: list.id,
      webhook_url: `${base}/flaky-${t}`,
      format: 'slack',
    });
    failuresLeft.set(`/flaky-${t}`, 2);
    try {
      expect(await storeKeywordEvents(stack.orm.em.fork(), D2)).toBeGreaterThanOrEqual(3);
      // the same day again: nothing new (the event IDs derive from what happened)
      expect(await storeKeywordEvents(stack.orm.em.fork(), D2)).toBe(0);

      const result = await stack.withWorker(
        async (taskQueue) => stack.client.workflow.execute(deliverAlerts, { taskQueue, workflowId: `deliver-${t}`, args: [{}] }),
        { allowPrivateWebhooks: true },
      );
      expect(result.delivered).toBeGreaterThanOrEqual(3);

      const toAll = received.filter((r) => r.path === `/all-${t}`);
      expect(toAll.map((r) => (JSON.parse(r.body) as Json).keyword).sort()).toEqual([a, c]);
      expect(toAll.every((r) => r.valid)).toBe(true);
      const event = JSON.parse(toAll.find((r) => r.body.includes(a))!.body) as Json;
      expect(event).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        kind: 'opportunity_above',
        rule: { id: all.id, name: 'Opportunities', threshold: 0.8 },
        day: D2,
        platform: 'etsy',
        keyword: a,
        value: 0.9,
        previous: 0.4,
        text: `Opportunities: opportunity of ${a} on etsy (${D2}) rose to 0.9 (was 0.4)`,
      });
      expect(toAll.find((r) => r.body.includes(a))!.eventId).toBe(event.id);

      // the flaky receiver: two 500s, then delivered; the same event ID every time
      const toFlaky = received.filter((r) => r.path === `/flaky-${t}`);
      expect(toFlaky).toHaveLength(3);
      expect(new Set(toFlaky.map((r) => r.eventId)).size).toBe(1);
      expect(toFlaky.every((r) => r.valid)).toBe(true);
      expect(JSON.parse(toFlaky[2]!.body)).toEqual({ text: `List a: opportunity of ${a} on etsy (${D2}) rose to 0.9 (was 0.4)` });
      expect(await deliveriesOf(scoped.id as string)).toEqual([
        {
          event_id: toFlaky[0]!.eventId,
          rule_id: scoped.id,
          status: 'delivered',
          attempts: 3,
          last_error: 'receiver answered 500',
          created_at: expect.any(String),
          delivered_at: expect.any(String),
          event: expect.objectContaining({ keyword: a, kind: 'opportunity_above' }),
        },
      ]);
      expect((await deliveriesOf(all.id as string)).map((d) => [d.status, d.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
      ]);
    } finally {
      await deleteRule(all.id as string);
      await deleteRule(scoped.id as string);
    }
  }, 60_000);
});
