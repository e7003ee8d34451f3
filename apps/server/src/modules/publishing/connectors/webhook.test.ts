import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPublicUrl, isPrivateAddress } from './ssrf';
import { createWebhookConnector, parseRetryAfter, verifyWebhookSignature } from './webhook';
import { ConnectorError, type ConnectorContext, type PublishRequest } from './types';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end('{}');
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const request: PublishRequest = {
  idempotencyKey: 'variant-1:account-1',
  attemptId: 'pub-1:0',
  workspaceId: 'w',
  account: { id: 'account-1', platform: 'weibo', name: '微博', handle: null },
  item: { id: 'item-1', format: 'article', version: 2 },
  title: '标题',
  body: '正文',
  hashtags: ['#咖啡#'],
  media: [],
  cover: null,
  scheduledAt: new Date('2026-11-23T01:30:00Z'),
};

function ctx(url: string): ConnectorContext {
  return {
    accountId: 'account-1',
    workspaceId: 'w',
    settings: { url },
    secrets: { signingSecret: 'topsecret' },
    saveSecrets: () => Promise.resolve(),
  };
}

const connector = createWebhookConnector({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 800 });

async function failure(url = `${base}/hook`): Promise<ConnectorError> {
  try {
    await connector.publish(ctx(url), request);
  } catch (err) {
    if (err instanceof ConnectorError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('SSRF protection', () => {
  it('refuses loopback, private, link-local, metadata, CGNAT and mapped addresses', async () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2400:3200::1')).toBe(false);
    for (const url of [
      'http://127.0.0.1/x',
      'http://2130706433/x',
      'http://0x7f.1/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      await expect(assertPublicUrl(url), url).rejects.toThrow(/private address/);
    }
  });

  it('checks every address a name resolves to, and only http(s)', async () => {
    const resolve = () =>
      Promise.resolve([
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ]);
    await expect(assertPublicUrl('https://hooks.example.com/x', { resolve })).rejects.toThrow(
      /10\.0\.0\.5/,
    );
    await expect(assertPublicUrl('file:///etc/passwd')).rejects.toThrow(/http or https/);
    await expect(assertPublicUrl('https://user:pw@example.com/')).rejects.toThrow(/user name/);
    const ok = await assertPublicUrl('https://hooks.example.com/x', {
      resolve: () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]),
    });
    expect(ok.address).toBe('93.184.216.34');
  });

  it('reaches a private host only when an admin allowed it, and re-checks redirects', async () => {
    handler = (_req, _body, res) => res.end('{}');
    const strict = createWebhookConnector({ timeoutMs: 800 });
    await expect(strict.publish(ctx(`${base}/hook`), request)).rejects.toThrow(
      /private address 127\.0\.0\.1/,
    );
    handler = (_req, _body, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      res.end();
    };
    const err = await failure();
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/169\.254\.169\.254/);
  });
});

describe('webhook connector', () => {
  it('sends a signed JSON post with delivery and idempotency headers and reads the answer', async () => {
    let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
    handler = (req, body, res) => {
      seen = { headers: req.headers, body };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ externalId: 'post-9', url: 'https://weibo.com/9' }));
    };
    const out = await connector.publish(ctx(`${base}/hook`), request);
    expect(out).toEqual({ kind: 'published', externalId: 'post-9', url: 'https://weibo.com/9' });
    const h = seen!.headers;
    expect(h['idempotency-key']).toBe('variant-1:account-1');
    expect(h['x-yunce-delivery']).toBe('pub-1:0');
    expect(
      verifyWebhookSignature(
        'topsecret',
        String(h['x-yunce-timestamp']),
        seen!.body,
        String(h['x-yunce-signature']),
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'wrong',
        String(h['x-yunce-timestamp']),
        seen!.body,
        String(h['x-yunce-signature']),
      ),
    ).toBe(false);
    expect(JSON.parse(seen!.body)).toMatchObject({
      event: 'publish',
      title: '标题',
      hashtags: ['#咖啡#'],
    });
  });

  it('classifies answers: 2xx without JSON, pending, 429 with Retry-After, 5xx, 401, 422', async () => {
    handler = (_req, _body, res) => res.end('ok');
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'published',
      externalId: null,
      url: null,
    });
    handler = (_req, _body, res) =>
      res.end(JSON.stringify({ status: 'pending', externalId: 'job-1' }));
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'pending',
      externalId: 'job-1',
    });
    handler = (_req, _body, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end('slow down');
    };
    let err = await failure();
    expect(err.kind).toBe('transient');
    expect(err.details.retryAfterMs).toBe(120_000);
    handler = (_req, _body, res) => {
      res.writeHead(503);
      res.end();
    };
    expect((await failure()).kind).toBe('transient');
    handler = (_req, _body, res) => {
      res.writeHead(401);
      res.end('bad signature');
    };
    expect((await failure()).kind).toBe('auth');
    handler = (_req, _body, res) => {
      res.writeHead(422);
      res.end('title too long');
    };
    err = await failure();
    expect(err.kind).toBe('permanent');
    expect(err.message).toContain('title too long');
  });

  it('calls a timeout after the post was sent "unknown", and a refused connection transient', async () => {
    handler = () => undefined; // never answers
    expect((await failure()).kind).toBe('unknown');
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await failure(`http://127.0.0.1:${port}/gone`)).kind).toBe('transient');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(
      parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1)),
    ).toBe(60_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
