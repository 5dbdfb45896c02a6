// Where alert webhooks may go: not to this machine, its private networks or a cloud's metadata service (server-side
// request forgery), unless the operator allows it (ALERT_WEBHOOK_ALLOW_PRIVATE=true). Checked when a rule is created
// (the host as written, no DNS: docs/security.md) and at every delivery on each address the host resolves to; the
// delivery then connects only to the addresses checked (webhook.ts), so a DNS answer changed in between is never used.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** IANA's special-purpose ranges a webhook has no business reaching, most specific first (the first match names it). */
const RANGES: [label: string, prefix: string, bits: number][] = [
  ['cloud metadata', '169.254.169.254', 32],
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['shared (carrier-grade NAT)', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['IETF protocol assignments', '192.0.0.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['cloud metadata', 'fd00:ec2::254', 128],
  ['unique local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['site-local', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
];

const LISTS = RANGES.map(([label, prefix, bits]) => {
  const list = new BlockList();
  list.addSubnet(prefix, bits, isIP(prefix) === 6 ? 'ipv6' : 'ipv4');
  return { label, list, type: isIP(prefix) === 6 ? ('ipv6' as const) : ('ipv4' as const) };
});

// IPv6 forms that carry an IPv4 address in their last 32 bits: mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and the
// deprecated compatible form (::/96), as the URL parser writes them (hex groups)
const EMBEDDED_V4 = /^(?:::ffff:|64:ff9b::|::)(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,4})$/;

/** What kind of non-public address this is ('loopback', 'cloud metadata' …), or null when it is public. */
export function refusedAddressClass(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return null;
  if (family === 4) return LISTS.find((r) => r.type === 'ipv4' && r.list.check(address, 'ipv4'))?.label ?? null;
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const own = LISTS.find((r) => r.type === 'ipv6' && r.list.check(canonical, 'ipv6'));
  if (own) return own.label;
  const embedded = EMBEDDED_V4.exec(canonical);
  if (!embedded) return null;
  const bits = (parseInt(embedded[1] ?? '0', 16) << 16) | parseInt(embedded[2]!, 16);
  const v4 = [24, 16, 8, 0].map((shift) => (bits >>> shift) & 255).join('.');
  return refusedAddressClass(v4);
}

/** Names that are this machine or a metadata service whatever DNS says. */
const LOCAL_NAMES = /^(?:localhost|.*\.localhost|metadata\.google\.internal)\.?$/i;

/** The problem with the URL's host as written (an address literal or a local name), or null. No DNS lookup. */
export function webhookHostProblem(url: string): string | null {
  const host = new URL(url).hostname;
  const address = host.startsWith('[') ? host.slice(1, -1) : host;
  if (LOCAL_NAMES.test(address)) return `host ${host} is this machine or a metadata service: ${ALLOW_HINT}`;
  const refused = refusedAddressClass(address);
  return refused ? `host ${host} is a ${refused} address: ${ALLOW_HINT}` : null;
}

export const ALLOW_HINT = 'private, loopback, link-local and metadata addresses are refused unless ALERT_WEBHOOK_ALLOW_PRIVATE=true';

export type WebhookTarget = { refused: string } | { addresses: { address: string; family: number }[] };

/** Every address the URL's host resolves to, or why the delivery is refused (any one of them is not public). */
export async function resolveWebhookTarget(url: string): Promise<WebhookTarget> {
  const host = new URL(url).hostname;
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(literal)) {
    const refused = refusedAddressClass(literal);
    if (refused) return { refused: `webhook_url host ${host} is a ${refused} address: ${ALLOW_HINT}` };
    return { addresses: [{ address: literal, family: isIP(literal) }] };
  }
  // names are judged by what they resolve to now (localhost is 127.0.0.1 or ::1, a metadata name 169.254.169.254)
  const addresses = await lookup(host, { all: true, verbatim: true });
  for (const { address } of addresses) {
    const refused = refusedAddressClass(address);
    if (refused) return { refused: `webhook_url host ${host} resolves to ${address}, a ${refused} address: ${ALLOW_HINT}` };
  }
  return { addresses };
}

/** A lookup for the connection that answers only the addresses already checked (no second DNS query). */
export function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) return (callback as (err: null, all: typeof addresses) => void)(null, addresses);
    const wanted = addresses.find((a) => !options.family || a.family === options.family) ?? addresses[0]!;
    callback(null, wanted.address, wanted.family);
  };
}
