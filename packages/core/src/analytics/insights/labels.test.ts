import { describe, expect, it } from 'vitest';
import {
  formatInsightValue,
  insightMetricLabel,
  insightValueFormat,
  isInsightMetric,
  isLowerBetter,
  shortDateLabel,
  weekdayLabel,
} from './labels';

describe('insight labels', () => {
  it('names views after the platform: plays on video platforms, reads on text ones', () => {
    expect(insightMetricLabel('views', 'douyin')['zh-CN']).toBe('播放量');
    expect(insightMetricLabel('views', 'wechat_oa')['zh-CN']).toBe('阅读量');
    expect(insightMetricLabel('views')['zh-CN']).toBe('阅读/播放');
    expect(insightMetricLabel('engagementRate')['en-US']).toBe('Engagement rate');
  });

  it('knows stored and derived goal metrics', () => {
    expect(isInsightMetric('followersTotal')).toBe(true);
    expect(isInsightMetric('retention')).toBe(true);
    expect(isInsightMetric('mood')).toBe(false);
  });

  it('treats fewer unfollows and faster replies as improvements', () => {
    expect(isLowerBetter('followersLost')).toBe(true);
    expect(isLowerBetter('responseTimeMinutes')).toBe(true);
    expect(isLowerBetter('views')).toBe(false);
  });

  it('writes values in the metric format', () => {
    expect(formatInsightValue(0.052, insightValueFormat('completionRate'), 'zh-CN')).toBe('5.2%');
    expect(formatInsightValue(38, insightValueFormat('avgWatchSeconds'), 'zh-CN')).toBe('38 秒');
    expect(formatInsightValue(12_000, insightValueFormat('revenue'), 'zh-CN')).toBe('¥1.2万');
    expect(formatInsightValue(12_000, insightValueFormat('views'), 'en-US')).toBe('12K');
    expect(formatInsightValue(5, insightValueFormat('responseTimeMinutes'), 'en-US')).toBe('5 min');
  });

  it('names weekdays from Monday = 0 and dates for sentences', () => {
    expect(weekdayLabel(0)['zh-CN']).toBe('周一');
    expect(weekdayLabel(6)['en-US']).toBe('Sun');
    expect(() => weekdayLabel(7)).toThrow(RangeError);
    expect(shortDateLabel('2026-03-12')).toEqual({ 'zh-CN': '3月12日', 'en-US': 'Mar 12' });
  });
});
