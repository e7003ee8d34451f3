import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContentItem, TContentSummary } from '@yunce/contracts';
import { addMember, createTestApp, signUp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let owner: Agent;
let lead: Agent;
let operator: Agent;
let xhsId: string;
let oaId: string;

const url = (suffix = '') => `/api/v1/workspaces/${owner.workspaceId}/content${suffix}`;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t);
  lead = await addMember(t, owner, 'lead');
  operator = await addMember(t, owner, 'operator');
  const acc = async (platform: string, name: string) =>
    (
      await owner.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/accounts`,
        payload: { platform, name },
      })
    ).json<{ id: string }>().id;
  xhsId = await acc('xiaohongshu', '小鹿研究所');
  oaId = await acc('wechat_oa', '小鹿咖啡');
});
afterAll(async () => {
  await t.close();
});

async function create(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.request({ method: 'POST', url: url(), payload: body });
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<TContentItem>();
}

const CLEAN = '周末手冲咖啡小课堂：三步做出一杯好喝的咖啡。';
const DIRTY = '全网最低价！加V领取优惠券';

describe('content items', () => {
  it('creates an item with variants pre-filled from the master and findings per target', async () => {
    const item = await create(operator, {
      title: '手冲咖啡入门',
      body: DIRTY,
      format: 'article',
      pillar: 'usage_tips',
      tags: ['教程'],
      variants: [{ accountId: xhsId }, { accountId: oaId, title: '公众号专属标题' }],
    });
    expect(item).toMatchObject({
      status: 'draft',
      version: 1,
      pillar: 'usage_tips',
      tags: ['教程'],
    });
    expect(item.variants.map((v) => v.platform).sort()).toEqual(['wechat_oa', 'xiaohongshu']);
    const master = item.findings.filter((f) => f.accountId === null && f.field === 'body');
    const absolute = master.find((f) => f.category === 'absolute_terms');
    expect(absolute?.severity).toBe('block');
    expect(DIRTY.slice(absolute?.start, absolute?.end)).toBe(absolute?.text);
    // Diversion (加V) is a Xiaohongshu rule: it shows on that variant.
    expect(item.findings.some((f) => f.accountId === xhsId && f.category === 'diversion')).toBe(
      true,
    );
    // 全网最低价 in the master body, which both variants keep, is reported once, not three times.
    expect(
      item.findings.filter((f) => f.field === 'body' && f.text === absolute?.text),
    ).toHaveLength(1);
  });

  it('rejects bad input naming the field and saves nothing', async () => {
    const before = (await owner.request({ method: 'GET', url: url() })).json<{ items: unknown[] }>()
      .items.length;
    const bad = await operator.request({
      method: 'POST',
      url: url(),
      payload: { title: '', format: 'tweet', body: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{ error: { details: { field: string }[] } }>().error.details.map((d) => d.field),
    ).toEqual(expect.arrayContaining(['title', 'format']));
    const foreign = await operator.request({
      method: 'POST',
      url: url(),
      payload: {
        title: 'x',
        format: 'article',
        variants: [{ accountId: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      foreign.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field,
    ).toBe('variants.0.accountId');
    const pillar = await operator.request({
      method: 'POST',
      url: url(),
      payload: {
        title: 'x',
        format: 'article',
        pillar: 'custom:00000000-0000-4000-8000-000000000000',
      },
    });
    expect(pillar.statusCode).toBe(400);
    expect(
      (await owner.request({ method: 'GET', url: url() })).json<{ items: unknown[] }>().items
        .length,
    ).toBe(before);
  });

  it('keeps a version per text change, none for a reschedule, and refuses a stale save', async () => {
    const item = await create(operator, { title: '版本一', body: CLEAN, format: 'article' });
    const moved = await operator.request({
      method: 'PATCH',
      url: url(`/${item.id}`),
      payload: { plannedAt: '2026-12-01T02:00:00Z', baseVersion: 1 },
    });
    expect(moved.json<TContentItem>()).toMatchObject({
      version: 1,
      plannedAt: '2026-12-01T02:00:00.000Z',
    });
    const v2 = await operator.request({
      method: 'PATCH',
      url: url(`/${item.id}`),
      payload: { title: '版本二', baseVersion: 1 },
    });
    expect(v2.json<TContentItem>().version).toBe(2);
    const stale = await owner.request({
      method: 'PATCH',
      url: url(`/${item.id}`),
      payload: { body: '别人的修改', baseVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      stale.json<{ error: { details: { field: string; message: string }[] } }>().error.details,
    ).toEqual([{ field: 'baseVersion', message: 'the current version is 2' }]);
    const versions = (
      await owner.request({ method: 'GET', url: url(`/${item.id}/versions`) })
    ).json<{ versions: { version: number; title: string }[] }>().versions;
    expect(versions.map((v) => `${v.version}:${v.title}`)).toEqual(['2:版本二', '1:版本一']);
  });

  it('lists for the calendar by planned range and filters by account, status and text', async () => {
    const o = await signUp(t);
    const wurl = `/api/v1/workspaces/${o.workspaceId}`;
    const acc = (
      await o.request({
        method: 'POST',
        url: `${wurl}/accounts`,
        payload: { platform: 'douyin', name: '抖音号' },
      })
    ).json<{ id: string }>().id;
    const mk = (title: string, plannedAt: string | null, variants: unknown[] = []) =>
      o.request({
        method: 'POST',
        url: `${wurl}/content`,
        payload: { title, body: CLEAN, format: 'short_video', plannedAt, variants },
      });
    // 00:30 on 1 December in Shanghai is still 30 November in UTC.
    await mk('月初', '2026-11-30T16:30:00Z', [{ accountId: acc }]);
    await mk('月前', '2026-11-30T15:59:00Z');
    await mk('十二月', '2026-12-02T01:00:00Z');
    await mk('未排期', null);
    const list = async (q: string) =>
      (await o.request({ method: 'GET', url: `${wurl}/content?${q}` }))
        .json<{ items: TContentSummary[] }>()
        .items.map((i) => i.title);
    expect(
      await list(
        `from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+08:00')}`,
      ),
    ).toEqual(['月初', '十二月']);
    expect(await list(`accountId=${acc}`)).toEqual(['月初']);
    expect((await list('q=%E6%9C%AA')).sort()).toEqual(['未排期']);
    expect((await list('status=draft')).length).toBe(4);
    expect(
      (await o.request({ method: 'GET', url: `${wurl}/content?status=done` })).statusCode,
    ).toBe(400);
  });

  it('duplicates into a new draft and cancels', async () => {
    const item = await create(operator, {
      title: '原稿',
      body: CLEAN,
      format: 'article',
      variants: [{ accountId: oaId }],
    });
    const dup = await operator.request({ method: 'POST', url: url(`/${item.id}/duplicate`) });
    expect(dup.statusCode).toBe(201);
    expect(dup.json<TContentItem>()).toMatchObject({
      title: '原稿（副本）',
      status: 'draft',
      version: 1,
    });
    expect(dup.json<TContentItem>().variants).toHaveLength(1);
    const cancelled = await operator.request({ method: 'POST', url: url(`/${item.id}/cancel`) });
    expect(cancelled.json<TContentItem>().status).toBe('cancelled');
    const edit = await operator.request({
      method: 'PATCH',
      url: url(`/${item.id}`),
      payload: { title: 'x' },
    });
    expect(edit.statusCode).toBe(409);
  });

  it('lets analysts read but not write, and trainees not even read', async () => {
    const analyst = await addMember(t, owner, 'analyst');
    expect((await analyst.request({ method: 'GET', url: url() })).statusCode).toBe(200);
    expect(
      (
        await analyst.request({
          method: 'POST',
          url: url(),
          payload: { title: 'x', format: 'article' },
        })
      ).statusCode,
    ).toBe(403);
    const trainee = await addMember(t, owner, 'trainee');
    expect((await trainee.request({ method: 'GET', url: url() })).statusCode).toBe(403);
  });
});

describe('media', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const MP4 = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom'),
    Buffer.alloc(64),
  ]);
  function upload(bytes: Buffer, filename: string) {
    const boundary = '----yunce-media';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('takes a cover image and a video, refuses SVG and unknown bytes, and leaves the item as it was on failure', async () => {
    const item = await create(operator, { title: '带图', body: CLEAN, format: 'short_video' });
    const cover = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/media?cover=true`),
      ...upload(PNG, 'c.png'),
    });
    expect(cover.statusCode).toBe(200);
    expect(cover.json<TContentItem>().coverUrl).toMatch(/\/files\//);
    const video = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/media`),
      ...upload(MP4, 'v.mp4'),
    });
    expect(video.json<TContentItem>().media).toEqual([
      expect.objectContaining({ mimeType: 'video/mp4', name: 'v.mp4' }),
    ]);
    const videoCover = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/media?cover=true`),
      ...upload(MP4, 'v.mp4'),
    });
    expect(videoCover.statusCode).toBe(415);
    const svg = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/media`),
      ...upload(Buffer.from('<svg onload="alert(1)"/>'), 'x.svg'),
    });
    expect(svg.statusCode).toBe(415);
    expect(svg.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'file',
    );
    const after = (
      await operator.request({ method: 'GET', url: url(`/${item.id}`) })
    ).json<TContentItem>();
    expect(after.media).toHaveLength(1);
    expect(after.coverUrl).toBe(cover.json<TContentItem>().coverUrl);
  });
});

describe('approval', () => {
  it('refuses submission while a blocking finding is open, then lets the fixed text through to approval', async () => {
    const item = await create(operator, {
      title: '促销',
      body: DIRTY,
      format: 'article',
      variants: [{ accountId: xhsId }],
    });
    const blocked = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/submit`),
      payload: {},
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<{ error: { code: string; details: unknown[] } }>().error.code).toBe(
      'COMPLIANCE_BLOCKED',
    );
    // An operator cannot override.
    const sneaky = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/submit`),
      payload: { overrideReason: '我觉得没问题' },
    });
    expect(sneaky.statusCode).toBe(403);
    await operator.request({ method: 'PATCH', url: url(`/${item.id}`), payload: { body: CLEAN } });
    const submitted = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/submit`),
      payload: {},
    });
    expect(submitted.json<TContentItem>()).toMatchObject({ status: 'in_review', reviewStep: 0 });
    const self = await operator.request({
      method: 'POST',
      url: url(`/${item.id}/decisions`),
      payload: { decision: 'approve' },
    });
    expect(self.statusCode).toBe(403);
    const approved = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/decisions`),
      payload: { decision: 'approve', comment: '可以发' },
    });
    expect(approved.json<TContentItem>()).toMatchObject({ status: 'approved', approvedVersion: 2 });
    const history = (
      await owner.request({ method: 'GET', url: url(`/${item.id}/decisions`) })
    ).json<{ decisions: { decision: string; userId: string }[] }>().decisions;
    expect(history.map((d) => d.decision)).toEqual(['submit', 'approve']);
  });

  it('needs approval again after an edit', async () => {
    const item = await create(operator, { title: '新品', body: CLEAN, format: 'article' });
    await operator.request({ method: 'POST', url: url(`/${item.id}/submit`), payload: {} });
    await lead.request({
      method: 'POST',
      url: url(`/${item.id}/decisions`),
      payload: { decision: 'approve' },
    });
    const edited = await operator.request({
      method: 'PATCH',
      url: url(`/${item.id}`),
      payload: { body: `${CLEAN}再加一句。` },
    });
    expect(edited.json<TContentItem>()).toMatchObject({
      status: 'draft',
      approvedVersion: null,
      version: 2,
    });
    const approveStale = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/decisions`),
      payload: { decision: 'approve' },
    });
    expect(approveStale.statusCode).toBe(409);
  });

  it('lets a lead override blocking findings with a written reason, audited', async () => {
    const item = await create(lead, { title: '第一', body: '行业第一的品质', format: 'article' });
    const noReason = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/submit`),
      payload: {},
    });
    expect(noReason.statusCode).toBe(409);
    const ok = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/submit`),
      payload: { overrideReason: '有权威机构出具的排名证书' },
    });
    expect(ok.json<TContentItem>().status).toBe('in_review');
    // The owner approves; the override for this version already stands.
    const approved = await owner.request({
      method: 'POST',
      url: url(`/${item.id}/decisions`),
      payload: { decision: 'approve' },
    });
    expect(approved.json<TContentItem>().status).toBe('approved');
    const audit = await owner.request({
      method: 'GET',
      url: `/api/v1/workspaces/${owner.workspaceId}/audit?entityType=content&entityId=${item.id}`,
    });
    const actions = audit.json<{
      entries: { action: string; after: { reason?: string } | null }[];
    }>().entries;
    expect(actions.find((a) => a.action === 'content.compliance-override')?.after?.reason).toBe(
      '有权威机构出具的排名证书',
    );
  });

  it('follows a configured two-step flow with an all-of step, and requests changes', async () => {
    const o = await signUp(t);
    const l1 = await addMember(t, o, 'lead');
    const l2 = await addMember(t, o, 'lead');
    const op = await addMember(t, o, 'operator');
    const wurl = `/api/v1/workspaces/${o.workspaceId}`;
    const bad = await o.request({
      method: 'PATCH',
      url: `${wurl}/content-settings`,
      payload: { approvalFlow: { steps: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await l1.request({
          method: 'PATCH',
          url: `${wurl}/content-settings`,
          payload: { approvalFlow: { steps: [{ name: 'x', roles: ['lead'], mode: 'any' }] } },
        })
      ).statusCode,
    ).toBe(403);
    const set = await o.request({
      method: 'PATCH',
      url: `${wurl}/content-settings`,
      payload: {
        approvalFlow: {
          steps: [
            { name: '主管会签', roles: ['lead'], mode: 'all' },
            { name: '老板终审', roles: ['owner'], mode: 'any' },
          ],
        },
      },
    });
    expect(set.statusCode).toBe(200);
    const item = (
      await op.request({
        method: 'POST',
        url: `${wurl}/content`,
        payload: { title: '会签', body: CLEAN, format: 'article' },
      })
    ).json<TContentItem>();
    await op.request({ method: 'POST', url: `${wurl}/content/${item.id}/submit`, payload: {} });
    expect(
      (
        await o.request({
          method: 'POST',
          url: `${wurl}/content/${item.id}/decisions`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);
    const one = (
      await l1.request({
        method: 'POST',
        url: `${wurl}/content/${item.id}/decisions`,
        payload: { decision: 'approve' },
      })
    ).json<TContentItem>();
    expect(one).toMatchObject({ status: 'in_review', reviewStep: 0 });
    const two = (
      await l2.request({
        method: 'POST',
        url: `${wurl}/content/${item.id}/decisions`,
        payload: { decision: 'approve' },
      })
    ).json<TContentItem>();
    expect(two).toMatchObject({ status: 'in_review', reviewStep: 1 });
    const back = (
      await o.request({
        method: 'POST',
        url: `${wurl}/content/${item.id}/decisions`,
        payload: { decision: 'request_changes', comment: '标题再改改' },
      })
    ).json<TContentItem>();
    expect(back.status).toBe('changes_requested');
    const comments = (
      await op.request({ method: 'GET', url: `${wurl}/content/${item.id}/comments` })
    ).json<{ comments: { body: string }[] }>().comments;
    expect(comments.map((c) => c.body)).toContain('标题再改改');
  });

  it('anchors comments to a passage of the current version', async () => {
    const item = await create(operator, { title: '评论', body: CLEAN, format: 'article' });
    const res = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/comments`),
      payload: {
        body: '这句再斟酌',
        anchor: { field: 'body', start: 0, end: 4, quote: '周末手冲' },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, anchor: { quote: '周末手冲' } });
    const empty = await lead.request({
      method: 'POST',
      url: url(`/${item.id}/comments`),
      payload: { body: '' },
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe('compliance settings and check', () => {
  it("applies the workspace's own banned words and brand spellings", async () => {
    const o = await signUp(t);
    const wurl = `/api/v1/workspaces/${o.workspaceId}`;
    const set = await o.request({
      method: 'PATCH',
      url: `${wurl}/content-settings`,
      payload: {
        compliance: {
          bannedWords: ['竞品X'],
          brandSpellings: [{ wrong: '小路咖啡', right: '小鹿咖啡' }],
        },
      },
    });
    expect(set.statusCode).toBe(200);
    const res = await o.request({
      method: 'POST',
      url: `${wurl}/compliance/check`,
      payload: { text: '比竞品X好喝，小路咖啡出品' },
    });
    const findings = res.json<{
      findings: { ruleId: string; suggestions: string[] }[];
      blocking: boolean;
    }>();
    expect(findings.blocking).toBe(true);
    expect(findings.findings.find((f) => f.suggestions.includes('小鹿咖啡'))).toBeTruthy();
    const bad = await o.request({
      method: 'PATCH',
      url: `${wurl}/content-settings`,
      payload: { compliance: { bannedWords: [''] } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('checks platform rules only for that platform', async () => {
    const res = (p?: string) =>
      owner.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/compliance/check`,
        payload: { text: '关注后才能领取优惠券', ...(p ? { platform: p } : {}) },
      });
    const oa = (await res('wechat_oa')).json<{ findings: { category: string }[] }>();
    const wb = (await res('weibo')).json<{ findings: { category: string }[] }>();
    expect(oa.findings.some((f) => f.category === 'inducement')).toBe(true);
    expect(wb.findings.some((f) => f.category === 'inducement')).toBe(false);
    const bad = await owner.request({
      method: 'POST',
      url: `/api/v1/workspaces/${owner.workspaceId}/compliance/check`,
      payload: { text: 'x', platform: 'myspace' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
