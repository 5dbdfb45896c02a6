// Alerts end to end: rules through the API, evaluation over processed keywords, and signed webhooks delivered by the
// deliverAlerts workflow to real local HTTP receivers, one of which fails before it recovers (retries with backoff).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKeywordEvents } from '../../activities/db/repositories/alert-deliveries';
import { deliverAlerts } from '../../workflows/alerts';
import { keywordPipeline } from '../../workflows/pipeline';
import { processKeywords } from '../../workflows/insights';
import { seedHistory } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, AUTH, post, rowCounts, testApp, type App, type Json } from './test-app';

interface Received {
  path: string;
  eventId: string;
  signature: string;
  body: string;
  valid: boolean;
}

let stack: TestStack;
let app: App;
let server: Server;
let base: string;
const received: Received[] = [];
const secrets = new Map<string, string>();
/** Per path: how many more requests answer 500 before it recovers. */
const failuresLeft = new Map<string, number>();

/** What a receiver does: recompute the HMAC of "t.body" under the rule's secret and compare in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

beforeAll(async () => {
  stack = await startTestStack({ day: '2008-05-02' });
  // the receivers listen on 127.0.0.1: the operator's allow flag (webhook-address.test.ts covers the refusals)
  app = testApp(stack, `alerts-${uid()}`, { security: { apiKey: API_KEY, allowPrivateWebhooks: true } });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url!;
      const signature = String(req.headers['x-signature']);
      received.push({
        path,
        eventId: String(req.headers['x-event-id']),
        signature,
        body,
        valid: verify(secrets.get(path) ?? '', signature, body),
      });
      const left = failuresLeft.get(path) ?? 0;
      failuresLeft.set(path, left - 1);
      res.writeHead(left > 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await stack?.close();
});

async function createRule(body: Json): Promise<Json> {
  const res = await post(app, '/alerts/rules', body);
  const json = (await res.json()) as Json;
  expect(res.status, JSON.stringify(json)).toBe(201);
  secrets.set(new URL(body.webhook_url as string).pathname, json.secret as string);
  return json;
}
const deleteRule = (id: string) => app.request(`/alerts/rules/${id}`, { method: 'DELETE', headers: AUTH });
const deliveriesOf = async (ruleId: string) =>
  ((await (await app.request(`/alerts/deliveries?rule_id=${ruleId}`)).json()) as { deliveries: Json[] }).deliveries;

describe('/alerts/rules', () => {
  it('creates a rule with a secret shown once, lists it without, refuses bad input naming the field, deletes it', async () => {
    const before = await rowCounts(stack.orm);
    const bad: [Json, string, string][] = [
      [{ name: 'x', kind: 'opportunity_above', webhook_url: `${base}/a` }, 'threshold', 'threshold: is required for opportunity_above'],
      [
        { name: 'x', kind: 'became_trending', webhook_url: 'ftp://example.com/x' },
        'webhook_url',
        'webhook_url: must be an http or https URL',
      ],
      [{ name: 'x', kind: 'sometimes', webhook_url: `${base}/a` }, 'kind', expect.stringContaining('kind:')],
      [{ name: ' ', kind: 'became_trending', webhook_url: `${base}/a` }, 'name', 'name: must be 1 to 100 characters after trimming'],
      [{ name: 'x', kind: 'became_trending', webhook_url: `${base}/a`, format: 'xml' }, 'format', expect.stringContaining('format:')],
    ];
    for (const [body, field, message] of bad) {
      const res = await post(app, '/alerts/rules', body);
      expect([res.status, await res.json()], JSON.stringify(body)).toEqual([400, { error: 'invalid_request', field, message }]);
    }
    // a well-formed id of no list is a resource not found, as on GET /lists/{id}
    const unknown = { name: 'x', kind: 'became_trending', webhook_url: `${base}/a`, list_id: '00000000-0000-4000-8000-000000000000' };
    const missing = await post(app, '/alerts/rules', unknown);
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: 'not_found', field: 'list_id', message: "list_id: no keyword list '00000000-0000-4000-8000-000000000000'" },
    ]);
    expect(await rowCounts(stack.orm)).toEqual(before);
    expect(
      (await app.request('/alerts/rules', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
    ).toBe(401);

    const rule = await createRule({ name: ' Trending ', kind: 'became_trending', webhook_url: `${base}/crud`, format: 'slack' });
    expect(rule).toEqual({
      id: expect.any(String),
      name: 'Trending',
      list_id: null,
      kind: 'became_trending',
      threshold: null,
      webhook_url: `${base}/crud`,
      format: 'slack',
      created_at: expect.any(String),
      secret: expect.stringMatching(/^whsec_[0-9a-f]{64}$/),
    });
    const { rules } = (await (await app.request('/alerts/rules')).json()) as { rules: Json[] };
    const { secret: _secret, ...listed } = rule;
    expect(rules).toContainEqual(listed);
    expect(JSON.stringify(rules)).not.toContain(rule.secret);
    expect((await deleteRule(rule.id as string)).status).toBe(204);
    expect((await deleteRule(rule.id as string)).status).toBe(404);
  });
});

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
