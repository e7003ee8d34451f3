import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type {
  TAlert,
  TContentRow,
  TGoal,
  TGoalDetail,
  THeatmap,
  TImport,
  TImportPreview,
  TOverview,
  TReport,
  TTrend,
} from '@yunce/contracts';
import {
  addMember,
  createTestApp,
  multipartForm,
  signUp,
  type Agent,
  type TestApp,
} from '../../test/harness';
import { metricImports, posts } from './analytics.tables';

let t: TestApp;
let owner: Agent;
let xhs: string;

const fixture = (name: string) =>
  readFileSync(new URL(`./import/fixtures/${name}`, import.meta.url));

const w = (agent: Agent, s: string) => `/api/v1/workspaces/${agent.workspaceId}${s}`;

async function account(agent: Agent, platform: string, name: string): Promise<string> {
  const res = await agent.request({
    method: 'POST',
    url: w(agent, '/accounts'),
    payload: { platform, name },
  });
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T02:00:00Z'));
  owner = await signUp(t);
  xhs = await account(owner, 'xiaohongshu', '小红书号');
});
afterAll(async () => {
  await t.close();
});

describe('importing platform exports', () => {
  it('previews a 小红书 export, imports it, and updates instead of duplicating on a re-import', async () => {
    const file = { name: '笔记列表明细表.xlsx', bytes: fixture('xiaohongshu-notes.xlsx') };
    const preview = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports/preview'),
      ...multipartForm({ accountId: xhs }, file),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<TImportPreview>();
    expect(p.preset?.id).toBe('xiaohongshu.notes');
    expect(p.headerRow).toBe(2);
    expect(p).toMatchObject({
      rows: 4,
      willCreate: 4,
      willUpdate: 0,
      errorCount: 0,
      importedBefore: null,
    });
    expect(p.totals.views).toBe(8340);
    // A preview writes nothing.
    expect(
      await t.db.database.db.select().from(posts).where(eq(posts.accountId, xhs)),
    ).toHaveLength(0);

    const first = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm({ accountId: xhs }, file),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<TImport>()).toMatchObject({
      status: 'done',
      created: 4,
      updated: 0,
      rows: 4,
    });

    const again = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports/preview'),
      ...multipartForm({ accountId: xhs }, file),
    });
    expect(again.json<TImportPreview>()).toMatchObject({ willCreate: 0, willUpdate: 4 });
    expect(again.json<TImportPreview>().importedBefore).not.toBeNull();
    const second = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm({ accountId: xhs }, file),
    });
    expect(second.json<TImport>()).toMatchObject({ status: 'done', created: 0, updated: 4 });
    expect(
      await t.db.database.db.select().from(posts).where(eq(posts.accountId, xhs)),
    ).toHaveLength(4);
  });

  it("refuses another platform's export for the account, naming the field", async () => {
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm(
        { accountId: xhs },
        { name: 'works.xlsx', bytes: fixture('douyin-works.xlsx') },
      ),
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json<{ error: { details: { field: string }[]; message: string } }>().error.details[0]
        ?.field,
    ).toBe('accountId');
  });

  it('fails a truncated workbook cleanly and writes nothing', async () => {
    const before = (await t.db.database.db.select().from(metricImports)).length;
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm(
        { accountId: xhs },
        { name: 'broken.xlsx', bytes: fixture('truncated.xlsx') },
      ),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await t.db.database.db.select().from(metricImports)).length).toBe(before);
  });

  it('asks for a mapping when no preset fits, and imports with it', async () => {
    const csv = Buffer.from(
      '\uFEFF链接,发布日期,浏览\nhttps://example.com/a,2026-03-02,120\nhttps://example.com/b,2026-03-03,80\n',
    );
    const file = { name: 'other.csv', bytes: csv };
    const acc = await account(owner, 'other', '官网');
    const preview = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports/preview'),
      ...multipartForm({ accountId: acc }, file),
    });
    expect(preview.json<TImportPreview>().preset).toBeNull();
    expect(preview.json<TImportPreview>().headers).toEqual(['链接', '发布日期', '浏览']);
    const mapping = JSON.stringify({
      grain: 'content',
      columns: [
        { header: '链接', field: 'url', parse: 'text' },
        { header: '发布日期', field: 'publishedAt', parse: 'datetime' },
        { header: '浏览', field: 'views', parse: 'count' },
      ],
    });
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm({ accountId: acc, mapping }, file),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TImport>()).toMatchObject({ created: 2 });
    const saved = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/presets'),
      payload: { name: '官网导出', mapping: JSON.parse(mapping) as unknown },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const list = await owner.request({ method: 'GET', url: w(owner, '/analytics/presets') });
    expect(
      list
        .json<{ presets: { name: string; builtin: boolean }[] }>()
        .presets.filter((p) => !p.builtin)
        .map((p) => p.name),
    ).toEqual(['官网导出']);
  });

  it('runs a big file as a job with progress, then shows it done', async () => {
    const acc = await account(owner, 'weibo', '微博号');
    const lines = ['external_id,title,published_at,views,likes'];
    for (let i = 0; i < 3500; i++)
      lines.push(
        `w${i},微博${i},2026-03-${String((i % 28) + 1).padStart(2, '0')} 12:00,${i},${i % 10}`,
      );
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/imports'),
      ...multipartForm(
        { accountId: acc },
        { name: 'big.csv', bytes: Buffer.from(lines.join('\n')) },
      ),
    });
    expect(res.statusCode, res.body).toBe(201);
    const queued = res.json<TImport>();
    expect(queued.status).toBe('queued');
    await t.services.imports.runImportJob(queued.id);
    const done = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/imports/${queued.id}`),
    });
    expect(done.json<TImport>()).toMatchObject({ status: 'done', created: 3500, progress: 1 });
  });

  it('takes metrics over the API and lets an analyst read but not import', async () => {
    const acc = await account(owner, 'wechat_oa', '公众号');
    const res = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/metrics'),
      payload: {
        accountId: acc,
        grain: 'account',
        rows: [
          {
            date: '2026-03-01',
            metrics: { followersGained: 30, followersLost: 5, followersTotal: 1025 },
          },
          {
            date: '2026-03-02',
            metrics: { followersGained: 20, followersLost: 2, followersTotal: 1043 },
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0 });
    const analyst = await addMember(t, owner, 'analyst');
    const read = await analyst.request({
      method: 'GET',
      url: w(owner, `/analytics/overview?from=2026-03-01&to=2026-03-31&accountIds=${acc}`),
    });
    expect(read.statusCode).toBe(200);
    const o = read.json<TOverview>();
    expect(o.kpis.find((k) => k.key === 'followersTotal')?.value).toBe(1043);
    expect(o.kpis.find((k) => k.key === 'followersNet')?.value).toBe(43);
    const write = await analyst.request({
      method: 'POST',
      url: w(owner, '/analytics/metrics'),
      payload: { accountId: acc, grain: 'account', rows: [{ date: '2026-03-03', metrics: {} }] },
    });
    expect(write.statusCode).toBe(403);
    // A day that does not exist is refused by name, and nothing is written.
    const bad = await owner.request({
      method: 'POST',
      url: w(owner, '/analytics/metrics'),
      payload: {
        accountId: acc,
        grain: 'account',
        rows: [
          { date: '2026-03-04', metrics: { followersGained: 1 } },
          { date: '2026-02-30', metrics: { followersGained: 1 } },
        ],
      },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.body).toContain('rows.1.date');
    expect(bad.body).toContain('no such day');
    const after = await owner.request({
      method: 'GET',
      url: w(
        owner,
        `/analytics/trend?from=2026-03-01&to=2026-03-31&accountIds=${acc}&metrics=followersGained`,
      ),
    });
    const trend = after.json<{ buckets: string[]; series: { values: (number | null)[] }[] }>();
    expect(trend.series[0]?.values[trend.buckets.indexOf('2026-03-04')]).toBeNull();
    expect(trend.series[0]?.values[trend.buckets.indexOf('2026-03-01')]).toBe(30);
  });
});

describe('dashboards', () => {
  // The fixture's four notes were published in late March and early April.
  const q = () => `from=2026-03-01&to=2026-04-30&accountIds=${xhs}`;

  it('shows KPIs with the 小红书 engagement definition, and the previous period', async () => {
    const res = await owner.request({ method: 'GET', url: w(owner, `/analytics/overview?${q()}`) });
    expect(res.statusCode).toBe(200);
    const o = res.json<TOverview>();
    expect(o.kpis.find((k) => k.key === 'views')?.value).toBe(8340);
    expect(o.kpis.find((k) => k.key === 'impressions')?.value).toBe(70000);
    expect(o.previousTo).toBe('2026-02-28');
    expect(o.posts).toBe(4);
    expect(o.engagement.formula).toContain('阅读');
    const engaged =
      230 + 610 + 90 + 300 + (18 + 55 + 6 + 25) + (20 + 66 + 5 + 18) + (95 + 320 + 30 + 80);
    expect(o.engagement.rate).toBeCloseTo(engaged / 8340, 10);
  });

  it('ranks content, trends by week, and explains a thin heatmap', async () => {
    const top = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/content?${q()}&sort=views&limit=2`),
    });
    const rows = top.json<{ rows: TContentRow[] }>().rows;
    expect(rows.map((r) => r.metrics.views)).toEqual([4200, 2000]);
    const bottom = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/content?${q()}&sort=views&order=asc&limit=1`),
    });
    expect(bottom.json<{ rows: TContentRow[] }>().rows[0]?.metrics.views).toBe(640);
    const trend = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/trend?${q()}&metrics=views,likes&interval=week`),
    });
    const tr = trend.json<TTrend>();
    expect(tr.buckets[0]).toBe('2026-02-23');
    const sum = tr.series[0]?.values.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(sum).toBe(8340);
    const heat = await owner.request({ method: 'GET', url: w(owner, `/analytics/heatmap?${q()}`) });
    const h = heat.json<THeatmap>();
    expect(h.cells).toHaveLength(168);
    expect(h.cells.reduce((a, c) => a + c.posts, 0)).toBe(4);
    expect(h.reason).toContain('4');
  });

  it('rejects a reversed period and unknown metrics, naming the field', async () => {
    const a = await owner.request({
      method: 'GET',
      url: w(owner, '/analytics/overview?from=2026-03-31&to=2026-03-01'),
    });
    expect(a.statusCode).toBe(400);
    expect(a.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'from',
    );
    const b = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/trend?${q()}&metrics=nope`),
    });
    expect(b.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'metrics',
    );
  });

  it('exports a tile as XLSX', async () => {
    const res = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/export.xlsx?${q()}&tile=content`),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('alerts', () => {
  it("raises one alert and one notification for a sudden drop against the account's own baseline", async () => {
    const s = await signUp(t);
    const acc = await account(s, 'wechat_oa', '公众号');
    // 30 steady days around 1,000 reads, then a day at 200.
    const rows = Array.from({ length: 31 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 2, 10 + i)).toISOString().slice(0, 10),
      metrics: { views: i === 30 ? 200 : 1000 + ((i * 37) % 50) },
    }));
    await s.request({
      method: 'POST',
      url: w(s, '/analytics/metrics'),
      payload: { accountId: acc, grain: 'account', rows },
    });
    // The clock is 2026-04-10; the drop is on 2026-04-09.
    await t.services.insights.watch({ workspaceId: s.workspaceId });
    await t.services.insights.watch({ workspaceId: s.workspaceId });
    const res = await s.request({ method: 'GET', url: w(s, '/analytics/alerts') });
    const alerts = res.json<{ alerts: TAlert[] }>().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'anomaly',
      direction: 'drop',
      date: '2026-04-09',
      value: 200,
      accountId: acc,
    });
    expect(alerts[0]?.evidence.length).toBeGreaterThanOrEqual(14);
    const bell = await s.request({ method: 'GET', url: w(s, '/notifications') });
    expect(
      bell
        .json<{ notifications: { kind: string }[] }>()
        .notifications.filter((n) => n.kind === 'analytics.anomaly'),
    ).toHaveLength(1);
  });
});

describe('goals and reports', () => {
  it('checks SMART, computes progress from metrics, and refuses a goal that ends before it starts', async () => {
    const body = {
      name: '三月观看 1 万',
      metric: 'views',
      scope: 'account',
      accountId: xhs,
      baseline: 0,
      target: 10000,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    };
    const check = await owner.request({
      method: 'POST',
      url: w(owner, '/goals/check'),
      payload: body,
    });
    expect(check.json<{ smart: { letter: string }[] }>().smart.map((l) => l.letter)).toEqual([
      'S',
      'M',
      'A',
      'R',
      'T',
    ]);
    const created = await owner.request({ method: 'POST', url: w(owner, '/goals'), payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json<TGoal>();
    // Only the two March notes count: 1,500 + 4,200 views.
    expect(g.progress.current).toBe(5700);
    expect(g.progress.ratio).toBeCloseTo(0.57, 6);
    // The period is over and the target was missed.
    expect(g.progress.status).toBe('off_track');
    const detail = await owner.request({ method: 'GET', url: w(owner, `/goals/${g.id}`) });
    expect(detail.json<TGoalDetail>().actual.at(-1)?.value).toBe(5700);

    const bad = await owner.request({
      method: 'POST',
      url: w(owner, '/goals'),
      payload: { ...body, endDate: '2026-02-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'endDate',
    );
    const operator = await addMember(t, owner, 'operator');
    const denied = await operator.request({
      method: 'POST',
      url: w(owner, '/goals'),
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('builds a monthly report with best content and findings, and exports it', async () => {
    const res = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/reports?kind=monthly&date=2026-03-15&accountId=${xhs}`),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<TReport>();
    expect(r).toMatchObject({
      kind: 'monthly',
      from: '2026-03-01',
      to: '2026-03-31',
      accountName: '小红书号',
    });
    expect(r.best.length).toBeGreaterThan(0);
    expect(r.findings.length).toBeGreaterThan(0);
    const pdf = await owner.request({
      method: 'GET',
      url: w(
        owner,
        `/analytics/reports/export?format=pdf&kind=monthly&date=2026-03-15&accountId=${xhs}`,
      ),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await owner.request({
      method: 'GET',
      url: w(owner, `/analytics/reports/export?format=xlsx&kind=weekly&date=2026-03-15`),
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
