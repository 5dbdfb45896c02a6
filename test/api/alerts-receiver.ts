// What the alert test files share: the test stack and app, and a real local HTTP receiver that records every webhook
// (checking its signature as a receiver would) and answers 500 a given number of times per path before it recovers.
// The state is exported as live bindings, set by the hooks useAlertReceiver() registers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, AUTH, post, testApp, type App, type Json } from './test-app';

export interface Received {
  path: string;
  eventId: string;
  signature: string;
  body: string;
  valid: boolean;
}

export let stack: TestStack;
export let app: App;
let server: Server;
/** The receiver's origin: rules post to `${base}/<path>`. */
export let base: string;
export const received: Received[] = [];
const secrets = new Map<string, string>();
/** Per path: how many more requests answer 500 before it recovers. */
export const failuresLeft = new Map<string, number>();

/** What a receiver does: recompute the HMAC of "t.body" under the rule's secret and compare in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

export function useAlertReceiver(): void {
  beforeAll(async () => {
    stack = await startTestStack({ day: '2008-05-02' });
    // the receivers listen on 127.0.0.1: the operator's allow flag (alerts-webhook-address.test.ts covers the refusals)
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
}

/** Creates a rule through the API and keeps its secret for the receiver's signature check. */
export async function createRule(body: Json): Promise<Json> {
  const res = await post(app, '/alerts/rules', body);
  const json = (await res.json()) as Json;
  expect(res.status, JSON.stringify(json)).toBe(201);
  secrets.set(new URL(body.webhook_url as string).pathname, json.secret as string);
  return json;
}
export const deleteRule = (id: string) => app.request(`/alerts/rules/${id}`, { method: 'DELETE', headers: AUTH });
export const deliveriesOf = async (ruleId: string) =>
  ((await (await app.request(`/alerts/deliveries?rule_id=${ruleId}`)).json()) as { deliveries: Json[] }).deliveries;
