import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUp, type Agent, type TestApp } from '../../test/harness';
import type { TAccount } from '@yunce/contracts';
import { eq } from 'drizzle-orm';
import { accounts as accountsTable } from './accounts.tables';

let t: TestApp;
let owner: Agent;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t);
});
afterAll(async () => {
  await t.close();
});

const base = () => `/api/v1/workspaces/${owner.workspaceId}/accounts`;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function upload(bytes: Buffer, filename = 'a.png', type = 'image/png') {
  const boundary = '----yunce-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function create(agent: Agent, body: Record<string, unknown>) {
  return agent.request({ method: 'POST', url: base(), payload: body });
}

describe('accounts', () => {
  it('registers an account with its positioning and returns a profile check', async () => {
    const res = await create(owner, {
      platform: 'xiaohongshu',
      name: '小鹿咖啡研究所',
      handle: 'xiaolu.lab',
      bio: '专注精品咖啡｜好物测评｜在家做咖啡的攻略',
      category: '美食',
      purpose: 'brand_exposure',
      persona: {
        ageBands: ['18_24', '25_30'],
        gender: 'female',
        regions: ['上海'],
        interests: ['咖啡'],
        consumptionHabits: '周末探店',
      },
      toneOfVoice: '真诚分享',
      postingPlan: { postsPerWeek: 5 },
    });
    expect(res.statusCode).toBe(201);
    const a = res.json<TAccount>();
    expect(a).toMatchObject({
      platform: 'xiaohongshu',
      status: 'active',
      connectionType: 'manual',
      postingPlan: { postsPerWeek: 5 },
    });
    expect(a.persona.ageBands).toEqual(['18_24', '25_30']);
    // No avatar yet: the check says so and costs points.
    expect(a.profileCheck.issues.map((i) => i.field)).toContain('avatar');
    expect(a.profileCheck.score).toBeLessThan(100);
  });

  it('explains profile problems in the language the client asks for', async () => {
    const res = await create(owner, { platform: 'douyin', name: '★★官方旗舰店★★' });
    const id = res.json<TAccount>().id;
    const zh = await owner.request({ method: 'GET', url: `${base()}/${id}` });
    const en = await owner.request({
      method: 'GET',
      url: `${base()}/${id}`,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    const zhText = zh
      .json<TAccount>()
      .profileCheck.issues.map((i) => i.message)
      .join(' ');
    const enText = en
      .json<TAccount>()
      .profileCheck.issues.map((i) => i.message)
      .join(' ');
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
    expect(enText).not.toMatch(/[\u4e00-\u9fff]{3}/);
    expect(zh.json<TAccount>().profileCheck.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['name', 'bio', 'avatar']),
    );
  });

  it('rejects bad input naming each field and saves nothing', async () => {
    const before = await owner.request({ method: 'GET', url: `${base()}?status=all` });
    const res = await create(owner, {
      platform: 'myspace',
      name: '',
      postingPlan: { postsPerWeek: -1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json<{ error: { details: { field: string }[] } }>()
      .error.details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['platform', 'name', 'postingPlan.postsPerWeek']),
    );
    const after = await owner.request({ method: 'GET', url: `${base()}?status=all` });
    expect(after.json<{ accounts: unknown[] }>().accounts).toHaveLength(
      before.json<{ accounts: unknown[] }>().accounts.length,
    );
  });

  it('edits, marks as reviewed, archives and restores, with every change in the audit log', async () => {
    const id = (await create(owner, { platform: 'weibo', name: '旧名字' })).json<TAccount>().id;
    // 100 days without a review (moving the clock would also end the owner's session).
    await t.db.database.db
      .update(accountsTable)
      .set({ infoReviewedAt: new Date(t.clock.now().getTime() - 100 * 86_400_000) })
      .where(eq(accountsTable.id, id));
    const stale = await owner.request({ method: 'GET', url: `${base()}/${id}` });
    expect(stale.json<TAccount>().profileCheck.issues.map((i) => i.field)).toContain(
      'infoReviewedAt',
    );
    const edited = await owner.request({
      method: 'PATCH',
      url: `${base()}/${id}`,
      payload: { name: '新名字', markReviewed: true },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<TAccount>().name).toBe('新名字');
    expect(edited.json<TAccount>().profileCheck.issues.map((i) => i.field)).not.toContain(
      'infoReviewedAt',
    );

    const archived = await owner.request({ method: 'POST', url: `${base()}/${id}/archive` });
    expect(archived.json<TAccount>().status).toBe('archived');
    const active = await owner.request({ method: 'GET', url: base() });
    expect(active.json<{ accounts: TAccount[] }>().accounts.map((a) => a.id)).not.toContain(id);
    const editArchived = await owner.request({
      method: 'PATCH',
      url: `${base()}/${id}`,
      payload: { name: 'x' },
    });
    expect(editArchived.statusCode).toBe(409);
    const restored = await owner.request({ method: 'POST', url: `${base()}/${id}/unarchive` });
    expect(restored.json<TAccount>().status).toBe('active');

    const audit = await owner.request({
      method: 'GET',
      url: `/api/v1/workspaces/${owner.workspaceId}/audit?entityType=account&entityId=${id}`,
    });
    const entries = audit.json<{
      entries: {
        action: string;
        before: { name?: string } | null;
        after: { name?: string } | null;
        actor: { userId: string };
      }[];
    }>().entries;
    expect(entries.map((e) => e.action)).toEqual([
      'account.unarchive',
      'account.archive',
      'account.update',
      'account.create',
    ]);
    expect(entries[2]).toMatchObject({
      before: { name: '旧名字' },
      after: { name: '新名字' },
      actor: { userId: owner.userId },
    });
  });

  it('filters by platform, status and search text (wildcards are literal)', async () => {
    const o = await signUp(t);
    const url = `/api/v1/workspaces/${o.workspaceId}/accounts`;
    await o.request({
      method: 'POST',
      url,
      payload: { platform: 'bilibili', name: '手冲课堂', handle: 'pour_over' },
    });
    await o.request({ method: 'POST', url, payload: { platform: 'douyin', name: '50%折扣店' } });
    await o.request({ method: 'POST', url, payload: { platform: 'douyin', name: '门店日常' } });
    const names = async (q: string) =>
      (await o.request({ method: 'GET', url: `${url}?${q}` }))
        .json<{ accounts: TAccount[] }>()
        .accounts.map((a) => a.name)
        .sort();
    expect(await names('platform=douyin')).toEqual(['50%折扣店', '门店日常']);
    expect(await names('q=POUR')).toEqual(['手冲课堂']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual(['50%折扣店']);
    const bad = await o.request({ method: 'GET', url: `${url}?platform=myspace` });
    expect(bad.statusCode).toBe(400);
  });

  it('takes a real image as avatar, serves it inertly, and refuses SVG, fakes and oversized files', async () => {
    const id = (await create(owner, { platform: 'wechat_oa', name: '小鹿咖啡' })).json<TAccount>()
      .id;
    const ok = await owner.request({
      method: 'POST',
      url: `${base()}/${id}/avatar`,
      ...upload(PNG),
    });
    expect(ok.statusCode).toBe(200);
    const avatarUrl = ok.json<TAccount>().avatarUrl;
    expect(avatarUrl).toBeTruthy();
    expect(ok.json<TAccount>().profileCheck.issues.map((i) => i.field)).not.toContain('avatar');
    const file = await owner.request({ method: 'GET', url: avatarUrl ?? '' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PNG)).toBe(true);

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const r1 = await owner.request({
      method: 'POST',
      url: `${base()}/${id}/avatar`,
      ...upload(svg, 'a.svg', 'image/svg+xml'),
    });
    expect(r1.statusCode).toBe(415);
    const fake = await owner.request({
      method: 'POST',
      url: `${base()}/${id}/avatar`,
      ...upload(Buffer.from('<html>hi</html>'), 'a.png'),
    });
    expect(fake.statusCode).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const r2 = await owner.request({
      method: 'POST',
      url: `${base()}/${id}/avatar`,
      ...upload(big),
    });
    expect(r2.statusCode).toBe(413);
    // The failed uploads left the avatar as it was.
    const still = await owner.request({ method: 'GET', url: `${base()}/${id}` });
    expect(still.json<TAccount>().avatarUrl).toBe(avatarUrl);
  });

  it('requires a session or token', async () => {
    expect((await t.app.inject({ method: 'GET', url: base() })).statusCode).toBe(401);
  });

  it('lets an analyst read but not write, and shows a trainee nothing', async () => {
    const analyst = await addMember(t, owner, 'analyst');
    expect((await analyst.request({ method: 'GET', url: base() })).statusCode).toBe(200);
    expect((await create(analyst, { platform: 'weibo', name: '分析师' })).statusCode).toBe(403);
    const trainee = await addMember(t, owner, 'trainee');
    expect((await trainee.request({ method: 'GET', url: base() })).statusCode).toBe(403);
    const op = await addMember(t, owner, 'operator');
    const created = await create(op, { platform: 'kuaishou', name: '运营建的' });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await op.request({
          method: 'POST',
          url: `${base()}/${created.json<TAccount>().id}/archive`,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('platform guide', () => {
  it('describes every platform publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/platforms' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ platforms: Record<string, unknown> }>().platforms)).toEqual(
      expect.arrayContaining([
        'wechat_oa',
        'wechat_channels',
        'weibo',
        'douyin',
        'xiaohongshu',
        'bilibili',
        'kuaishou',
        'zhihu',
        'community',
        'other',
      ]),
    );
  });
});
