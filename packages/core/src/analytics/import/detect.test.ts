import { describe, expect, it } from 'vitest';
import { detectPreset, findHeaderRow, type TTableRows } from './detect';
import { PRESETS } from './presets';

const h = (line: string) => line.split('|').map((s) => s.trim());

const HEADERS = {
  'wechat_oa.content_detail': h(
    '日期 | 阅读次数 | 阅读人数 | 分享次数 | 分享人数 | 阅读原文次数 | 阅读原文人数 | 收藏次数 | 收藏人数 | 群发篇数 | 渠道',
  ),
  'wechat_oa.notified_articles': h(
    '内容标题 | 发表时间 | 总阅读人数 | 总阅读次数 | 总分享人数 | 总分享次数 | 阅读后关注人数 | 送达人数 | 公众号消息阅读次数 | 送达阅读率 | 首次分享次数 | 分享产生阅读次数 | 首次分享率 | 每次分享带来阅读次数 | 阅读完成率 | 内容url',
  ),
  'douyin.works': h(
    '作品名称 | 发布时间 | 体裁 | 发布状态 | 播放量 | 完播率 | 5s完播率 | 作品时长 | 2s跳出率 | 平均播放时长 | 点赞量 | 评论量 | 分享量 | 收藏量 | 主页访问量 | 粉丝增量',
  ),
  'xiaohongshu.notes': h(
    '笔记标题 | 首次发布时间 | 体裁 | 曝光 | 观看量 | 封面点击率 | 点赞 | 评论 | 收藏 | 涨粉 | 分享 | 人均观看时长',
  ),
  'bilibili.compare': h(
    '视频标题 | 发布时间 | 播放量 | 游客播放占比 | 3秒跳出率 | 封标点击率 | 互动率 | 涨粉 | 点赞 | 点赞率 | 评论 | 评论率 | 弹幕 | 收藏 | 收藏率 | 投币 | 分享 | 分享率 | 平均播放进度',
  ),
  'wechat_channels.posts': h(
    '描述 | 视频ID | 发布时间 | 完播率 | 平均播放时长 | 播放量 | 推荐 | 喜欢 | 评论 | 分享 | 关注 | 转发朋友圈',
  ),
  'generic.content': h(
    'date,external_id,url,title,published_at,impressions,views,likes'.replace(/,/g, '|'),
  ),
  'generic.account': h('date|channel|views|likes|followers_gained|followers_lost|followers_net'),
};

describe('findHeaderRow', () => {
  it('passes over a merged disclaimer row and blank rows', () => {
    const rows: TTableRows = [
      ['最多导出排序后前1000条笔记', null, null, null],
      [],
      [null, '', null],
      ['笔记标题', '首次发布时间', '曝光', '点赞'],
      ['春日穿搭', '2026年03月25日09时49分34秒', 1200, 30],
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it('does not take a data row of strings for the header', () => {
    const rows: TTableRows = [
      ['导出时间：2026-05-30'],
      ['标题', '发布时间', '播放量'],
      ['视频一', '2026-05-29 12:00', '1.2万'],
    ];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('returns null when the scan window holds only data', () => {
    expect(findHeaderRow([['2026-05-29', '12', '3']])).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });

  it('looks no further than maxScan rows', () => {
    const rows: TTableRows = [...Array.from({ length: 5 }, () => ['说明']), ['a', 'b']];
    expect(findHeaderRow(rows, 5)).toBeNull();
    expect(findHeaderRow(rows, 6)).toBe(5);
  });
});

describe('detectPreset', () => {
  it.each(Object.entries(HEADERS))('recognises the documented %s header', (id, header) => {
    const result = detectPreset([header], PRESETS);
    expect(result.best?.preset.id).toBe(id);
    expect(result.best?.missingRequired).toEqual([]);
    expect(result.best?.headerRowIndex).toBe(0);
  });

  it('still recognises a file with columns reordered, optional ones dropped and extras added', () => {
    const header = ['粉丝增量', '点赞量', '自定义列', '发布时间', '作品名称', '播放量', '备注'];
    const result = detectPreset([header], PRESETS);
    expect(result.best?.preset.id).toBe('douyin.works');
    expect(result.best?.score).toBeCloseTo(5 / 7, 10);
  });

  it('recognises the 抖音 variant with 审核状态 and 封面点击率', () => {
    const header = HEADERS['douyin.works']
      .filter((x) => x !== '发布状态' && x !== '作品时长')
      .concat(['审核状态', '封面点击率']);
    expect(detectPreset([header], PRESETS).best?.preset.id).toBe('douyin.works');
  });

  it('recognises the 已通知内容 variant without delivery columns', () => {
    const header = HEADERS['wechat_oa.notified_articles'].filter(
      (x) => !['送达人数', '送达阅读率', '公众号消息阅读次数'].includes(x),
    );
    expect(detectPreset([header], PRESETS).best?.preset.id).toBe('wechat_oa.notified_articles');
  });

  it('finds the header below the 小红书 disclaimer and reports the row', () => {
    const rows: TTableRows = [['最多导出排序后前1000条笔记'], HEADERS['xiaohongshu.notes']];
    const result = detectPreset(rows, PRESETS);
    expect(result.best?.preset.id).toBe('xiaohongshu.notes');
    expect(result.best?.headerRowIndex).toBe(1);
  });

  it('matches headers written in full width or with units in parentheses', () => {
    const header = ['日期', '阅读次数（次）', '阅读人数 ', '渠道', '分享次数'];
    expect(detectPreset([header], PRESETS).best?.preset.id).toBe('wechat_oa.content_detail');
  });

  it('offers a preset that lacks a required column and names the column', () => {
    const header = HEADERS['douyin.works'].filter((x) => x !== '作品名称');
    const result = detectPreset([header], PRESETS);
    expect(result.best?.preset.id).toBe('douyin.works');
    expect(result.best?.missingRequired).toEqual(['作品名称']);
  });

  it('returns null with ranked candidates for an unknown export', () => {
    const result = detectPreset([['转发数', '评论数', '点赞数', '点赞', '发布时间']], PRESETS);
    expect(result.best).toBeNull();
    expect(result.candidates.length).toBeGreaterThan(0);
    const scores = result.candidates.map((c) => c.score);
    expect(scores.every((s) => s < 0.5)).toBe(true);
  });

  it('prefers the generic account format for a file of dates and counts only', () => {
    const result = detectPreset([['date', 'views', 'likes']], PRESETS);
    expect(result.best?.preset.id).toBe('generic.account');
  });
});
