import dns from 'node:dns/promises';
import type http from 'node:http';
import net from 'node:net';
import { bareHost, HttpSendError, sendHttpRequest } from './http-request';
import { ConnectorError } from './types';

// Addresses a merchant's webhook may never point at (IANA special-purpose registries): loopback,
// private, link-local (incl. cloud metadata), CGNAT, unspecified, documentation, benchmarking,
// multicast and reserved ranges, and IPv6 transition prefixes that can embed any IPv4 address.
// IPv4-mapped IPv6 (::ffff:a.b.c.d) is unwrapped and checked as IPv4; a ::ffff:0:0/96 rule here
// would make BlockList refuse every IPv4 address.
const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(addr, prefix, 'ipv4');
}
for (const [addr, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form ::a.b.c.d
  ['64:ff9b::', 96], // NAT64 can reach any IPv4 address
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23], // IETF protocol assignments, incl. Teredo
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4 embeds an IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(addr, prefix, 'ipv6');
}

// Cloud metadata services (AWS/GCP/Azure/Huawei, Tencent, Alibaba, AWS IPv6) hand out
// credentials: refused even for a host an admin allowed.
const metadataAddresses = new Set([
  '169.254.169.254',
  '169.254.0.23',
  '100.100.100.200',
  'fd00:ec2::254',
]);

function unwrapMapped(ip: string): string {
  if (net.isIP(ip) !== 6) return ip;
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted?.[1]) return dotted[1];
  // WHATWG URL writes [::ffff:127.0.0.1] as [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hex?.[1] && hex[2]) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return ip;
}

/** Whether an IP address is one a webhook must not reach (IPv4-mapped IPv6 is unwrapped first). */
export function isPrivateAddress(ip: string): boolean {
  const plain = unwrapMapped(ip);
  const family = net.isIP(plain);
  if (family === 4) return blocked.check(plain, 'ipv4');
  if (family === 6) return blocked.check(plain, 'ipv6');
  return true; // not an address at all: refuse rather than guess
}

function isMetadataAddress(ip: string): boolean {
  const plain = unwrapMapped(ip).toLowerCase();
  return metadataAddresses.has(plain);
}

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to all its addresses; injectable so tests need no real DNS. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;
const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true });

export type SsrfOptions = {
  /** Exact host names an admin allowed although they resolve to private addresses (LAN automation). */
  allowPrivateHosts?: readonly string[];
  resolve?: Resolver;
  /** Bound on the DNS lookup; safeFetch passes what is left of its own deadline. */
  resolveTimeoutMs?: number;
};

function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

async function resolveWithin(
  resolve: Resolver,
  host: string,
  timeoutMs: number,
): Promise<ResolvedAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConnectorError('transient', `DNS lookup for ${host} timed out`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      resolve(host).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'DNS error';
        throw new ConnectorError('transient', `cannot resolve ${host}: ${code}`);
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that a URL is http(s) and that every address its host resolves to is public (unless an
 * admin allowed that exact host). Returns the address to connect to, so no second DNS lookup can
 * swap in another one (DNS rebinding).
 */
export async function assertPublicUrl(
  raw: string,
  opts: SsrfOptions = {},
): Promise<{ url: URL; address: string; family: number }> {
  let url: URL;
  try {
    // WHATWG parsing already turns 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into 127.0.0.1.
    url = new URL(raw);
  } catch {
    throw new ConnectorError('permanent', `webhook URL is not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError(
      'permanent',
      `webhook URL must use http or https, not ${url.protocol}`,
    );
  }
  if (url.username || url.password)
    throw new ConnectorError('permanent', 'webhook URL must not contain a user name or password');
  const host = normaliseHost(bareHost(url));
  const allowed = (opts.allowPrivateHosts ?? []).map(normaliseHost).includes(host);
  const literal = net.isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await resolveWithin(opts.resolve ?? systemResolver, host, opts.resolveTimeoutMs ?? 10_000);
  if (addresses.length === 0) throw new ConnectorError('transient', `cannot resolve ${host}`);
  // Every answer is checked, not just the one we would use: a mixed answer is an attack sign.
  for (const a of addresses) {
    if (isMetadataAddress(a.address)) {
      throw new ConnectorError(
        'permanent',
        `webhook URL resolves to the cloud metadata address ${a.address}, which is never allowed`,
      );
    }
    if (!allowed && isPrivateAddress(a.address)) {
      throw new ConnectorError(
        'permanent',
        `webhook URL resolves to a private address ${a.address}; an admin can allow this host explicitly (YUNCE_WEBHOOK_ALLOW_HOSTS)`,
      );
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family };
}

export type SafeFetchInit = {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, redirects and DNS included. */
  timeoutMs: number;
  signal?: AbortSignal;
};

export type SafeResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The URL that gave this answer (after redirects). */
  url: string;
};

/** The signature of safeFetch, so a connector can take another implementation in tests. */
export type SafeFetch = (
  raw: string,
  init: SafeFetchInit,
  opts?: SsrfOptions,
) => Promise<SafeResponse>;

const MAX_REDIRECTS = 5;
// Headers that must not follow a redirect to another origin (fetch does the same).
const originBoundHeaders = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Sends a request to a public URL only: each hop, redirects included (at most 5), is checked and
 * then connected to by the very address that was checked, within one deadline. Failures without
 * an answer throw HttpSendError (with `sent`); refusals throw ConnectorError.
 */
export async function safeFetch(
  raw: string,
  init: SafeFetchInit,
  opts: SsrfOptions = {},
): Promise<SafeResponse> {
  const deadline = Date.now() + init.timeoutMs;
  let target = raw;
  let headers = { ...init.headers };
  for (let hop = 0; ; hop++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new HttpSendError('timed out following redirects', false, 'ETIMEDOUT');
    const { url, address, family } = await assertPublicUrl(target, {
      ...opts,
      resolveTimeoutMs: remaining,
    });
    const res = await sendHttpRequest(url, {
      method: init.method,
      headers: { ...headers, host: url.host },
      ...(init.body !== undefined ? { body: init.body } : {}),
      timeoutMs: Math.max(1, deadline - Date.now()),
      ...(init.signal ? { signal: init.signal } : {}),
      pinnedAddress: { address, family },
      // A pooled keep-alive socket was vetted for another request; open a fresh one.
      agent: false,
      maxBodyBytes: 64 * 1024,
    });
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      if (hop >= MAX_REDIRECTS)
        throw new ConnectorError(
          'permanent',
          `webhook URL redirected more than ${MAX_REDIRECTS} times`,
        );
      const next = new URL(location, url);
      // Browsers turn a POST into a GET on 301/302/303; for a webhook that would drop the post
      // and a 2xx to the GET would look like success. Only 307/308 re-send the same POST.
      if (init.method === 'POST' && res.status !== 307 && res.status !== 308) {
        throw new ConnectorError(
          'permanent',
          `webhook URL redirects (HTTP ${res.status}) to ${next.toString().slice(0, 200)}; a POST is not re-sent there, so save the final URL instead`,
          { httpStatus: res.status },
        );
      }
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => !originBoundHeaders.includes(k.toLowerCase())),
        );
      }
      target = next.toString();
      continue;
    }
    return {
      status: res.status,
      headers: res.headers,
      body: res.body.toString('utf8'),
      url: url.toString(),
    };
  }
}
