import { describe, expect, it } from 'vitest';
import {
  aggregateMetrics,
  aggregateSeries,
  aggregateSeriesGroups,
  clickThroughRate,
  commentRate,
  cpe,
  cpm,
  engagement,
  ENGAGEMENT_DENOMINATOR,
  likeRate,
  periodChange,
  previousPeriod,
  rateOf,
  shareRate,
} from './aggregate';

describe('aggregateSeries', () => {
  it('sums counts and money, skipping rows where the metric is unknown', () => {
    const r = aggregateSeries([
      { views: 100, likes: 5, revenue: 10.5 },
      { views: 50, revenue: 4.5 },
      { likes: 1 },
    ]);
    expect(r).toEqual({ views: 150, likes: 6, revenue: 15 });
  });

  it('leaves a metric absent when no row knows it (unknown is never zero)', () => {
    const r = aggregateSeries([{ views: 1 }, { views: 2 }]);
    expect('likes' in r).toBe(false);
    expect(aggregateSeries([])).toEqual({});
  });

  it('takes the last known total of a time-ordered series', () => {
    const r = aggregateSeries([
      { followersTotal: 1000 },
      { followersTotal: 1010 },
      { followersGained: 3 },
    ]);
    expect(r.followersTotal).toBe(1010);
  });

  it('weights rates by their base metric and ignores rows missing either', () => {
    // completionRate weighted by views: (0.5·100 + 0.2·400) / 500 = 0.26.
    const r = aggregateSeries([
      { views: 100, completionRate: 0.5 },
      { views: 400, completionRate: 0.2 },
      { completionRate: 0.9 },
      { views: 1000 },
    ]);
    expect(r.completionRate).toBeCloseTo(0.26, 12);
    expect(r.views).toBe(1500);
  });

  it('weights seconds by plays and ctr by impressions', () => {
    const r = aggregateSeries([
      { views: 10, avgWatchSeconds: 30, impressions: 100, ctr: 0.1 },
      { views: 30, avgWatchSeconds: 10, impressions: 300, ctr: 0.05 },
    ]);
    expect(r.avgWatchSeconds).toBeCloseTo(15, 12);
    expect(r.ctr).toBeCloseTo(0.0625, 12);
  });

  it('drops a rate whose base is zero everywhere', () => {
    expect(aggregateSeries([{ views: 0, completionRate: 0.4 }]).completionRate).toBeUndefined();
  });
});

describe('aggregateMetrics', () => {
  it('sums totals across series given one row per series', () => {
    const r = aggregateMetrics([
      { followersTotal: 1000, views: 10 },
      { followersTotal: 250, views: 5 },
    ]);
    expect(r).toEqual({ followersTotal: 1250, views: 15 });
  });
});

describe('aggregateSeriesGroups', () => {
  it('sums the last total of each series and combines everything else over all rows', () => {
    const r = aggregateSeriesGroups([
      [
        { followersTotal: 100, views: 10, completionRate: 0.5 },
        { followersTotal: 120, views: 30, completionRate: 0.1 },
      ],
      [{ followersTotal: 50, views: 60, completionRate: 0.3 }],
    ]);
    expect(r.followersTotal).toBe(170);
    expect(r.views).toBe(100);
    // (0.5·10 + 0.1·30 + 0.3·60) / 100 = 0.26.
    expect(r.completionRate).toBeCloseTo(0.26, 12);
  });
});

describe('engagement', () => {
  it('divides by impressions by default and says so', () => {
    const r = engagement(
      { likes: 10, comments: 5, shares: 3, saves: 2, impressions: 1000, views: 400 },
      'douyin',
    );
    expect(r.rate).toBeCloseTo(0.02, 12);
    expect(r).toMatchObject({ numerator: 20, denominator: 1000, denominatorKey: 'impressions' });
    expect(r.missing).toEqual([]);
    expect(r.formula['zh-CN']).toBe('互动率 = (点赞 + 评论 + 分享 + 收藏) ÷ 曝光');
  });

  it('divides by views on Xiaohongshu', () => {
    const r = engagement({ likes: 30, saves: 10, impressions: 1000, views: 400 }, 'xiaohongshu');
    expect(r.rate).toBeCloseTo(0.1, 12);
    expect(r.denominatorKey).toBe('views');
    expect(r.formula['zh-CN']).toContain('小红书惯例按阅读量计算');
    expect(ENGAGEMENT_DENOMINATOR.xiaohongshu).toBe('views');
    expect(ENGAGEMENT_DENOMINATOR.wechat_oa).toBe('impressions');
  });

  it('falls back to views when impressions are missing, and names the fallback', () => {
    const r = engagement({ likes: 8, comments: 2, views: 200 }, 'wechat_oa');
    expect(r.rate).toBeCloseTo(0.05, 12);
    expect(r.denominatorKey).toBe('views');
    expect(r.missing).toEqual(['shares', 'saves']);
    expect(r.formula['zh-CN']).toContain('缺少曝光数据，改用阅读/播放');
    expect(r.formula['en-US']).toContain('no impressions');
  });

  it('has no rate without any interaction count or any denominator', () => {
    expect(engagement({ impressions: 100 }, 'weibo').rate).toBeNull();
    const none = engagement({ likes: 3 }, 'weibo');
    expect(none.rate).toBeNull();
    expect(none.denominatorKey).toBeNull();
    expect(engagement({ likes: 3, impressions: 0 }, 'weibo').rate).toBeNull();
  });
});

describe('rate helpers', () => {
  const v = { views: 2000, likes: 100, comments: 20, shares: 30, impressions: 10_000, clicks: 500 };

  it('divides counts by plays for like, comment and share rate', () => {
    expect(likeRate(v)).toBeCloseTo(0.05, 12);
    expect(commentRate(v)).toBeCloseTo(0.01, 12);
    expect(shareRate(v)).toBeCloseTo(0.015, 12);
  });

  it('computes CTR from clicks, or from plays for the cover click-through rate', () => {
    expect(clickThroughRate(v)).toBeCloseTo(0.05, 12);
    expect(clickThroughRate(v, 'views')).toBeCloseTo(0.2, 12);
  });

  it('computes CPM per thousand plays and CPE per interaction', () => {
    expect(cpm(500, v)).toBeCloseTo(250, 9);
    expect(cpe(300, v)).toBeCloseTo(2, 12);
    expect(cpe(300, { views: 10 })).toBeNull();
  });

  it('returns null instead of dividing by zero or unknown', () => {
    expect(rateOf(5, 0)).toBeNull();
    expect(rateOf(5, undefined)).toBeNull();
    expect(rateOf(undefined, 10)).toBeNull();
    expect(rateOf(0, 10)).toBe(0);
    expect(likeRate({ likes: 3 })).toBeNull();
  });
});

describe('periodChange', () => {
  it('gives delta and ratio relative to the previous value', () => {
    expect(periodChange(77, 100)).toEqual({ delta: -23, ratio: -0.23 });
  });

  it('has no ratio when the previous value is 0 or missing', () => {
    expect(periodChange(5, 0)).toEqual({ delta: 5, ratio: null });
    expect(periodChange(5, null)).toEqual({ delta: null, ratio: null });
    expect(periodChange(undefined, 3)).toEqual({ delta: null, ratio: null });
  });

  it('keeps the direction for negative previous values', () => {
    // Net followers from −10 to −5 is an improvement of 50%.
    expect(periodChange(-5, -10).ratio).toBeCloseTo(0.5, 12);
  });
});

describe('previousPeriod', () => {
  it('returns the same-length period just before', () => {
    expect(previousPeriod('2026-03-09', '2026-03-15')).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
    });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(previousPeriod('2026-01-01', '2026-01-01')).toEqual({
      from: '2025-12-31',
      to: '2025-12-31',
    });
  });

  it('rejects a reversed or malformed range', () => {
    expect(() => previousPeriod('2026-03-09', '2026-03-01')).toThrow(RangeError);
    expect(() => previousPeriod('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
