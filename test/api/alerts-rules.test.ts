// Alert rules through the API: created with a secret shown once, listed without it, bad input refused naming the
// field, deleted. The receiver and helpers are in alerts-receiver.ts.
import { describe, expect, it } from 'vitest';
import { post, rowCounts, type Json } from './test-app';
import { app, base, createRule, deleteRule, stack, useAlertReceiver } from './alerts-receiver';

useAlertReceiver();

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
