// Alert webhooks never reach this machine, its private networks or a metadata service unless the operator allows it
// (ALERT_WEBHOOK_ALLOW_PRIVATE): refused at rule creation (400 naming webhook_url) and at delivery after DNS (a
// non-retryable failure in the log), with a real receiver on 127.0.0.1 that must hear nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../activities/alerts/webhook';
import { refusedAddressClass, webhookHostProblem } from '../../activities/alerts/webhook-address';
import { storeCollectionFailed } from '../../activities/db/repositories/alert-deliveries';
import { deliverAlerts } from '../../workflows/alerts';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, AUTH, post, rowCounts, testApp, type App, type Json } from './test-app';

const HINT = 'private, loopback, link-local and metadata addresses are refused unless ALERT_WEBHOOK_ALLOW_PRIVATE=true';

describe('refusedAddressClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::192.168.0.1', 'private'],
  ])('%s is %s', (address, label) => {
    expect(refusedAddressClass(address)).toBe(label);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '169.255.0.1', '2606:4700::1111', '2001:db8::1', '::ffff:8.8.8.8', 'example.com'])(
    '%s is not refused',
    (address) => expect(refusedAddressClass(address)).toBeNull(),
  );
});

describe('webhookHostProblem', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'host 127.0.0.1 is a loopback address'],
    // the URL parser's other spellings of 127.0.0.1 are the same host
    ['http://2130706433/hook', 'host 127.0.0.1 is a loopback address'],
    ['http://0x7f.1/hook', 'host 127.0.0.1 is a loopback address'],
    ['http://[::1]/hook', 'host [::1] is a loopback address'],
    ['http://[::ffff:127.0.0.1]/hook', 'host [::ffff:7f00:1] is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', 'host 169.254.169.254 is a cloud metadata address'],
    ['https://10.0.0.5/hook', 'host 10.0.0.5 is a private address'],
    ['https://[fd00::5]/hook', 'host [fd00::5] is a unique local address'],
    ['https://[fe80::1]/hook', 'host [fe80::1] is a link-local address'],
    ['http://localhost:3000/hook', 'host localhost is this machine or a metadata service'],
    ['http://api.localhost/hook', 'host api.localhost is this machine or a metadata service'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'host metadata.google.internal is this machine or a metadata service'],
  ])('%s: %s', (url, problem) => {
    expect(webhookHostProblem(url)).toBe(`${problem}: ${HINT}`);
  });

  it('leaves public addresses and names to the delivery-time check', () => {
    expect(webhookHostProblem('https://hooks.example.com/keywords')).toBeNull();
    expect(webhookHostProblem('https://8.8.8.8/hook')).toBeNull();
    expect(webhookHostProblem('https://[2606:4700::1111]/hook')).toBeNull();
  });
});

describe('with a stack', () => {
  let stack: TestStack;
  let strict: App;
  let allowing: App;
  let server: Server;
  let port: number;
  const heard: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ day: '2008-09-01' });
    strict = testApp(stack, `webhook-strict-${uid()}`);
    allowing = testApp(stack, `webhook-allow-${uid()}`, { security: { apiKey: API_KEY, allowPrivateWebhooks: true } });
    server = createServer((req, res) => {
      heard.push(req.url!);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server?.close();
    await stack?.close();
  });

  it('POST /alerts/rules refuses each class with a 400 naming webhook_url and writes nothing; the allow flag accepts them', async () => {
    const before = await rowCounts(stack.orm);
    for (const url of [
      'http://127.0.0.1:9/a',
      'http://[::1]/a',
      'http://169.254.169.254/a',
      'http://192.168.0.10/a',
      'http://[fd00::1]/a',
    ]) {
      const res = await post(strict, '/alerts/rules', { name: 'x', kind: 'collection_failed', webhook_url: url });
      const body = (await res.json()) as Json;
      expect([res.status, body.error, body.field], url).toEqual([400, 'invalid_request', 'webhook_url']);
      expect(body.message).toMatch(new RegExp(`^webhook_url: host \\S+ is a .+ address: ${HINT}$`));
    }
    expect(await rowCounts(stack.orm)).toEqual(before);
    const allowed = await post(allowing, '/alerts/rules', { name: 'x', kind: 'collection_failed', webhook_url: 'http://127.0.0.1:9/a' });
    expect(allowed.status).toBe(201);
    const { id } = (await allowed.json()) as Json;
    expect((await allowing.request(`/alerts/rules/${id}`, { method: 'DELETE', headers: AUTH })).status).toBe(204);
  });

  it('connects only to the addresses checked: a name that DNS does not know reaches the pinned address', async () => {
    const path = `/pinned-${uid()}`;
    const pinned = [{ address: '127.0.0.1', family: 4 }];
    expect(await postWebhook(`http://receiver.invalid:${port}${path}`, 'e1', '{}', 'secret', pinned)).toBeUndefined();
    expect(heard).toContain(path);
    // without the pin the same URL is looked up, and .invalid never resolves
    expect(await postWebhook(`http://receiver.invalid:${port}${path}`, 'e2', '{}', 'secret')).toMatch(
      /^could not reach the receiver: .*(ENOTFOUND|EAI_AGAIN)/,
    );
  });

  it('a delivery to a name resolving to 127.0.0.1, or to the address itself, fails at once without a request; allowed, it arrives', async () => {
    const t = uid();
    // rules stored while the operator allowed private receivers (or before an upgrade): the worker checks again
    const rules: Json[] = [];
    for (const url of [`http://localhost:${port}/name-${t}`, `http://127.0.0.1:${port}/literal-${t}`]) {
      const res = await post(allowing, '/alerts/rules', { name: `refused ${t}`, kind: 'collection_failed', webhook_url: url });
      expect(res.status).toBe(201);
      rules.push((await res.json()) as Json);
    }
    const logOf = async (rule: Json) =>
      ((await (await strict.request(`/alerts/deliveries?rule_id=${rule.id}`)).json()) as { deliveries: Json[] }).deliveries;
    try {
      expect(
        await storeCollectionFailed(stack.orm.em.fork(), { day: '2008-09-01', workflowId: `failing-${t}`, problems: ['ebay: 401'] }),
      ).toBeGreaterThanOrEqual(2);
      await stack.withWorker((taskQueue) =>
        stack.client.workflow.execute(deliverAlerts, { taskQueue, workflowId: `deliver-refused-${t}`, args: [{}] }),
      );
      const [byName] = await logOf(rules[0]!);
      expect(byName).toMatchObject({ status: 'failed', attempts: 1, delivered_at: null });
      expect(byName!.last_error).toMatch(
        new RegExp(`^webhook_url host localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address: ${HINT}$`),
      );
      const [byAddress] = await logOf(rules[1]!);
      expect(byAddress).toMatchObject({
        status: 'failed',
        attempts: 1,
        last_error: `webhook_url host 127.0.0.1 is a loopback address: ${HINT}`,
      });
      expect(heard.filter((path) => path.endsWith(t))).toEqual([]);

      // the same kind of event with the operator's flag on the worker reaches the receiver
      expect(
        await storeCollectionFailed(stack.orm.em.fork(), { day: '2008-09-02', workflowId: `failing-${t}-2`, problems: ['ebay: 401'] }),
      ).toBeGreaterThanOrEqual(2);
      await stack.withWorker(
        (taskQueue) => stack.client.workflow.execute(deliverAlerts, { taskQueue, workflowId: `deliver-allowed-${t}`, args: [{}] }),
        { allowPrivateWebhooks: true },
      );
      expect(heard.filter((path) => path.endsWith(t)).sort()).toEqual([`/literal-${t}`, `/name-${t}`]);
    } finally {
      for (const rule of rules) await allowing.request(`/alerts/rules/${rule.id}`, { method: 'DELETE', headers: AUTH });
    }
  }, 90_000);
});
