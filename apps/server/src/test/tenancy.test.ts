import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createTestApp,
  multipartForm,
  signUp,
  type Agent,
  type TestApp,
} from './harness';

/**
 * Every workspace-scoped route, called by someone from another workspace with the first
 * workspace's ids, must answer 403 or 404 — and must not change anything. Routes are read from
 * the app itself, so a new route is covered the day it is added.
 */
let t: TestApp;
let a: Agent;
let b: Agent;
let bToken: string;
const ids: Record<string, string> = {};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(bytes: Buffer) {
  const boundary = '----yunce-tenancy';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t, { workspaceName: 'A店' });
  b = await signUp(t, { workspaceName: 'B店' });
  ids.workspaceId = a.workspaceId;
  const operator = await addMember(t, a, 'operator');
  ids.userId = operator.userId;
  const acc = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/accounts`,
    payload: { platform: 'weibo', name: '甲的微博' },
  });
  ids.accountId = acc.json<{ id: string }>().id;
  const avatar = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/accounts/${ids.accountId}/avatar`,
    ...multipart(PNG),
  });
  expect(avatar.statusCode).toBe(200);
  ids.fileId = avatar.json<{ avatarUrl: string }>().avatarUrl.split('/').at(-1) ?? '';
  const item = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/content`,
    payload: {
      title: '甲的稿子',
      body: '内容',
      format: 'article',
      variants: [{ accountId: ids.accountId }],
    },
  });
  ids.itemId = item.json<{ id: string }>().id;
  await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}/submit`,
    payload: {},
  });
  await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}/decisions`,
    payload: { decision: 'approve' },
  });
  const scheduled = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}/schedule`,
    payload: {
      targets: [
        {
          accountId: ids.accountId,
          at: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
        },
      ],
    },
  });
  ids.publicationId =
    scheduled.json<{ publications: { id: string }[] }>().publications[0]?.id ?? '';
  const inv = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/invitations`,
    payload: { role: 'analyst' },
  });
  ids.invitationId = inv.json<{ id: string }>().id;
  const tok = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/api-tokens`,
    payload: { name: 'A token', role: 'admin' },
  });
  ids.tokenId = tok.json<{ id: string }>().id;
  const channel = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/notification-channels`,
    // A literal public address: checked at creation, never contacted by this test.
    payload: {
      kind: 'webhook',
      name: '甲的推送',
      url: 'https://93.184.215.14/hook',
      events: ['publish.failed'],
    },
  });
  expect(channel.statusCode).toBe(201);
  ids.channelId = channel.json<{ id: string }>().id;
  const preset = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/analytics/presets`,
    payload: {
      name: '甲的映射',
      mapping: {
        grain: 'account',
        columns: [{ header: '日期', field: 'date', parse: 'datetime' }],
      },
    },
  });
  ids.presetId = preset.json<{ id: string }>().id;
  const csv = Buffer.from(
    'external_id,title,published_at,views\na1,甲的帖子,2026-03-01 10:00,100\n',
  );
  const imported = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/analytics/imports`,
    ...multipartForm(
      { accountId: ids.accountId ?? '' },
      { name: 'a.csv', bytes: csv, type: 'text/csv' },
    ),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  ids.importId = imported.json<{ id: string }>().id;
  const goal = await a.request({
    method: 'POST',
    url: `/api/v1/workspaces/${a.workspaceId}/goals`,
    payload: {
      name: '甲的目标',
      metric: 'views',
      scope: 'workspace',
      baseline: 0,
      target: 1000,
      startDate: '2026-03-01',
      endDate: '2026-06-30',
    },
  });
  expect(goal.statusCode, goal.body).toBe(201);
  ids.goalId = goal.json<{ id: string }>().id;
  const btok = await b.request({
    method: 'POST',
    url: `/api/v1/workspaces/${b.workspaceId}/api-tokens`,
    payload: { name: 'B token', role: 'admin' },
  });
  bToken = btok.json<{ token: string }>().token;
});
afterAll(async () => {
  await t.close();
});

function fill(url: string, overrides: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = overrides[name] ?? ids[name];
    if (!v)
      throw new Error(`the tenancy matrix has no id for :${name} in ${url}; add one in beforeAll`);
    return v;
  });
}

function sampleBody(method: string): Record<string, unknown> | undefined {
  // One body that every write route accepts, so the answer is about the ids, not the payload.
  return method === 'GET' || method === 'DELETE'
    ? undefined
    : {
        name: 'x',
        role: 'admin',
        platform: 'weibo',
        title: 'x',
        body: '正文',
        format: 'article',
        decision: 'approve',
        type: 'manual',
        outcome: 'published',
        url: 'https://example.com/x',
        targets: [
          { accountId: '00000000-0000-4000-8000-000000000000', at: '2030-01-01T00:00:00Z' },
        ],
      };
}

describe('tenancy matrix', () => {
  const scoped = () =>
    t.routes.filter((r) => r.url.includes(':workspaceId') && !r.public && !r.local);

  it('finds the workspace routes to check', () => {
    expect(scoped().length).toBeGreaterThanOrEqual(15);
  });

  it("refuses another workspace's member every route with A's ids", async () => {
    for (const r of scoped()) {
      const body = sampleBody(r.method);
      const res = await b.request({
        method: r.method,
        url: fill(r.url),
        ...(body ? { payload: body } : {}),
      });
      expect([403, 404], `${r.method} ${r.url} answered ${res.statusCode}`).toContain(
        res.statusCode,
      );
    }
  });

  it("refuses A's resources reached through B's own workspace", async () => {
    for (const r of scoped()) {
      if (!/:(?!workspaceId)\w+/.test(r.url)) continue;
      const body = sampleBody(r.method);
      const res = await b.request({
        method: r.method,
        url: fill(r.url, { workspaceId: b.workspaceId }),
        ...(body ? { payload: body } : {}),
      });
      // 400 would mean the body was judged before the id: only "not yours" answers are acceptable.
      expect([403, 404], `${r.method} ${r.url} answered ${res.statusCode}: ${res.body}`).toContain(
        res.statusCode,
      );
    }
  });

  it("refuses B's API token on every route of A", async () => {
    for (const r of scoped()) {
      const body = sampleBody(r.method);
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        headers: { authorization: `Bearer ${bToken}` },
        ...(body ? { payload: body } : {}),
      });
      expect([403, 404], `${r.method} ${r.url} answered ${res.statusCode}`).toContain(
        res.statusCode,
      );
    }
  });

  it('answers 401 to a caller with no credentials on every non-public route', async () => {
    for (const r of t.routes.filter((x) => !x.public && !x.local && x.url.startsWith('/api/v1'))) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url.replace(':token', 'x'.repeat(20))),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('left A untouched', async () => {
    const acc = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/accounts/${ids.accountId}`,
    });
    expect(acc.json()).toMatchObject({ name: '甲的微博', status: 'active' });
    const members = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/members`,
    });
    expect(members.json<{ members: unknown[] }>().members).toHaveLength(2);
    const tokens = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/api-tokens`,
    });
    expect(
      tokens
        .json<{ tokens: { revokedAt: string | null }[] }>()
        .tokens.every((x) => x.revokedAt === null),
    ).toBe(true);
    const content = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}`,
    });
    expect(content.json()).toMatchObject({ title: '甲的稿子', status: 'scheduled', version: 1 });
    const pubs = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}/publications`,
    });
    expect(
      pubs.json<{ publications: { status: string }[] }>().publications.map((p) => p.status),
    ).toEqual(['scheduled']);
    const comments = await a.request({
      method: 'GET',
      url: `/api/v1/workspaces/${a.workspaceId}/content/${ids.itemId}/comments`,
    });
    expect(comments.json()).toEqual({ comments: [] });
    const ws = await a.request({ method: 'GET', url: `/api/v1/workspaces/${a.workspaceId}` });
    expect(ws.json()).toMatchObject({ name: 'A店' });
  });
});
