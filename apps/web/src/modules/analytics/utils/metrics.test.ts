import { describe, expect, it } from 'vitest';
import { changeTone, formatChange, formatMetric, metricLabel } from './metrics';

describe('metric formatting', () => {
  it('writes counts in 万 for Chinese and K for English', () => {
    expect(formatMetric('views', 12000, 'zh-CN')).toBe('1.2万');
    expect(formatMetric('views', 12000, 'en-US')).toBe('12K');
    expect(formatMetric('views', null, 'zh-CN')).toBe('—');
  });

  it('writes rates with one decimal and money in yuan', () => {
    expect(formatMetric('engagementRate', 0.0345, 'zh-CN')).toBe('3.5%');
    expect(formatMetric('revenue', 3200, 'zh-CN')).toBe('¥3,200');
  });

  it('names metrics in the locale, platform-aware for views', () => {
    expect(metricLabel('likes', 'zh-CN')).toBe('点赞');
    expect(metricLabel('views', 'zh-CN', 'douyin')).toBe('播放量');
    expect(metricLabel('mystery', 'en-US')).toBe('mystery');
  });

  it('signs changes and judges them', () => {
    expect(formatChange(0.123)).toBe('+12.3%');
    expect(formatChange(-0.04)).toBe('-4.0%');
    expect(formatChange(null)).toBe('—');
    expect(changeTone('views', 0.1)).toBe('good');
    expect(changeTone('views', -0.1)).toBe('bad');
    expect(changeTone('followersLost', 0.1)).toBe('bad');
    expect(changeTone('views', 0)).toBe('flat');
    expect(changeTone('views', null)).toBe('unknown');
  });
});
