/**
 * Every fixture through the whole parsing path: readTable → detectPreset → normalizeTable.
 * Expected totals are worked out by hand from the rows in fixtures/make-fixtures.ts (the sums
 * are written out so they can be checked against that file), never by calling the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPreset, normalizeTable, PRESETS, type TMetricValues } from '@yunce/core';
import { readTable } from './file-table';

const SH = 'Asia/Shanghai';

async function importFixture(name: string) {
  const bytes = readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
  const { sheets } = await readTable(bytes, name);
  const rows = sheets[0]?.rows ?? [];
  const detected = detectPreset(rows, PRESETS);
  if (!detected.best) throw new Error(`no preset detected for ${name}`);
  const table = normalizeTable({ rows, preset: detected.best.preset, timeZone: SH });
  return { detected: detected.best, table };
}

// Counts must match exactly; weighted averages are compared to 10 decimal places.
function expectTotals(actual: TMetricValues, expected: TMetricValues) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key as keyof TMetricValues];
    if (Number.isInteger(value)) expect(got, key).toBe(value);
    else expect(got, key).toBeCloseTo(value, 10);
  }
}

describe('built-in presets read their fixtures', () => {
  it('公众号 数据明细: channels per day, totals from the 全部 rows', async () => {
    const { detected, table } = await importFixture('wechat-oa-content-detail.xlsx');
    expect(detected.preset.id).toBe('wechat_oa.content_detail');
    expect(table.rows).toHaveLength(13);
    expect(table.errors).toEqual([]);
    expect(table.rows.filter((r) => r.channel === 'all').map((r) => r.date)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
    ]);
    expect(table.rows[1]).toMatchObject({ row: 3, channel: '公众号消息', date: '2026-05-01' });
    expectTotals(table.totals, {
      views: 1200 + 800 + 1500,
      viewers: 980 + 650 + 1210,
      shares: 45 + 30 + 61,
      clicks: 12 + 9 + 15,
      saves: 30 + 20 + 42,
    });
    expect(table.ignoredColumns).toEqual(['分享人数', '阅读原文人数', '收藏人数', '群发篇数']);
  });

  it('公众号 已通知内容: yyyymmdd dates as numbers or text, decimal rates', async () => {
    const { detected, table } = await importFixture('wechat-oa-notified.xlsx');
    expect(detected.preset.id).toBe('wechat_oa.notified_articles');
    expect(table.rows).toHaveLength(5);
    expect(table.errors).toEqual([]);
    expect(table.rows.map((r) => r.date)).toEqual([
      '2026-05-01',
      '2026-05-03',
      '2026-05-06',
      '2026-05-08',
      '2026-05-10',
    ]);
    expect(table.rows[0]).toMatchObject({
      title: '五一出游攻略',
      url: 'https://mp.weixin.qq.com/s/oa-a1',
    });
    expect(table.rows[0]?.publishedAt).toBeUndefined();
    expectTotals(table.totals, {
      viewers: 1800 + 900 + 2500 + 400 + 1200,
      views: 2100 + 1000 + 3000 + 500 + 1500,
      shares: 85 + 25 + 180 + 6 + 50,
      followersGained: 12 + 3 + 30 + 0 + 8,
      deliveries: 10000 + 10000 + 10200 + 10200 + 10300,
      // 用户故事 has "-": weighted by the reads of the other four.
      completionRate: (0.62 * 2100 + 0.48 * 1000 + 0.55 * 3000 + 0.7 * 1500) / 7600,
    });
  });

  it('公众号 已通知内容 without 送达 columns', async () => {
    const { detected, table } = await importFixture('wechat-oa-notified-no-delivery.xlsx');
    expect(detected.preset.id).toBe('wechat_oa.notified_articles');
    expect(table.rows).toHaveLength(2);
    expect(table.errors).toEqual([]);
    expectTotals(table.totals, {
      viewers: 300 + 150,
      views: 360 + 200,
      shares: 12 + 5,
      followersGained: 2 + 1,
      completionRate: (0.5 * 360 + 0.4 * 200) / 560,
    });
  });

  it('抖音 作品数据: "-" is no data, 万 and thousands separators, formats', async () => {
    const { detected, table } = await importFixture('douyin-works.xlsx');
    expect(detected.preset.id).toBe('douyin.works');
    expect(table.rows).toHaveLength(5);
    expect(table.errors).toEqual([]);
    expect(table.rows.map((r) => r.format)).toEqual([
      'short_video',
      'short_video',
      'article',
      'short_video',
      'short_video',
    ]);
    expect(table.rows[0]?.publishedAt?.toISOString()).toBe('2026-05-20T10:30:00.000Z');
    // 审核中 row: every metric is "-", so it has none (unknown, not zero).
    expect(table.rows[3]).toMatchObject({ status: '审核中', metrics: {} });
    expectTotals(table.totals, {
      views: 12345 + 23000 + 3200 + 8000,
      likes: 820 + 1500 + 150 + 600,
      comments: 96 + 210 + 12 + 40,
      shares: 45 + 88 + 30,
      saves: 130 + 400 + 40 + 90,
      profileVisits: 210 + 350 + 120,
      followersGained: 38 + 72 + 5 + 25,
      completionRate: (0.35 * 12345 + 0.28 * 23000 + 0.4 * 8000) / 43345,
      avgWatchSeconds: (15.2 * 12345 + 12.5 * 23000 + 20 * 8000) / 43345,
    });
  });

  it('抖音 审核状态/封面点击率 variant: a bad cell is dropped, a row without title refused', async () => {
    const { detected, table } = await importFixture('douyin-works-review.xlsx');
    expect(detected.preset.id).toBe('douyin.works');
    expect(table.rows).toHaveLength(2);
    expect(table.errors.map((e) => [e.row, e.column, e.code, e.rowSkipped])).toEqual([
      [3, '点赞量', 'INVALID_NUMBER', false],
      [4, '作品名称', 'REQUIRED_EMPTY', true],
    ]);
    expectTotals(table.totals, {
      views: 5000 + 15000,
      likes: 300,
      comments: 20 + 100,
      shares: 10 + 60,
      saves: 50 + 200,
      profileVisits: 60 + 150,
      followersGained: 12 + 40,
      completionRate: (0.3 * 5000 + 0.25 * 15000) / 20000,
      avgWatchSeconds: (10 * 5000 + 8 * 15000) / 20000,
      // No impressions in this export, so the plain mean.
      ctr: (0.08 + 0.1) / 2,
    });
  });

  it('小红书 笔记数据: header under the merged disclaimer, 年月日时分秒', async () => {
    const { detected, table } = await importFixture('xiaohongshu-notes.xlsx');
    expect(detected.preset.id).toBe('xiaohongshu.notes');
    expect(detected.headerRowIndex).toBe(1);
    expect(table.rows.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(table.errors).toEqual([]);
    expect(table.rows[0]?.publishedAt?.toISOString()).toBe('2026-03-25T01:49:34.000Z');
    expectTotals(table.totals, {
      impressions: 12000 + 30000 + 8000 + 20000,
      views: 1500 + 4200 + 640 + 2000,
      likes: 230 + 610 + 90 + 300,
      comments: 18 + 55 + 6 + 25,
      saves: 95 + 320 + 30 + 80,
      followersGained: 12 + 40 + 2 + 15,
      shares: 20 + 66 + 5 + 18,
      danmaku: 12 + 30,
      ctr: (0.125 * 12000 + 0.14 * 30000 + 0.08 * 8000 + 0.1 * 20000) / 70000,
      avgWatchSeconds: (8 * 1500 + 32.5 * 4200 + 6 * 640 + 45 * 2000) / 8340,
    });
  });

  it('B站 稿件对比: UTF-8 with BOM, 年月日 时:分:秒', async () => {
    const { detected, table } = await importFixture('bilibili-compare.csv');
    expect(detected.preset.id).toBe('bilibili.compare');
    expect(table.rows).toHaveLength(3);
    expect(table.errors).toEqual([]);
    expect(table.rows[0]?.publishedAt?.toISOString()).toBe('2026-05-29T04:40:34.000Z');
    expectTotals(table.totals, {
      views: 15230 + 8400 + 3100,
      followersGained: 120 + 45 + 8,
      likes: 980 + 520 + 150,
      comments: 86 + 40 + 12,
      danmaku: 240 + 110 + 30,
      saves: 310 + 260 + 70,
      coins: 150 + 80 + 20,
      shares: 45 + 22 + 6,
      ctr: (0.068 + 0.055 + 0.042) / 3,
    });
  });

  it('视频号 动态数据明细: 2026/5/29 dates, "21.46秒", a blank description', async () => {
    const { detected, table } = await importFixture('wechat-channels-posts.csv');
    expect(detected.preset.id).toBe('wechat_channels.posts');
    expect(table.rows).toHaveLength(3);
    expect(table.errors).toEqual([]);
    expect(table.rows[1]).toMatchObject({
      externalId: 'export/UzFfAgtgekIEAQAAAAAAa2',
      date: '2026-05-30',
    });
    expect(table.rows[1]?.title).toBeUndefined();
    expectTotals(table.totals, {
      views: 5000 + 2000 + 10000,
      likes: 120 + 50 + 300,
      comments: 15 + 5 + 42,
      shares: 40 + 12 + 95,
      followersGained: 10 + 3 + 25,
      completionRate: (0.125 * 5000 + 0.2 * 2000 + 0.084 * 10000) / 17000,
      avgWatchSeconds: (21.46 * 5000 + 15 * 2000 + 30.5 * 10000) / 17000,
    });
  });

  it('generic content in GBK with Chinese labels, 万 and 12,345, a 合计 row skipped', async () => {
    const { detected, table } = await importFixture('generic-content-gbk.csv');
    expect(detected.preset.id).toBe('generic.content');
    expect(table.rows.map((r) => r.externalId)).toEqual(['wb-001', 'wb-002', 'wb-003']);
    expect(table.errors).toEqual([]);
    expectTotals(table.totals, {
      impressions: 34000 + 12000 + 8000,
      views: 12345 + 4100 + 2600,
      likes: 560 + 210 + 130,
      comments: 48 + 19 + 70,
      shares: 1020 + 55 + 20,
      saves: 77 + 30 + 12,
      followersGained: 15 + 6 + 3,
    });
  });

  it('generic account, tab-separated: the all row stands for its day', async () => {
    const { detected, table } = await importFixture('generic-account.tsv');
    expect(detected.preset.id).toBe('generic.account');
    expect(table.rows.map((r) => r.channel)).toEqual(['all', 'app', 'all', 'all']);
    expect(table.errors).toEqual([]);
    expectTotals(table.totals, {
      views: 1000 + 1200 + 900,
      likes: 50 + 64 + 40,
      followersGained: 20 + 18 + 7,
      followersLost: 5 + 8 + 9,
      followersNet: 15 + 10 - 2,
      followersTotal: 10023,
    });
  });

  it('formula cells import their cached results; an error result is reported', async () => {
    const { detected, table } = await importFixture('formulas.xlsx');
    expect(detected.preset.id).toBe('generic.content');
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]).toMatchObject({ title: '富文本标题', url: 'https://example.com/a' });
    expect(table.errors.map((e) => [e.row, e.column, e.value, e.rowSkipped])).toEqual([
      [4, 'shares', '#DIV/0!', false],
    ]);
    expectTotals(table.totals, { views: 120 + 200 + 300, likes: 10 + 7, shares: 5 + 3 });
  });
});
