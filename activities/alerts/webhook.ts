// An alert event as a webhook: the body (JSON, or Slack's {text}), and its signature X-Signature: t=<unix>,v1=<hex>,
// the HMAC-SHA256 of "<t>.<body>" under the rule's secret: receivers check it and refuse old timestamps (replays).
import { createHmac } from 'node:crypto';
import { Agent, request } from 'undici';
import type { AlertFormat } from '../../workflows/types/alerts';
import { pinnedLookup } from './webhook-address';

const TIMEOUT_MS = 10_000;

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** One line a person reads: Slack shows it, and JSON bodies carry it as `text`. */
export function alertText(p: Record<string, unknown>): string {
  const rule = (p.rule ?? {}) as { name?: string };
  const where = `${String(p.keyword ?? '')} on ${String(p.platform ?? '')} (${String(p.day ?? '')})`;
  switch (p.kind) {
    case 'opportunity_above':
      return `${rule.name}: opportunity of ${where} rose to ${fmt(p.value)} (was ${fmt(p.previous)})`;
    case 'volume_change':
      return `${rule.name}: search volume of ${where} moved from ${fmt(p.previous)} to ${fmt(p.value)} week over week`;
    case 'competition_change':
      return `${rule.name}: competition of ${where} moved from ${fmt(p.previous)} to ${fmt(p.value)} week over week`;
    case 'became_trending':
      return `${rule.name}: ${where} is trending (trend score ${fmt(p.value)})`;
    case 'became_emerging':
      return `${rule.name}: ${where} is emerging (search volume ${fmt(p.value)})`;
    case 'collection_failed':
      return `${rule.name}: collection ${String(p.workflow_id)} for ${String(p.day)} failed: ${(p.problems as string[] | undefined)?.join('; ')}`;
    default:
      return `${rule.name}: ${String(p.kind)}`;
  }
}

const fmt = (v: unknown) =>
  v === null || v === undefined ? 'unknown' : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v);

export function alertBody(eventId: string, payload: Record<string, unknown>, format: AlertFormat): string {
  if (format === 'slack') return JSON.stringify({ text: alertText(payload) });
  return JSON.stringify({ id: eventId, ...payload, text: alertText(payload) });
}

/**
 * Undefined when the receiver answered 2xx; otherwise why not (status or network error). Given `addresses` (checked by
 * webhook-address.ts), the connection goes only to them, whatever the host resolves to by then.
 */
export async function postWebhook(
  url: string,
  eventId: string,
  body: string,
  secret: string,
  addresses?: { address: string; family: number }[],
  now = Date.now(),
): Promise<string | undefined> {
  const timestamp = Math.floor(now / 1000);
  const dispatcher = addresses ? new Agent({ connect: { lookup: pinnedLookup(addresses) } }) : undefined;
  try {
    const res = await request(url, {
      dispatcher,
      method: 'POST',
      body,
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'keyword-intelligence-alerts',
        'x-event-id': eventId,
        'x-signature': signature(secret, timestamp, body),
      },
    });
    await res.body.dump();
    return res.statusCode >= 200 && res.statusCode < 300 ? undefined : `receiver answered ${res.statusCode}`;
  } catch (err) {
    return `could not reach the receiver: ${(err as Error).message}`;
  } finally {
    await dispatcher?.close();
  }
}
