import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafeFetch } from './ssrf';
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
  media: [
    {
      url: '/api/v1/workspaces/w/files/f1',
      mimeType: 'image/png',
      name: 'cup.png',
      read: () => Promise.resolve(Buffer.from('png')),
    },
  ],
  cover: {
    url: '/api/v1/workspaces/w/files/c1',
    mimeType: 'image/jpeg',
    read: () => Promise.resolve(Buffer.from('jpg')),
  },
  scheduledAt: new Date('2026-11-23T01:30:00Z'),
};

function ctx(
  url: string,
  secrets: Record<string, string> = { signingSecret: 'topsecret' },
): ConnectorContext {
  return {
    accountId: 'account-1',
    workspaceId: 'w',
    settings: { url },
    secrets,
    saveSecrets: () => Promise.resolve(),
  };
}

const NOW = new Date('2026-11-23T01:30:05Z');
const connector = createWebhookConnector({
  allowPrivateHosts: ['127.0.0.1'],
  timeoutMs: 500,
  now: () => NOW,
});

async function failure(url = `${base}/hook`, c = connector): Promise<ConnectorError> {
  try {
    await c.publish(ctx(url), request);
  } catch (err) {
    if (err instanceof ConnectorError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

function answer(status: number, body = '', headers: Record<string, string> = {}): Handler {
  return (_req, _body, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

describe('webhook connector', () => {
  it('sends a signed JSON post with delivery and idempotency headers', async () => {
    let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
    handler = (req, body, res) => {
      seen = { headers: req.headers, body };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ externalId: 'post-9', url: 'https://weibo.com/9' }));
    };
    const out = await connector.publish(ctx(`${base}/hook`), request);
    expect(out).toEqual({ kind: 'published', externalId: 'post-9', url: 'https://weibo.com/9' });
    const h = seen!.headers;
    expect(h['content-type']).toBe('application/json');
    expect(h['idempotency-key']).toBe('variant-1:account-1');
    expect(h['x-yunce-delivery']).toBe('pub-1:0');
    expect(h['x-yunce-timestamp']).toBe(String(Math.floor(NOW.getTime() / 1000)));
    // The documented recipe, computed independently of the connector's own helper.
    const ts = String(h['x-yunce-timestamp']);
    const expected = `sha256=${createHmac('sha256', 'topsecret').update(`${ts}.${seen!.body}`).digest('hex')}`;
    expect(h['x-yunce-signature']).toBe(expected);
    const at = { nowMs: NOW.getTime() };
    expect(verifyWebhookSignature('topsecret', ts, seen!.body, expected, at)).toBe(true);
    expect(verifyWebhookSignature('wrong', ts, seen!.body, expected, at)).toBe(false);
    expect(verifyWebhookSignature('topsecret', ts, `${seen!.body} `, expected, at)).toBe(false);
    // A replay ten minutes later is refused.
    expect(
      verifyWebhookSignature('topsecret', ts, seen!.body, expected, {
        nowMs: NOW.getTime() + 600_000,
      }),
    ).toBe(false);
    expect(JSON.parse(seen!.body)).toEqual({
      event: 'publish',
      deliveryId: 'pub-1:0',
      idempotencyKey: 'variant-1:account-1',
      workspaceId: 'w',
      account: request.account,
      item: request.item,
      title: '标题',
      body: '正文',
      hashtags: ['#咖啡#'],
      media: [{ url: '/api/v1/workspaces/w/files/f1', mimeType: 'image/png', name: 'cup.png' }],
      cover: { url: '/api/v1/workspaces/w/files/c1', mimeType: 'image/jpeg' },
      scheduledAt: '2026-11-23T01:30:00.000Z',
    });
  });

  it('reads a 2xx answer: JSON with ids, pending, or anything else as published', async () => {
    handler = answer(200, 'ok');
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'published',
      externalId: null,
      url: null,
    });
    handler = answer(204);
    expect((await connector.publish(ctx(`${base}/h`), request)).kind).toBe('published');
    handler = answer(200, '[1,2]');
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'published',
      externalId: null,
      url: null,
    });
    handler = answer(202, JSON.stringify({ status: 'pending', externalId: 'job-1' }));
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'pending',
      externalId: 'job-1',
    });
    handler = answer(202, JSON.stringify({ status: 'pending' }));
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'pending',
      externalId: 'pub-1:0',
    });
    handler = answer(
      200,
      JSON.stringify({ status: 'published', externalId: 'x1', url: 'https://a/b' }),
    );
    expect(await connector.publish(ctx(`${base}/h`), request)).toEqual({
      kind: 'published',
      externalId: 'x1',
      url: 'https://a/b',
    });
  });

  it('calls 408, 425, 429 and 5xx transient', async () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) {
      handler = answer(status, 'busy');
      const err = await failure();
      expect(err.kind, String(status)).toBe('transient');
      expect(err.details.httpStatus).toBe(status);
    }
  });

  it('honours Retry-After as seconds or as an HTTP date', async () => {
    handler = answer(429, 'slow down', { 'retry-after': '120' });
    expect((await failure()).details.retryAfterMs).toBe(120_000);
    handler = answer(503, '', { 'retry-after': new Date(NOW.getTime() + 90_000).toUTCString() });
    // HTTP dates have whole seconds; NOW is at :05.000, so exactly 90 s.
    expect((await failure()).details.retryAfterMs).toBe(90_000);
    handler = answer(503, '', { 'retry-after': 'soon' });
    expect((await failure()).details.retryAfterMs).toBeUndefined();
  });

  it('calls 401 and 403 an authorisation failure', async () => {
    for (const status of [401, 403]) {
      handler = answer(status, 'bad signature');
      const err = await failure();
      expect(err.kind).toBe('auth');
      expect(err.message).toContain('bad signature');
    }
  });

  it('calls other 4xx permanent with the merchant’s message, cut at 300 characters', async () => {
    handler = answer(422, JSON.stringify({ message: 'title too long' }), {
      'content-type': 'application/json',
    });
    let err = await failure();
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/HTTP 422\): title too long$/);
    handler = answer(400, JSON.stringify({ error: { message: '缺少封面' } }));
    expect((await failure()).message).toMatch(/缺少封面$/);
    handler = answer(404, 'x'.repeat(1000));
    err = await failure();
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/: x{300}$/);
  });

  it('calls a timeout after the post was sent "unknown"', async () => {
    handler = () => undefined; // never answers
    const err = await failure();
    expect(err.kind).toBe('unknown');
  });

  it('calls a hang-up after the post was sent "unknown"', async () => {
    handler = (req) => req.socket.destroy();
    expect((await failure()).kind).toBe('unknown');
  });

  it('calls a refused connection or a failed DNS lookup transient', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await failure(`http://127.0.0.1:${port}/gone`);
    expect(refused.kind).toBe('transient');
    expect(refused.message).toMatch(/ECONNREFUSED/);
    const noDns = createWebhookConnector({
      resolve: () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })),
    });
    const err = await failure('https://hooks.example.com/x', noDns);
    expect(err.kind).toBe('transient');
    expect(err.message).toMatch(/ENOTFOUND/);
  });

  it('refuses a private URL unless allowed, before sending anything', async () => {
    let hits = 0;
    handler = (_req, _body, res) => {
      hits++;
      res.end('{}');
    };
    const strict = createWebhookConnector({ timeoutMs: 500 });
    const err = await failure(`${base}/hook`, strict);
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/private address 127\.0\.0\.1/);
    expect(hits).toBe(0);
  });

  it('needs a URL and a signing secret', async () => {
    expect((await failure('')).kind).toBe('permanent');
    const err = await connector.publish(ctx(`${base}/h`, {}), request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe('auth');
  });

  it('uses an injected fetch implementation', async () => {
    const calls: string[] = [];
    const fetchImpl: SafeFetch = (url, init) => {
      calls.push(`${init.method} ${url} ${init.headers['idempotency-key']}`);
      return Promise.resolve({ status: 200, headers: {}, body: '{"externalId":"e"}', url });
    };
    const c = createWebhookConnector({ fetchImpl });
    expect(await c.publish(ctx('https://hooks.example.com/x'), request)).toEqual({
      kind: 'published',
      externalId: 'e',
      url: null,
    });
    expect(calls).toEqual(['POST https://hooks.example.com/x variant-1:account-1']);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(
      parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1)),
    ).toBe(60_000);
    expect(
      parseRetryAfter(new Date(Date.UTC(2025, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1)),
    ).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('later')).toBeUndefined();
  });
});
