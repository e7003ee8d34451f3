import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ConnectorError } from './types';

// Addresses a merchant's webhook may never point at: loopback, private, link-local (incl. the
// 169.254.169.254 metadata service), CGNAT, unspecified, multicast and reserved ranges.
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
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(addr, prefix, 'ipv6');
}

/** Whether an IP address is one a webhook must not reach (IPv4-mapped IPv6 is unwrapped first). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = net.isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) return blocked.check(ip, 'ipv6');
  return true;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true });

export type SsrfOptions = { allowPrivateHosts?: readonly string[]; resolve?: Resolver };

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
  // WHATWG URL has already turned 2130706433, 0x7f.1 and friends into dotted IPv4.
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = (opts.allowPrivateHosts ?? []).map((h) => h.toLowerCase()).includes(host);
  const addresses = net.isIP(host)
    ? [{ address: host, family: net.isIP(host) }]
    : await (opts.resolve ?? systemResolver)(host).catch((err: unknown) => {
        throw new ConnectorError(
          'transient',
          `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? 'DNS error'}`,
        );
      });
  if (addresses.length === 0) throw new ConnectorError('transient', `cannot resolve ${host}`);
  if (!allowed) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) {
      throw new ConnectorError(
        'permanent',
        `webhook URL resolves to a private address ${bad.address}; an admin can allow this host explicitly (YUNCE_WEBHOOK_ALLOW_HOSTS)`,
      );
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family };
}

export type SafeResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Whether the request body left this process: after that a failure has an unknown outcome. */
export class SafeFetchError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * POSTs (or GETs) to a public URL only: each hop, redirects included (at most 5), is checked and
 * connected to by the vetted address, with a timeout for the whole exchange.
 */
export async function safeFetch(
  raw: string,
  init: {
    method: 'POST' | 'GET';
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
  },
  opts: SsrfOptions = {},
): Promise<SafeResponse> {
  let target = raw;
  for (let hop = 0; hop <= 5; hop++) {
    const { url, address, family } = await assertPublicUrl(target, opts);
    const res = await new Promise<SafeResponse>((resolve, reject) => {
      let sent = false;
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: init.method,
          headers: { ...init.headers, host: url.host },
          servername: net.isIP(url.hostname) ? undefined : url.hostname,
          lookup: (
            _h: string,
            _o: unknown,
            cb: (err: Error | null, address: string, family: number) => void,
          ) => cb(null, address, family),
          timeout: init.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= 64 * 1024) chunks.push(c);
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', (err) => reject(new SafeFetchError(err.message, true)));
        },
      );
      const timer = setTimeout(
        () => req.destroy(new SafeFetchError('timed out', sent, 'ETIMEDOUT')),
        init.timeoutMs,
      );
      req.on('timeout', () => req.destroy(new SafeFetchError('timed out', sent, 'ETIMEDOUT')));
      req.on('error', (err: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          err instanceof SafeFetchError ? err : new SafeFetchError(err.message, sent, err.code),
        );
      });
      req.on('close', () => clearTimeout(timer));
      req.end(init.body ?? undefined, () => {
        sent = true;
      });
    });
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      target = new URL(res.headers.location, url).toString();
      continue;
    }
    return res;
  }
  throw new ConnectorError('permanent', 'webhook URL redirected more than 5 times');
}
