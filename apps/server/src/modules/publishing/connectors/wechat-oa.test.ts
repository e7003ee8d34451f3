import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorContext, type PublishRequest } from './types';
import { msUntilShanghaiMidnight } from './wechat-errors';
import { startWeChatFake, type WeChatFake } from './wechat-fake';
import { clearWeChatTokenCache, createWeChatOfficialAccountConnector } from './wechat-oa';

let fake: WeChatFake;
beforeEach(async () => {
  clearWeChatTokenCache();
  fake = await startWeChatFake({ apps: { wx123: 'the-app-secret' } });
});
afterEach(async () => {
  await fake.close();
});

/**
 * One connected account with its secrets "in the database": every context is a fresh copy, as
 * the publishing service builds one per publication, and saveSecrets merges like the service.
 */
function account(secrets: Record<string, string> = { appSecret: 'the-app-secret' }) {
  const accountId = randomUUID();
  const store: Record<string, string> = { ...secrets };
  const patches: Record<string, string>[] = [];
  const ctx = (): ConnectorContext => ({
    accountId,
    workspaceId: 'w',
    settings: { appId: 'wx123' },
    secrets: { ...store },
    saveSecrets: (patch) => {
      patches.push({ ...patch });
      Object.assign(store, patch);
      return Promise.resolve();
    },
  });
  return { accountId, store, patches, ctx };
}

function image(name: string, mimeType = 'image/png', size = 10) {
  return {
    url: `/api/v1/workspaces/w/files/${name}`,
    mimeType,
    name,
    read: () => Promise.resolve(Buffer.alloc(size, 1)),
  };
}

function request(over: Partial<PublishRequest> = {}): PublishRequest {
  return {
    idempotencyKey: 'v1:a1',
    attemptId: 'p1:0',
    workspaceId: 'w',
    account: { id: 'a1', platform: 'wechat_oa', name: '咖啡公众号', handle: null },
    item: { id: 'i1', format: 'article', version: 1 },
    title: '秋天的第一杯咖啡',
    body: '第一段 <b>不是标签</b> & 符号\n第二行\n\n![杯子](/api/v1/workspaces/w/files/cup.png)\n\n## 小标题\n\n**重点**内容',
    hashtags: ['#咖啡#'],
    media: [image('cup.png'), image('beans.jpg', 'image/jpeg')],
    cover: {
      url: '/api/v1/workspaces/w/files/cover',
      mimeType: 'image/jpeg',
      read: () => Promise.resolve(Buffer.alloc(50, 2)),
    },
    scheduledAt: new Date('2026-10-01T01:00:00Z'),
    ...over,
  };
}

function connector(over: Parameters<typeof createWeChatOfficialAccountConnector>[0] = {}) {
  return createWeChatOfficialAccountConnector({ baseUrl: fake.baseUrl, timeoutMs: 1000, ...over });
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConnectorError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

const TOKEN_KEYS = ['accessToken', 'accessTokenExpiresAt'];

describe('WeChat Official Account connector', () => {
  it('uploads the cover and images, adds a draft and submits it; polling finds the article', async () => {
    const a = account();
    const c = connector();
    const out = await c.publish(a.ctx(), request());
    expect(out.kind).toBe('pending');
    expect(fake.calls.map((x) => x.path)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/material/add_material',
      '/cgi-bin/media/uploadimg',
      '/cgi-bin/media/uploadimg',
      '/cgi-bin/draft/add',
      '/cgi-bin/freepublish/submit',
    ]);
    expect(fake.callsTo('/cgi-bin/stable_token')[0]?.body).toEqual({
      grant_type: 'client_credential',
      appid: 'wx123',
      secret: 'the-app-secret',
      force_refresh: false,
    });
    const material = fake.callsTo('/cgi-bin/material/add_material')[0]!;
    expect(material.query.type).toBe('image');
    expect(material.body).toEqual({
      field: 'media',
      filename: 'cover.jpg',
      contentType: 'image/jpeg',
      size: 50,
    });
    const draft = fake.callsTo('/cgi-bin/draft/add')[0]!.body as {
      articles: {
        title: string;
        content: string;
        thumb_media_id: string;
        need_open_comment: number;
      }[];
    };
    const article = draft.articles[0]!;
    expect(article.title).toBe('秋天的第一杯咖啡');
    expect(article.thumb_media_id).toMatch(/^MATERIAL_/);
    expect(article.need_open_comment).toBe(1);
    // Our text is escaped; the referenced image sits where it was, the other one is appended.
    expect(article.content).toContain('第一段 &lt;b&gt;不是标签&lt;/b&gt; &amp; 符号<br/>第二行');
    expect(article.content).not.toContain('<b>');
    expect(article.content).toContain('<h2>小标题</h2>');
    expect(article.content).toContain('<strong>重点</strong>内容');
    const imgs = [...article.content.matchAll(/<img src="([^"]+)" alt="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(imgs).toHaveLength(2);
    expect(imgs[0]?.[1]).toBe('杯子');
    expect(imgs[1]?.[1]).toBe('beans.jpg');
    expect(imgs.every(([src]) => src?.startsWith('http://mmbiz.qpic.cn/'))).toBe(true);
    expect(article.content.indexOf('杯子')).toBeLessThan(article.content.indexOf('小标题'));

    const publishId = out.kind === 'pending' ? out.externalId : '';
    expect(fake.callsTo('/cgi-bin/freepublish/submit')[0]?.body).toEqual({
      media_id: expect.stringMatching(/^DRAFT_/) as unknown,
    });
    expect(await c.getPublishStatus!(a.ctx(), publishId)).toEqual({ kind: 'pending' });
    const done = await c.getPublishStatus!(a.ctx(), publishId);
    expect(done).toEqual({
      kind: 'published',
      externalId: expect.stringMatching(/^ARTICLE_/) as unknown,
      url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//) as unknown,
    });
  });

  it('uses the first image as the cover when none was chosen, and needs one of the two', async () => {
    const a = account();
    const out = await connector().publish(a.ctx(), request({ cover: null }));
    expect(out.kind).toBe('pending');
    expect(fake.callsTo('/cgi-bin/material/add_material')[0]?.body).toMatchObject({
      filename: 'cover.png',
    });
    const err = await failure(connector().publish(a.ctx(), request({ cover: null, media: [] })));
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/封面/);
  });

  it('refuses files WeChat would refuse before uploading anything', async () => {
    const a = account();
    const calls = fake.calls.length;
    let err = await failure(
      connector().publish(a.ctx(), request({ media: [image('a.webp', 'image/webp')] })),
    );
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/a\.webp.*JPG\/PNG/);
    err = await failure(
      connector().publish(
        a.ctx(),
        request({ media: [image('big.png', 'image/png', 1024 * 1024)] }),
      ),
    );
    expect(err.message).toMatch(/big\.png.*1MB/);
    err = await failure(
      connector().publish(
        a.ctx(),
        request({
          cover: {
            url: '/c',
            mimeType: 'image/webp',
            read: () => Promise.resolve(Buffer.alloc(1)),
          },
        }),
      ),
    );
    expect(err.message).toMatch(/封面图是 image\/webp/);
    expect(fake.calls.length).toBe(calls);
  });

  it('caches the token in the account secrets and reuses it across calls and contexts', async () => {
    const a = account();
    const c = connector();
    await c.publish(a.ctx(), request());
    expect(a.store.accessToken).toMatch(/^TOKEN_/);
    expect(Date.parse(a.store.accessTokenExpiresAt ?? '')).toBeGreaterThan(Date.now() + 7000_000);
    await c.publish(a.ctx(), request());
    // Another process (no memory cache) reads the stored token.
    clearWeChatTokenCache();
    await connector().publish(a.ctx(), request());
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(1);
    const tokens = new Set(fake.callsTo('/cgi-bin/draft/add').map((x) => x.query.access_token));
    expect(tokens).toEqual(new Set([a.store.accessToken]));
  });

  it('refreshes five minutes before the stored token expires', async () => {
    const a = account();
    const c = connector();
    await c.publish(a.ctx(), request());
    clearWeChatTokenCache();
    a.store.accessTokenExpiresAt = new Date(Date.now() + 4 * 60_000).toISOString();
    await c.publish(a.ctx(), request());
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(2);
    expect(Date.parse(a.store.accessTokenExpiresAt ?? '')).toBeGreaterThan(
      Date.now() + 60 * 60_000,
    );
  });

  it('makes one token call for ten concurrent publishes of one account', async () => {
    const a = account();
    const c = connector();
    fake.delayNext(100, 1, '/cgi-bin/stable_token');
    const outs = await Promise.all(Array.from({ length: 10 }, () => c.publish(a.ctx(), request())));
    expect(outs.every((o) => o.kind === 'pending')).toBe(true);
    expect(new Set(outs.map((o) => (o.kind === 'pending' ? o.externalId : ''))).size).toBe(10);
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(1);
    expect(a.patches).toHaveLength(1);
  });

  it('after 42001 (token expired) refreshes once and the call succeeds', async () => {
    const a = account();
    const c = connector();
    await c.publish(a.ctx(), request());
    const old = a.store.accessToken;
    fake.expireTokens();
    const out = await c.publish(a.ctx(), request());
    expect(out.kind).toBe('pending');
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(2);
    expect(a.store.accessToken).not.toBe(old);
    const materialCalls = fake.callsTo('/cgi-bin/material/add_material');
    expect(materialCalls.map((x) => x.query.access_token)).toEqual([old, old, a.store.accessToken]);
  });

  it('shares one refresh when concurrent calls all hit an expired token', async () => {
    const a = account();
    const c = connector();
    await c.publish(a.ctx(), request());
    fake.expireTokens();
    const outs = await Promise.all(Array.from({ length: 5 }, () => c.publish(a.ctx(), request())));
    expect(outs.every((o) => o.kind === 'pending')).toBe(true);
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(2);
    // Each refused upload was retried once; later steps used the new token straight away.
    expect(fake.callsTo('/cgi-bin/material/add_material')).toHaveLength(1 + 5 + 5);
    expect(fake.callsTo('/cgi-bin/media/uploadimg')).toHaveLength(2 + 5 * 2);
  });

  it('calls 40001 that survives a refresh an authorisation failure', async () => {
    const a = account();
    fake.failNext(
      40001,
      2,
      '/cgi-bin/draft/add',
      'invalid credential, access_token is invalid or not latest',
    );
    const err = await failure(connector().publish(a.ctx(), request()));
    expect(err.kind).toBe('auth');
    expect(err.details.platformCode).toBe(40001);
    expect(fake.callsTo('/cgi-bin/draft/add')).toHaveLength(2);
    expect(fake.callsTo('/cgi-bin/stable_token')).toHaveLength(2);
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(0);
  });

  it('calls 45009 transient until midnight in Shanghai', async () => {
    const a = account();
    // 23:30 in Shanghai: the quota resets in 30 minutes.
    const c = connector({ now: () => new Date('2026-03-10T15:30:00Z') });
    fake.failNext(45009, 1, '/cgi-bin/material/add_material', 'reach max api daily quota limit');
    const err = await failure(c.publish(a.ctx(), request()));
    expect(err.kind).toBe('transient');
    expect(err.details.platformCode).toBe(45009);
    expect(err.details.retryAfterMs).toBe(30 * 60_000);
    expect(err.message).toMatch(/0 点/);
    expect(msUntilShanghaiMidnight(new Date('2026-03-10T16:30:00Z'))).toBe(23.5 * 3_600_000);
  });

  it('calls -1 (system busy) transient', async () => {
    const a = account();
    fake.failNext(-1, 1, '/cgi-bin/freepublish/submit', 'system error');
    const err = await failure(connector().publish(a.ctx(), request()));
    expect(err.kind).toBe('transient');
    expect(err.details.platformCode).toBe(-1);
  });

  it('explains a bad AppSecret and an IP not on the whitelist as authorisation failures', async () => {
    const bad = account({ appSecret: 'wrong' });
    let err = await failure(connector().publish(bad.ctx(), request()));
    expect(err.kind).toBe('auth');
    expect(err.details.platformCode).toBe(40125);
    expect(err.message).toMatch(/AppSecret 无效.*基本配置/);
    expect(err.message).not.toContain('wrong');
    fake.blockIp('203.0.113.9');
    err = await failure(connector().publish(account().ctx(), request()));
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('设置与开发 → 基本配置 → IP白名单');
    expect(err.message).toContain('203.0.113.9');
  });

  it('calls content WeChat finds too long permanent, with the reason in Chinese', async () => {
    const a = account();
    let err = await failure(
      connector().publish(a.ctx(), request({ title: '很长的标题'.repeat(7) })),
    );
    expect(err.kind).toBe('permanent');
    expect(err.details.platformCode).toBe(45003);
    expect(err.message).toMatch(/标题太长/);
    err = await failure(connector().publish(a.ctx(), request({ body: '字'.repeat(20_000) })));
    expect(err.details.platformCode).toBe(45002);
    expect(err.message).toMatch(/正文太长/);
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(0);
  });

  it('calls a submit that times out after sending "unknown", and a slow draft transient', async () => {
    const a = account();
    const c = connector({ timeoutMs: 200 });
    fake.delayNext(1000, 1, '/cgi-bin/freepublish/submit');
    let err = await failure(c.publish(a.ctx(), request()));
    expect(err.kind).toBe('unknown');
    expect(err.message).toMatch(/发表记录/);
    fake.delayNext(1000, 1, '/cgi-bin/draft/add');
    err = await failure(c.publish(a.ctx(), request()));
    expect(err.kind).toBe('transient');
  });

  it('calls an unreachable API transient', async () => {
    const a = account();
    const c = connector();
    await fake.close();
    const err = await failure(c.publish(a.ctx(), request()));
    expect(err.kind).toBe('transient');
    fake = await startWeChatFake();
  });

  it('never sends saveSecrets an AppSecret, so refreshes cannot erase it', async () => {
    const a = account();
    const c = connector();
    await c.publish(a.ctx(), request());
    fake.expireTokens();
    await c.publish(a.ctx(), request());
    fake.failNext(40014, 1, '/cgi-bin/media/uploadimg');
    await c.publish(a.ctx(), request());
    expect(a.patches.length).toBeGreaterThanOrEqual(2);
    for (const p of a.patches) {
      expect(Object.keys(p).sort()).toEqual(TOKEN_KEYS);
      expect(Object.values(p).every((v) => v.length > 0)).toBe(true);
    }
    expect(a.store.appSecret).toBe('the-app-secret');
  });

  it('reports failed publishes in plain words, with the failing article', async () => {
    const a = account();
    const c = connector();
    fake.setPublishOutcome(4, [1]);
    const out = await c.publish(a.ctx(), request());
    const id = out.kind === 'pending' ? out.externalId : '';
    expect(await c.getPublishStatus!(a.ctx(), id)).toEqual({ kind: 'pending' });
    const s = await c.getPublishStatus!(a.ctx(), id);
    expect(s.kind).toBe('failed');
    expect(s.kind === 'failed' ? s.reason : '').toMatch(/审核未通过.*第 1 篇/);
  });

  it('fetches follower metrics in 7-day calls, up to yesterday in Shanghai', async () => {
    const a = account();
    const c = connector({ now: () => new Date('2026-02-20T17:00:00Z') }); // 02-21 01:00 in Shanghai
    const samples = await c.fetchMetrics!(a.ctx(), '2026-02-01', '2026-02-28');
    const ranges = fake
      .callsTo('/datacube/getusersummary')
      .map((x) => x.body as { begin_date: string; end_date: string });
    expect(ranges).toEqual([
      { begin_date: '2026-02-01', end_date: '2026-02-07' },
      { begin_date: '2026-02-08', end_date: '2026-02-14' },
      { begin_date: '2026-02-15', end_date: '2026-02-20' },
    ]);
    expect(fake.callsTo('/datacube/getusercumulate').map((x) => x.body)).toEqual(ranges);
    expect(samples).toHaveLength(20);
    expect(samples[0]?.date).toBe('2026-02-01');
    expect(samples.at(-1)?.date).toBe('2026-02-20');
    const day = Math.floor(Date.parse('2026-02-01T00:00:00Z') / 86_400_000) % 100;
    // The fake answers two user sources per day; they are summed.
    expect(samples[0]).toEqual({
      externalId: null,
      date: '2026-02-01',
      metrics: { new_user: day + 2, cancel_user: day % 7, cumulate_user: 10_000 + day * 3 },
    });
    expect(await c.fetchMetrics!(a.ctx(), '2026-02-21', '2026-02-28')).toEqual([]);
    await expect(c.fetchMetrics!(a.ctx(), '2026/02/01', '2026-02-02')).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });

  it('needs an AppID and an AppSecret', async () => {
    const c = connector();
    const noSecret = account({});
    expect((await failure(c.publish(noSecret.ctx(), request()))).kind).toBe('auth');
    const noAppId: ConnectorContext = { ...account().ctx(), settings: {} };
    expect((await failure(c.publish(noAppId, request()))).message).toMatch(/AppID/);
    expect(fake.calls).toHaveLength(0);
  });
});
