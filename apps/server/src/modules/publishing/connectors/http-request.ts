import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * A request that got no answer. `sent` says whether the whole request had been handed to the
 * socket: before that the other side cannot have acted on it; after it, silence is ambiguous.
 */
export class HttpSendError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpSendError';
  }
}

export type HttpSendInit = {
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** For the whole exchange: connect, send, and read the answer. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Connect to this address and never resolve the host name (it was vetted already). */
  pinnedAddress?: { address: string; family: number };
  /** `false` opens a fresh connection (no pooled socket from another request can be reused). */
  agent?: http.Agent | false;
  /** Larger answers are cut here: a connector never needs more, and memory stays bounded. */
  maxBodyBytes?: number;
};

/** Milliseconds from a Retry-After header: delta seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The URL's host name with the brackets of an IPv6 literal removed. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function pinnedLookup(address: string, family: number): LookupFunction {
  // Node 20 asks with { all: true } (happy eyeballs), older paths ask for one address.
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * One HTTP(S) exchange on node:http with a deadline, telling apart failures before the request
 * was sent (safe to retry) from failures after it (the outcome is unknown).
 */
export function sendHttpRequest(url: URL, init: HttpSendInit): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (init.signal?.aborted) {
      reject(new HttpSendError('aborted', false, 'ABORT_ERR'));
      return;
    }
    const host = bareHost(url);
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string> = { ...init.headers };
    if (body) headers['content-length'] = String(body.length);
    const options: https.RequestOptions = {
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: init.method,
      headers,
      ...(init.agent !== undefined ? { agent: init.agent } : {}),
      ...(init.pinnedAddress
        ? { lookup: pinnedLookup(init.pinnedAddress.address, init.pinnedAddress.family) }
        : {}),
      // TLS must check the certificate against the name, not the address we connect to.
      ...(url.protocol === 'https:' && !net.isIP(host) ? { servername: host } : {}),
    };
    let sent = false;
    let settled = false;
    const maxBytes = init.maxBodyBytes ?? 1024 * 1024;
    const fail = (err: HttpSendError) => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(err);
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < maxBytes) chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (err: NodeJS.ErrnoException) =>
        fail(new HttpSendError(err.message, true, err.code)),
      );
      res.on('close', () => {
        if (!res.complete) fail(new HttpSendError('the answer was cut off', true, 'ECONNRESET'));
      });
    });
    const timer = setTimeout(() => {
      fail(new HttpSendError(`no answer within ${init.timeoutMs} ms`, sent, 'ETIMEDOUT'));
      req.destroy();
    }, init.timeoutMs);
    const onAbort = () => {
      fail(new HttpSendError('aborted', sent, 'ABORT_ERR'));
      req.destroy();
    };
    init.signal?.addEventListener('abort', onAbort, { once: true });
    function cleanup() {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onAbort);
    }
    req.on('error', (err: NodeJS.ErrnoException) =>
      fail(new HttpSendError(err.message, sent, err.code)),
    );
    // The end callback runs once the last byte was handed to the socket, i.e. after connecting.
    const markSent = () => {
      sent = true;
    };
    if (body) req.end(body, markSent);
    else req.end(markSent);
  });
}
