// The dashboard's writes in a real browser (Debian's Chromium via puppeteer-core) against the real app, PostgreSQL and
// Temporal: a keyword list from an uploaded CSV collected to done with live progress, then an alert rule on it.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeKeywordEvents } from '../../activities/db/repositories/alert-deliveries';
import { uid } from '../helpers/stack';
import type { Json } from '../api/test-app';
import { column, screenshot } from './browser';
import { app, download, keywords, LAST, open, page, signIn, stack, useDashboard } from './dashboard-stack';

useDashboard({ insights: false });
beforeAll(signIn);
/** The list the list test creates, for the alert test. */
let listId: string;

describe('lists and alerts in the dashboard', () => {
  it('creates a list from an uploaded CSV, collects it with live progress to done, and ranks its keywords', async () => {
    const mine = [keywords[0]!, keywords[1]!, keywords[2]!];
    const csv = path.join(tmpdir(), `dashboard-list-${uid()}.csv`);
    writeFileSync(csv, `keyword,note\n${mine.map((k) => `"${k.toUpperCase()}",x`).join('\n')}\n${mine[0]}\n`);
    await open('/ui/lists');
    await page.type('#list-form input[name=name]', 'Wedding printables');
    const file = await page.$('#list-form input[type=file]');
    await file!.uploadFile(csv);
    await page.click('#list-form input[value=ebay]'); // amazon and etsy only
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#list-form button[type=submit]')]);
    const id = /^\/ui\/lists\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(id).toBeDefined();
    listId = id!;
    // normalised (lower-cased) and deduplicated by the API
    expect(await page.$$eval('#list-keywords li', (li) => li.map((e) => e.textContent))).toEqual(mine);
    const stored = (await (await app.request(`/lists/${id}`)).json()) as Json;
    expect(stored).toMatchObject({ name: 'Wedding printables', size: 3, platforms: ['amazon', 'etsy'], daily: true, keywords: mine });

    await Promise.all([page.waitForNavigation(), page.click('#collect')]);
    const workflowId = new URL(page.url()).searchParams.get('run')!;
    expect(workflowId).toMatch(/^list-/);
    expect(await page.$eval('#run a', (a) => a.getAttribute('href'))).toBe(
      `http://temporal-ui.test/namespaces/default/workflows/${encodeURIComponent(workflowId)}`,
    );
    await page.waitForSelector('#run[data-status=done]', { timeout: 60_000 });
    expect(await page.$eval('#run .run-status', (e) => e.textContent)).toBe('COMPLETED · 6 of 6 keyword-platform pairs');
    expect(await page.$eval('#run .progress > div', (e) => (e as unknown as { style: { width: string } }).style.width)).toBe('100%');
    await screenshot(page, 'list');

    await Promise.all([page.waitForNavigation(), page.click('a[href^="/?list="]')]);
    const ranked = await column(page, '#keywords', 1);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((k) => mine.includes(k))).toBe(true);
    const exported = await download('#csv');
    expect(exported.status).toBe(200);
    const rows = exported.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(rows.sort()).toEqual([...ranked].sort());
    await open('/ui/lists');
    expect(await column(page, '#lists', 1)).toContain('Wedding printables');
    await screenshot(page, 'lists');
  });

  it('adds an alert rule on the list (its secret shown once), shows its deliveries, and deletes it', async () => {
    await open('/ui/alerts');
    await page.type('#rule-form input[name=name]', 'List opportunities');
    await page.select('#rule-form select[name=list_id]', listId);
    await page.select('#rule-form select[name=kind]', 'opportunity_above');
    await page.type('#rule-form input[name=webhook_url]', 'http://127.0.0.1:9/hook');
    await Promise.all([page.waitForNavigation(), page.click('#rule-form button[type=submit]')]);
    expect(await page.$eval('.notice.error', (e) => e.textContent)).toBe('threshold: is required for opportunity_above');

    const fill = async (webhookUrl: string) => {
      await page.type('#rule-form input[name=name]', 'List opportunities');
      await page.select('#rule-form select[name=list_id]', listId);
      await page.type('#rule-form input[name=threshold]', '0');
      await page.type('#rule-form input[name=webhook_url]', webhookUrl);
      await page.select('#rule-form select[name=format]', 'slack');
      await Promise.all([page.waitForNavigation(), page.click('#rule-form button[type=submit]')]);
    };
    // a receiver on this machine is refused unless the operator allows it (ALERT_WEBHOOK_ALLOW_PRIVATE)
    await fill('http://127.0.0.1:9/hook');
    expect(await page.$eval('.notice.error', (e) => e.textContent)).toMatch(/^webhook_url: host 127\.0\.0\.1 is a loopback address: /);
    await fill('https://hooks.example.com/hook');
    expect(await page.$eval('#rule-secret', (e) => e.textContent)).toMatch(/^\S{20,}$/);
    const rules = ((await (await app.request('/alerts/rules')).json()) as Json).rules as Json[];
    const rule = rules.find((r) => r.list_id === listId)!;
    expect(rule).toMatchObject({
      name: 'List opportunities',
      kind: 'opportunity_above',
      threshold: 0,
      format: 'slack',
      webhook_url: 'https://hooks.example.com/hook',
    });

    // evaluated as a processing run would: the list's keywords on LAST (ebay never collected before, so at least 3 cross 0)
    await storeKeywordEvents(stack.orm.em.fork(), LAST);
    const logged = ((await (await app.request(`/alerts/deliveries?rule_id=${rule.id}&limit=500`)).json()) as Json).deliveries as Json[];
    expect(logged.length).toBeGreaterThanOrEqual(3);
    await open('/ui/alerts');
    expect(await column(page, '#rules', 2)).toContain('Wedding printables');
    const shown = (await column(page, '#deliveries', 3)).filter((t) => t.startsWith('List opportunities: opportunity of '));
    expect(shown).toHaveLength(logged.length);
    await screenshot(page, 'alerts');

    const row = (await column(page, '#rules', 1)).indexOf('List opportunities') + 1;
    await Promise.all([page.waitForNavigation(), page.click(`#rules tbody tr:nth-child(${row}) button`)]);
    expect(await column(page, '#rules', 1)).not.toContain('List opportunities');
    const left = ((await (await app.request('/alerts/rules')).json()) as Json).rules as Json[];
    expect(left.map((r) => r.id)).not.toContain(rule.id);
  });
});
