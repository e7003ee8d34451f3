import { describe, expect, it } from 'vitest';
import type { TTableRows } from './detect';
import { computeImportTotals, normalizeTable, rowKey, type TNormalizedRow } from './normalize';
import {
  DOUYIN_WORKS,
  GENERIC_ACCOUNT,
  GENERIC_CONTENT,
  WECHAT_CHANNELS_POSTS,
  WECHAT_OA_CONTENT_DETAIL,
  XIAOHONGSHU_NOTES,
} from './presets';

const SH = 'Asia/Shanghai';

describe('normalizeTable', () => {
  const oaDetail: TTableRows = [
    ['日期', '阅读次数', '阅读人数', '分享次数', '阅读原文次数', '收藏次数', '群发篇数', '渠道'],
    ['2026-05-01', 100, 80, 5, 2, 1, 1, '全部'],
    ['2026-05-01', 60, 50, 3, 1, 1, 1, '公众号消息'],
    ['2026-05-01', 40, 30, 2, 1, 0, 1, '聊天会话'],
    ['2026-05-02', 20, 15, 1, 0, 0, 0, '搜一搜'],
    ['2026-05-02', 10, 9, 0, 0, 1, 0, '推荐'],
    [null, null, null],
    ['合计', 230, 184, 11, 4, 3, 3, null],
  ];

  it('keeps one row per day and channel, naming the total channel all', () => {
    const t = normalizeTable({ rows: oaDetail, preset: WECHAT_OA_CONTENT_DETAIL, timeZone: SH });
    expect(t.headerRowIndex).toBe(0);
    expect(t.grain).toBe('account');
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => [r.row, r.date, r.channel])).toEqual([
      [2, '2026-05-01', 'all'],
      [3, '2026-05-01', '公众号消息'],
      [4, '2026-05-01', '聊天会话'],
      [5, '2026-05-02', '搜一搜'],
      [6, '2026-05-02', '推荐'],
    ]);
    expect(t.rows[0]?.metrics).toEqual({ views: 100, viewers: 80, shares: 5, clicks: 2, saves: 1 });
    expect(t.ignoredColumns).toEqual(['群发篇数']);
  });

  it('totals a day by its all row, and by its channel rows when there is none', () => {
    const t = normalizeTable({ rows: oaDetail, preset: WECHAT_OA_CONTENT_DETAIL, timeZone: SH });
    // 05-01: the 全部 row (100 reads); 05-02: 20 + 10.
    expect(t.totals).toEqual({ views: 130, viewers: 104, shares: 6, clicks: 2, saves: 2 });
  });

  it('numbers rows as Excel does, below a disclaimer, and skips summary rows', () => {
    const rows: TTableRows = [
      ['最多导出排序后前1000条笔记'],
      ['笔记标题', '首次发布时间', '体裁', '曝光', '观看量', '封面点击率', '点赞', '人均观看时长'],
      ['春日穿搭', '2026年03月25日09时49分34秒', '图文', 1000, 100, '10%', 7, '30秒'],
      [],
      ['露营清单', '2026年03月26日20时00分00秒', '视频', 3000, 300, 0.2, 20, '1分'],
      ['总计', null, null, 4000, 400, null, 27, null],
    ];
    const t = normalizeTable({ rows, preset: XIAOHONGSHU_NOTES, timeZone: SH });
    expect(t.headerRowIndex).toBe(1);
    expect(t.rows.map((r) => r.row)).toEqual([3, 5]);
    expect(t.rows[0]).toEqual({
      row: 3,
      title: '春日穿搭',
      publishedAt: new Date('2026-03-25T01:49:34.000Z'),
      date: '2026-03-25',
      format: 'article',
      metrics: { impressions: 1000, views: 100, ctr: 0.1, likes: 7, avgWatchSeconds: 30 },
    });
    // ctr weighted by impressions: (0.1×1000 + 0.2×3000) / 4000; seconds by views.
    expect(t.totals).toEqual({
      impressions: 4000,
      views: 400,
      likes: 27,
      ctr: expect.closeTo(0.175, 10) as number,
      avgWatchSeconds: expect.closeTo((30 * 100 + 60 * 300) / 400, 10) as number,
    });
  });

  it('drops only the bad cell of a metric and reports it with row and column', () => {
    const rows: TTableRows = [
      ['作品名称', '发布时间', '播放量', '点赞量', '完播率'],
      ['视频一', '2026-05-29 12:00', 'abc', 5, '-'],
    ];
    const t = normalizeTable({ rows, preset: DOUYIN_WORKS, timeZone: SH });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.metrics).toEqual({ likes: 5 });
    expect(t.errors).toEqual([
      {
        row: 2,
        column: '播放量',
        value: 'abc',
        code: 'INVALID_NUMBER',
        message: '「abc」不是有效的数字',
        messageEn: '"abc" is not a valid number',
        rowSkipped: false,
      },
    ]);
  });

  it('leaves out a row whose required cell is blank or whose date cannot be read', () => {
    const rows: TTableRows = [
      ['作品名称', '发布时间', '播放量'],
      ['', '2026-05-29 12:00', 10],
      ['视频二', '2026-02-30', 10],
      ['视频三', '2026-05-29', 10],
    ];
    const t = normalizeTable({ rows, preset: DOUYIN_WORKS, timeZone: SH });
    expect(t.rows.map((r) => r.row)).toEqual([4]);
    expect(t.errors.map((e) => [e.row, e.column, e.code, e.rowSkipped])).toEqual([
      [2, '作品名称', 'REQUIRED_EMPTY', true],
      [3, '发布时间', 'IMPOSSIBLE_DATE', true],
    ]);
    expect(t.errors[0]?.message).toContain('作品名称');
    expect(t.rows[0]?.publishedAt).toBeUndefined();
    expect(t.rows[0]?.date).toBe('2026-05-29');
  });

  it('imports nothing from a file without a required column and says which', () => {
    const rows: TTableRows = [
      ['发布时间', '播放量', '点赞量', '评论量'],
      ['2026-05-29', 1, 2, 3],
    ];
    const t = normalizeTable({ rows, preset: DOUYIN_WORKS, timeZone: SH });
    expect(t.rows).toEqual([]);
    expect(t.errors).toMatchObject([{ row: 1, column: '作品名称', code: 'MISSING_COLUMN' }]);
  });

  it('reports a missing header row instead of guessing', () => {
    const t = normalizeTable({ rows: [['a', 'b']], preset: DOUYIN_WORKS, timeZone: SH });
    expect(t.headerRowIndex).toBe(-1);
    expect(t.errors.map((e) => e.code)).toEqual(['NO_HEADER']);
  });

  it('skips a second row with the same identity', () => {
    const rows: TTableRows = [
      ['视频ID', '描述', '发布时间', '播放量'],
      ['v1', '', '2026/5/29', 10],
      ['v1', '重复', '2026/5/29', 11],
    ];
    const t = normalizeTable({ rows, preset: WECHAT_CHANNELS_POSTS, timeZone: SH });
    expect(t.rows.map((r) => r.externalId)).toEqual(['v1']);
    expect(t.rows[0]?.title).toBeUndefined();
    expect(t.errors).toMatchObject([{ row: 3, code: 'DUPLICATE_ROW', rowSkipped: true }]);
    expect(t.totals).toEqual({ views: 10 });
  });

  it("tells identities apart by kind: a URL equal to another row's id is not a repeat", () => {
    const rows: TTableRows = [
      ['external_id', 'url', 'title', 'date', 'views'],
      ['x1', '', 'a', '2026-05-01', 1],
      ['', 'x1', 'b', '2026-05-01', 2],
      ['', 'x1', 'c', '2026-05-01', 3],
      ['', '', 'x1', '2026-05-01', 4],
      ['', '', 'x1', '2026-05-01', 5],
    ];
    const t = normalizeTable({ rows, preset: GENERIC_CONTENT, timeZone: SH });
    expect(t.rows.map((r) => r.metrics.views)).toEqual([1, 2, 4]);
    expect(t.errors).toMatchObject([
      { row: 4, code: 'DUPLICATE_ROW', message: '与第 3 行重复，已跳过' },
      { row: 6, code: 'DUPLICATE_ROW', message: '与第 5 行重复，已跳过' },
    ]);
  });

  it('stops at maxRows and says where', () => {
    const rows: TTableRows = [
      ['date', 'views'],
      ['2026-05-01', 1],
      ['2026-05-02', 2],
      ['2026-05-03', 3],
    ];
    const t = normalizeTable({ rows, preset: GENERIC_ACCOUNT, timeZone: SH, maxRows: 2 });
    expect(t.rows).toHaveLength(2);
    expect(t.errors).toMatchObject([{ row: 4, code: 'TOO_MANY_ROWS' }]);
  });

  it('reports an unknown 体裁 without dropping the row', () => {
    const rows: TTableRows = [
      ['作品名称', '发布时间', '体裁'],
      ['合集一', '2026-05-29', '合集'],
    ];
    const t = normalizeTable({ rows, preset: DOUYIN_WORKS, timeZone: SH });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.format).toBeUndefined();
    expect(t.errors).toMatchObject([{ code: 'UNKNOWN_FORMAT', rowSkipped: false }]);
  });

  it('uses the date column as the publish day of generic content without a time', () => {
    const rows: TTableRows = [
      ['external_id', 'title', 'date', 'views', 'followers_net'],
      ['a1', '文一', '2026-05-01', '1.2万', '-3'],
      ['', '', '2026-05-02', 5, 0],
      ['a3', '文三', '', 5, 0],
    ];
    const t = normalizeTable({ rows, preset: GENERIC_CONTENT, timeZone: SH });
    expect(t.rows).toMatchObject([
      { row: 2, externalId: 'a1', date: '2026-05-01', metrics: { views: 12000, followersNet: -3 } },
    ]);
    expect(t.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'NO_IDENTITY'],
      [4, 'NO_DATE'],
    ]);
  });

  it('reads a file with a user mapping and takes its total channel', () => {
    const rows: TTableRows = [
      ['说明：微博导出'],
      ['时间', '来源', '转发数', '点赞数', '粉丝净增'],
      ['2026/5/1', '汇总', 3, 10, -2],
      ['2026/5/1', 'App', 2, 6, -1],
    ];
    const t = normalizeTable({
      rows,
      timeZone: SH,
      mapping: {
        grain: 'account',
        totalChannels: ['汇总'],
        columns: [
          { header: '时间', field: 'date', parse: 'datetime', required: true },
          { header: '来源', field: 'channel', parse: 'text' },
          { header: '转发数', field: 'shares', parse: 'count' },
          { header: '点赞数', field: 'likes', parse: 'count' },
          { header: '粉丝净增', field: 'followersNet', parse: 'signedCount' },
        ],
      },
    });
    expect(t.headerRowIndex).toBe(1);
    expect(t.rows.map((r) => [r.row, r.channel])).toEqual([
      [3, 'all'],
      [4, 'App'],
    ]);
    expect(t.totals).toEqual({ shares: 3, likes: 10, followersNet: -2 });
  });

  it('accepts an explicit header row', () => {
    const rows: TTableRows = [
      ['date', 'views'],
      ['date', 'views'],
      ['2026-05-01', 1],
    ];
    const t = normalizeTable({ rows, preset: GENERIC_ACCOUNT, timeZone: SH, headerRowIndex: 1 });
    expect(t.rows.map((r) => r.row)).toEqual([3]);
  });
});

describe('computeImportTotals', () => {
  const row = (over: Partial<TNormalizedRow>): TNormalizedRow => ({
    row: 2,
    date: '2026-05-01',
    metrics: {},
    ...over,
  });

  it('takes followers total on the latest day and averages rates without a base plainly', () => {
    const totals = computeImportTotals(
      [
        row({ date: '2026-05-01', metrics: { followersTotal: 100, completionRate: 0.2 } }),
        row({ date: '2026-05-03', metrics: { followersTotal: 120, completionRate: 0.4 } }),
        row({ date: '2026-05-02', metrics: { followersTotal: 110 } }),
      ],
      'account',
    );
    expect(totals.followersTotal).toBe(120);
    expect(totals.completionRate).toBeCloseTo(0.3, 10);
  });

  it('leaves out a metric no row has, rather than reporting zero', () => {
    expect(computeImportTotals([row({ metrics: { likes: 0 } })], 'content')).toEqual({ likes: 0 });
  });
});

describe('rowKey', () => {
  const base: TNormalizedRow = { row: 2, date: '2026-05-29', metrics: {} };

  it('identifies content by external id, then url, then title and publish minute', () => {
    expect(rowKey({ ...base, externalId: 'v1', url: 'https://a' }, 'content')).toBe('id:v1');
    expect(rowKey({ ...base, url: 'https://a', title: 'x' }, 'content')).toBe('url:https://a');
    const at = new Date('2026-05-29T04:40:34Z');
    expect(rowKey({ ...base, title: ' 标题 ', publishedAt: at }, 'content')).toBe(
      'title:标题|2026-05-29T04:40',
    );
    expect(rowKey({ ...base, title: '标题' }, 'content')).toBe('title:标题|2026-05-29');
  });

  it('identifies account rows by day and channel', () => {
    expect(rowKey({ ...base, channel: '搜一搜' }, 'account')).toBe('2026-05-29|搜一搜');
    expect(rowKey(base, 'account')).toBe('2026-05-29|all');
  });
});
