import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { TChannel, TDelivery } from '@yunce/contracts';
import { addMember, createTestApp, signUp, type Agent, type TestApp } from '../../test/harness';
import { createFakeConnectors } from '../../test/fake-connectors';
import { ConnectorError } from '../publishing/connectors/types';
import { verifyWebhookSignature } from '../publishing/connectors/webhook';
import { createSmtpMailer } from './mailer';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local receiver for event webhooks whose answer each test sets. */
function receiver() {
  const got: Received[] = [];
  let answer = { status: 200, headers: {} as Record<string, string> };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answer.status, answer.headers);
      res.end('{"ok":true}');
    });
  });
  return {
    got,
    server,
    answer(status: number, headers: Record<string, string> = {}) {
      answer = { status, headers };
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/yunce-events`,
  };
}

type Mail = { to: string; data: string };
const mails: Mail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    let data = '';
    stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
      done();
    });
  },
});

const hook = receiver();
const fake = createFakeConnectors();
let t: TestApp;
let owner: Agent;

beforeAll(async () => {
  await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp(
    { webhookAllowHosts: ['127.0.0.1'], publicUrl: 'https://yunce.example.com' },
    {
      connectors: fake.registry,
      mailer: createSmtpMailer(`smtp://127.0.0.1:${smtpPort}`, 'Yunce <yunce@example.com>'),
    },
  );
  owner = await signUp(t);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => hook.server.close(() => r()));
  await new Promise<void>((r) => smtp.close(() => r()));
});
beforeEach(() => {
  hook.got.length = 0;
  mails.length = 0;
  hook.answer(200);
});

const w = (agent: Agent, s: string) => `/api/v1/workspaces/${agent.workspaceId}${s}`;

async function addChannel(agent: Agent, payload: Record<string, unknown>): Promise<TChannel> {
  const res = await agent.request({
    method: 'POST',
    url: w(agent, '/notification-channels'),
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TChannel>();
}

describe('notification channels', () => {
  it('refuses a webhook to a private address and names the field', async () => {
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/notification-channels'),
      payload: {
        kind: 'webhook',
        name: 'x',
        url: 'http://10.0.0.5/hook',
        events: ['publish.failed'],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'url',
    );
  });

  it('requires at least one event and a URL for a webhook', async () => {
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/notification-channels'),
      payload: { kind: 'webhook', name: 'x', events: [] },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json<{ error: { details: { field: string }[] } }>()
      .error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['events', 'url']));
  });

  it('lets only owners and admins manage channels', async () => {
    const operator = await addMember(t, owner, 'operator');
    const res = await operator.request({
      method: 'GET',
      url: w(operator, '/notification-channels'),
    });
    expect(res.statusCode).toBe(403);
  });

  it('posts a signed event when a publication fails, and only for subscribed events', async () => {
    const s = await signUp(t);
    const failed = await addChannel(s, {
      kind: 'webhook',
      name: '失败告警',
      url: hook.url(),
      events: ['publish.failed'],
    });
    expect(failed.signingSecret).toMatch(/^whsec_/);
    const listed = await s.request({ method: 'GET', url: w(s, '/notification-channels') });
    expect(JSON.stringify(listed.json())).not.toContain(failed.signingSecret);

    fake.setDefault(() =>
      Promise.reject(new ConnectorError('permanent', '内容违规：标题含有违禁词')),
    );
    const mine = await ownPost(s);
    t.clock.advance(120_000);
    await t.services.publishing.runOne(mine);
    expect(await t.services.channels.deliverPending()).toBe(1);
    expect(hook.got).toHaveLength(1);
    const got = hook.got[0]!;
    const payload = JSON.parse(got.body) as Record<string, string>;
    expect(payload.event).toBe('publish.failed');
    expect(payload.body).toContain('标题含有违禁词');
    expect(payload.url).toBe(`https://yunce.example.com/w/${s.workspaceId}/today`);
    expect(got.headers['x-yunce-event']).toBe('publish.failed');
    expect(got.headers['idempotency-key']).toBe(payload.deliveryId);
    expect(
      verifyWebhookSignature(
        failed.signingSecret!,
        String(got.headers['x-yunce-timestamp']),
        got.body,
        String(got.headers['x-yunce-signature']),
        { nowMs: t.clock.now().getTime() },
      ),
    ).toBe(true);

    // A published post is not an event this channel asked for.
    fake.setDefault(() =>
      Promise.resolve({ kind: 'published', externalId: 'e', url: 'https://x/1' }),
    );
    const ok = await ownPost(s);
    t.clock.advance(120_000);
    await t.services.publishing.runOne(ok);
    expect(await t.services.channels.deliverPending()).toBe(0);
    expect(hook.got).toHaveLength(1);
  });

  it('retries a 5xx answer with backoff, honours Retry-After, and gives up on a 4xx', async () => {
    const s = await signUp(t);
    const ch = await addChannel(s, {
      kind: 'webhook',
      name: 'flaky',
      url: hook.url(),
      events: ['publish.published'],
    });
    hook.answer(503, { 'retry-after': '600' });
    fake.setDefault(() =>
      Promise.resolve({ kind: 'published', externalId: 'e', url: 'https://x/1' }),
    );
    const id = await ownPost(s);
    t.clock.advance(120_000);
    await t.services.publishing.runOne(id);
    await t.services.channels.deliverPending();
    let list = await deliveries(s, ch.id);
    expect(list[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(list[0]?.lastError).toContain('503');

    // Not before Retry-After…
    t.clock.advance(300_000);
    expect(await t.services.channels.deliverPending()).toBe(0);
    // …but after it.
    hook.answer(200);
    t.clock.advance(301_000);
    expect(await t.services.channels.deliverPending()).toBe(1);
    list = await deliveries(s, ch.id);
    expect(list[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(hook.got).toHaveLength(2);

    hook.answer(410);
    const test = await s.request({
      method: 'POST',
      url: w(s, `/notification-channels/${ch.id}/test`),
    });
    expect(test.json<TDelivery>()).toMatchObject({ status: 'failed', attempts: 1 });
    const chans = await s.request({ method: 'GET', url: w(s, '/notification-channels') });
    expect(chans.json<{ channels: TChannel[] }>().channels[0]?.lastError).toContain('410');
  });

  it('does not deliver through a disabled channel', async () => {
    const s = await signUp(t);
    const ch = await addChannel(s, {
      kind: 'webhook',
      name: 'off',
      url: hook.url(),
      events: ['publish.published'],
    });
    await s.request({
      method: 'PATCH',
      url: w(s, `/notification-channels/${ch.id}`),
      payload: { enabled: false },
    });
    const id = await ownPost(s);
    t.clock.advance(120_000);
    await t.services.publishing.runOne(id);
    expect(await t.services.channels.deliverPending()).toBe(0);
  });

  it('emails the recipients through SMTP', async () => {
    const s = await signUp(t);
    const ch = await addChannel(s, {
      kind: 'email',
      name: '值班邮箱',
      emails: ['duty@example.com', 'lead@example.com'],
      events: ['publish.needs_check'],
    });
    fake.setDefault(() =>
      Promise.reject(new ConnectorError('unknown', '请求超时，平台是否已发布未知')),
    );
    const id = await ownPost(s);
    t.clock.advance(120_000);
    await t.services.publishing.runOne(id);
    expect(await t.services.channels.deliverPending()).toBe(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe('duty@example.com,lead@example.com');
    expect(mails[0]?.data).toContain('Subject:');
    const list = await deliveries(s, ch.id);
    expect(list[0]?.status).toBe('sent');
  });

  it('refuses an email channel when the server has no SMTP settings', async () => {
    const bare = await createTestApp({}, { mailer: null });
    try {
      const s = await signUp(bare);
      const res = await s.request({
        method: 'POST',
        url: w(s, '/notification-channels'),
        payload: {
          kind: 'email',
          name: 'm',
          emails: ['a@example.com'],
          events: ['publish.failed'],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('YUNCE_SMTP_URL');
      const list = await s.request({ method: 'GET', url: w(s, '/notification-channels') });
      expect(list.json<{ emailConfigured: boolean }>().emailConfigured).toBe(false);
    } finally {
      await bare.close();
    }
  });
});

async function deliveries(agent: Agent, channelId: string): Promise<TDelivery[]> {
  const res = await agent.request({
    method: 'GET',
    url: w(agent, `/notification-channels/${channelId}/deliveries`),
  });
  expect(res.statusCode).toBe(200);
  return res.json<{ deliveries: TDelivery[] }>().deliveries;
}

/** An approved one-account post in the agent's workspace, due in a minute; returns its publication id. */
async function ownPost(agent: Agent): Promise<string> {
  const acc = await agent.request({
    method: 'POST',
    url: w(agent, '/accounts'),
    payload: { platform: 'weibo', name: `微博${Math.random().toString(36).slice(2, 6)}` },
  });
  const accountId = acc.json<{ id: string }>().id;
  await agent.request({
    method: 'PUT',
    url: w(agent, `/accounts/${accountId}/connection`),
    payload: { type: 'webhook', settings: { url: 'https://93.184.215.14/publish' } },
  });
  const item = await agent.request({
    method: 'POST',
    url: w(agent, '/content'),
    payload: { title: '通知测试', body: '正文', format: 'article', variants: [{ accountId }] },
  });
  const itemId = item.json<{ id: string }>().id;
  await agent.request({ method: 'POST', url: w(agent, `/content/${itemId}/submit`), payload: {} });
  await agent.request({
    method: 'POST',
    url: w(agent, `/content/${itemId}/decisions`),
    payload: { decision: 'approve' },
  });
  const res = await agent.request({
    method: 'POST',
    url: w(agent, `/content/${itemId}/schedule`),
    payload: {
      targets: [{ accountId, at: new Date(t.clock.now().getTime() + 60_000).toISOString() }],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ publications: { id: string }[] }>().publications[0]!.id;
}
