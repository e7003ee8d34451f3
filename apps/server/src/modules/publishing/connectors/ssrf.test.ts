import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSendError } from './http-request';
import { assertPublicUrl, isPrivateAddress, safeFetch, type Resolver } from './ssrf';
import { ConnectorError } from './types';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end('ok');
const seen: { host: string | undefined; url: string | undefined; method: string | undefined }[] =
  [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ host: req.headers.host, url: req.url, method: req.method });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** A resolver for made-up names, counting how often it is asked. */
function fakeDns(answers: Record<string, string[] | string[][]>) {
  const asked: string[] = [];
  const resolve: Resolver = (host) => {
    asked.push(host);
    const a = answers[host];
    if (!a) return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    // A list of lists answers differently on each lookup (DNS rebinding).
    const n = asked.filter((h) => h === host).length - 1;
    const list = Array.isArray(a[0])
      ? ((a as string[][])[Math.min(n, a.length - 1)] ?? [])
      : (a as string[]);
    return Promise.resolve(
      list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return { resolve, asked };
}

async function refusal(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConnectorError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('isPrivateAddress', () => {
  it.each([
    ['loopback', ['127.0.0.1', '127.255.255.254', '::1']],
    [
      'private',
      ['10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.1.1', 'fc00::1', 'fd12:3456::1'],
    ],
    ['link-local and metadata', ['169.254.1.1', '169.254.169.254', 'fe80::1']],
    ['CGNAT', ['100.64.0.1', '100.127.255.254', '100.100.100.200']],
    ['unspecified', ['0.0.0.0', '0.1.2.3', '::']],
    [
      'multicast and reserved',
      ['224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255', 'ff02::1'],
    ],
    [
      'documentation and benchmarking',
      ['192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '2001:db8::1'],
    ],
    [
      'IPv4 inside IPv6',
      [
        '::ffff:127.0.0.1',
        '::ffff:7f00:1',
        '::ffff:a00:5',
        '::7f00:1',
        '64:ff9b::7f00:1',
        '2002:7f00:1::1',
      ],
    ],
    ['not an address', ['localhost', '']],
  ])('refuses %s', (_label, ips) => {
    for (const ip of ips) expect(isPrivateAddress(ip), ip).toBe(true);
  });

  it('lets public addresses through, including the edges of blocked ranges', () => {
    for (const ip of [
      '8.8.8.8',
      '93.184.216.34',
      '100.63.255.255',
      '100.128.0.1',
      '172.15.255.255',
      '172.32.0.1',
      '2400:3200::1',
      '::ffff:8.8.8.8',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});

describe('assertPublicUrl', () => {
  it('refuses private targets however the address is spelled', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://2130706433/x',
      'http://0x7f.1/x',
      'http://0177.0.0.1/x',
      'http://127.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[::ffff:a00:5]/x',
      'http://0.0.0.0/x',
      'http://100.64.1.1/x',
      'http://10.0.0.5:8080/x',
      'https://192.168.0.10/x',
      'http://[fe80::1]/x',
    ]) {
      const err = await refusal(assertPublicUrl(url));
      expect(err.kind, url).toBe('permanent');
      expect(err.message, url).toMatch(/private address/);
    }
  });

  it('says which address and how an admin can allow it', async () => {
    const err = await refusal(assertPublicUrl('http://10.0.0.5/hook'));
    expect(err.message).toContain(
      'webhook URL resolves to a private address 10.0.0.5; an admin can allow this host explicitly',
    );
  });

  it('refuses localhost through the system resolver', async () => {
    const err = await refusal(assertPublicUrl('http://localhost:3000/hook'));
    expect(err.message).toMatch(/private address (127\.0\.0\.1|::1)/);
  });

  it('checks every address a name resolves to', async () => {
    const { resolve } = fakeDns({ 'hooks.example.com': ['93.184.216.34', '10.0.0.5'] });
    const err = await refusal(assertPublicUrl('https://hooks.example.com/x', { resolve }));
    expect(err.message).toMatch(/10\.0\.0\.5/);
    const ok = await assertPublicUrl('https://ok.example.com/x', {
      resolve: fakeDns({ 'ok.example.com': ['93.184.216.34'] }).resolve,
    });
    expect(ok.address).toBe('93.184.216.34');
  });

  it('accepts only http and https, without credentials', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://example.com/']) {
      expect((await refusal(assertPublicUrl(url))).message).toMatch(/http or https/);
    }
    expect((await refusal(assertPublicUrl('https://user:pw@example.com/'))).message).toMatch(
      /user name/,
    );
    expect((await refusal(assertPublicUrl('not a url'))).message).toMatch(/not a valid URL/);
  });

  it('calls a name that does not resolve a transient failure', async () => {
    const err = await refusal(
      assertPublicUrl('https://gone.example.com/', { resolve: fakeDns({}).resolve }),
    );
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/ENOTFOUND/);
  });

  it('allows exactly the host names an admin listed, never the metadata address', async () => {
    const { resolve } = fakeDns({ 'n8n.lan': ['192.168.1.20'], 'other.lan': ['192.168.1.21'] });
    const opts = { resolve, allowPrivateHosts: ['N8N.lan', '10.0.0.7'] };
    expect((await assertPublicUrl('http://n8n.lan:5678/webhook', opts)).address).toBe(
      '192.168.1.20',
    );
    expect((await assertPublicUrl('http://n8n.lan.:5678/webhook', opts)).address).toBe(
      '192.168.1.20',
    );
    expect((await assertPublicUrl('http://10.0.0.7/hook', opts)).address).toBe('10.0.0.7');
    await expect(assertPublicUrl('http://other.lan/x', opts)).rejects.toThrow(/192\.168\.1\.21/);
    await expect(assertPublicUrl('http://sub.n8n.lan/x', opts)).rejects.toThrow(ConnectorError);
    const meta = await refusal(
      assertPublicUrl('http://169.254.169.254/latest', { allowPrivateHosts: ['169.254.169.254'] }),
    );
    expect(meta.message).toMatch(/metadata/);
  });
});

describe('safeFetch', () => {
  const init = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    timeoutMs: 2000,
  };

  it('reaches a server on the LAN only when an admin allowed its host', async () => {
    handler = (_req, res) => res.end('hello');
    const { resolve } = fakeDns({ 'automation.lan': ['127.0.0.1'] });
    const before = seen.length;
    await expect(
      safeFetch(`http://automation.lan:${port}/hook`, init, { resolve }),
    ).rejects.toThrow(/private address 127\.0\.0\.1/);
    expect(seen.length).toBe(before);
    const res = await safeFetch(`http://automation.lan:${port}/hook`, init, {
      resolve,
      allowPrivateHosts: ['automation.lan'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('hello');
    // The request names the original host, not the address it was sent to.
    expect(seen.at(-1)?.host).toBe(`automation.lan:${port}`);
  });

  it('connects to the address it checked and never asks DNS again (rebinding)', async () => {
    handler = (_req, res) => res.end('pinned');
    // First answer: the vetted address; any later lookup would answer somewhere else.
    const { resolve, asked } = fakeDns({ 'rebind.test': [['127.0.0.1'], ['10.255.255.1']] });
    const res = await safeFetch(`http://rebind.test:${port}/x`, init, {
      resolve,
      allowPrivateHosts: ['rebind.test'],
    });
    expect(res.body).toBe('pinned');
    expect(asked).toEqual(['rebind.test']);
  });

  it('refuses a redirect to a private address, checking each hop', async () => {
    const { resolve, asked } = fakeDns({
      'hooks.lan': ['127.0.0.1'],
      'internal.corp': ['10.0.0.5'],
    });
    const opts = { resolve, allowPrivateHosts: ['hooks.lan'] };
    for (const location of [
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.5/admin',
      'http://internal.corp/admin',
      'http://[::1]/',
    ]) {
      handler = (_req, res) => {
        res.writeHead(307, { location });
        res.end();
      };
      const err = await refusal(safeFetch(`http://hooks.lan:${port}/hook`, init, opts));
      expect(err.kind, location).toBe('permanent');
      expect(err.message, location).toMatch(/private address|metadata/);
    }
    expect(asked).toContain('internal.corp');
  });

  it('re-sends a POST on 307/308 only, and follows GET redirects up to five', async () => {
    const { resolve } = fakeDns({ 'hooks.lan': ['127.0.0.1'] });
    const opts = { resolve, allowPrivateHosts: ['hooks.lan'] };
    handler = (req, res) => {
      if (req.url === '/final') return res.end(`final ${req.method}`);
      res.writeHead(req.url === '/moved' ? 301 : 308, { location: '/final' });
      res.end();
    };
    expect((await safeFetch(`http://hooks.lan:${port}/perm`, init, opts)).body).toBe('final POST');
    const err = await refusal(safeFetch(`http://hooks.lan:${port}/moved`, init, opts));
    expect(err.message).toMatch(/redirects \(HTTP 301\).*save the final URL/);
    const get = { method: 'GET' as const, headers: {}, timeoutMs: 2000 };
    expect((await safeFetch(`http://hooks.lan:${port}/moved`, get, opts)).body).toBe('final GET');
    handler = (req, res) => {
      res.writeHead(302, { location: `/loop${req.url ?? ''}` });
      res.end();
    };
    expect((await refusal(safeFetch(`http://hooks.lan:${port}/a`, get, opts))).message).toMatch(
      /more than 5 times/,
    );
  });

  it('gives up after the timeout, saying the request had been sent', async () => {
    handler = () => undefined; // never answers
    const err = await safeFetch(
      `http://127.0.0.1:${port}/slow`,
      { ...init, timeoutMs: 200 },
      {
        allowPrivateHosts: ['127.0.0.1'],
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpSendError);
    expect((err as HttpSendError).sent).toBe(true);
    expect((err as HttpSendError).code).toBe('ETIMEDOUT');
  });
});
